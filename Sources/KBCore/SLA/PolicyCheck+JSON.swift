extension PolicyCheck {
    /// `kb policy check --json`: `{"file", "valid": true, "warnings": [...], "notes": [...]}`.
    public func jsonText(file: String) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("file", file)
        writer.member("valid", true)
        writer.member("warnings", warnings.map(\.message))
        writer.member("notes", notes.map(\.message))
        writer.endObject()
        return writer.text
    }
}
