extension PolicyFileEditor.HolidayImport {
    /// `kb policy holidays import --json`: the calendar, what was added and whether the file was written.
    public func jsonText(written: Bool, file: String, usedBy customers: [String]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("file", file)
        writer.member("calendar", calendar)
        writer.member("created", createdEntry)
        writer.member("extends", extends)
        writer.key("added")
        writer.beginArray()
        for holiday in added {
            writer.beginObject()
            writer.member("date", holiday.date)
            writer.member("name", holiday.name)
            writer.endObject()
        }
        writer.endArray()
        writer.member("already_counted", alreadyCounted)
        writer.member("assigned", assigned)
        writer.member("written", written)
        writer.member("used_by", customers)
        writer.endObject()
        return writer.text
    }
}
