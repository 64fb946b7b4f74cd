extension ArticleDraft: JSONEncodable {
    /// `{"id":…,"path":…,"ticket":…,"title":…,"language":…}`: where the draft went (its text is the file).
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("path", path), ("ticket", ticketID), ("title", title), ("language", language.rawValue))
    }
}
