extension Policy {
    /// `kb policy holidays list NAME --json`: the calendar, its days off (optionally of one year) with sources.
    public func holidayListJSON(calendar name: String, year: Int?) -> String {
        let calendar = holidayCalendar(named: name)
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("calendar", name)
        writer.member("title", calendar?.title)
        writer.member("country", calendar?.country)
        writer.member("extends", calendar?.extends)
        writer.key("holidays")
        writer.beginArray()
        for row in listedHolidays(ofCalendar: name) where year.map({ row.holiday.date.hasPrefix(String($0) + "-") }) ?? true {
            writer.beginObject()
            writer.member("date", row.holiday.date)
            writer.member("name", row.holiday.name)
            writer.member("kind", row.holiday.kind.rawValue)
            writer.member("calendar", row.calendar.name)
            writer.member("source", row.calendar.citation(of: row.holiday))
            writer.endObject()
        }
        writer.endArray()
        writer.member("notes", calendar?.notes ?? [])
        writer.member("pending", (calendar?.pending ?? []).map { "\($0.years.lowerBound)–\($0.years.upperBound): \($0.note)" })
        writer.member("used_by", customers(usingHolidayCalendar: name))
        writer.endObject()
        return writer.text
    }

    /// `kb policy holidays list --json`: every holiday calendar with its years, size and users.
    public var holidayCalendarsJSON: String {
        var writer = JSONWriter()
        writer.beginArray()
        for name in holidayCalendarNames {
            let calendar = holidayCalendar(named: name)
            let days = holidayDays(ofCalendar: name) ?? []
            writer.beginObject()
            writer.member("calendar", name)
            writer.member("title", calendar?.title)
            writer.member("extends", calendar?.extends)
            writer.member("built_in", HolidayCalendar.builtIn[name] != nil)
            writer.member("days", days.count)
            writer.member("first", days.first.map(BusinessCalendar.dateText))
            writer.member("last", days.last.map(BusinessCalendar.dateText))
            writer.member("used_by", customers(usingHolidayCalendar: name))
            writer.endObject()
        }
        writer.endArray()
        return writer.text
    }
}
