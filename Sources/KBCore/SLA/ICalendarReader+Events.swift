import Foundation

extension ICalendarReader {
    /// A yearly `RRULE`: which day of each year it falls on, how often and until when.
    struct YearlyRule {
        var interval = 1
        var count: Int?
        var until: Int64?
        var month: Int?
        var monthDay: Int?
        /// `BYDAY=3MO`: the ordinal (negative from the month's end) and the weekday (Monday = 0).
        var weekday: (ordinal: Int, day: Int)?
    }

    /// Turns one `VEVENT` into days off.
    func add(event: [Property], begin: Int, to result: inout Result) throws(ICalendarError) {
        func first(_ name: String) -> Property? { event.first { $0.name == name } }
        if first("STATUS")?.value.uppercased() == "CANCELLED" {
            result.cancelled += 1
            return
        }
        guard let startProperty = first("DTSTART") else {
            throw .invalid(file: file, line: begin, reason: "the event has no DTSTART")
        }
        let start = try date(startProperty, startProperty.value)
        var days: Int64 = 1
        if let end = first("DTEND") {
            guard first("DURATION") == nil else {
                throw .invalid(file: file, line: end.line, reason: "an event has DTEND or DURATION, not both")
            }
            let last = try date(end, end.value)
            guard last >= start else {
                throw .invalid(file: file, line: end.line, reason: "DTEND \(end.value) is before DTSTART \(startProperty.value)")
            }
            // DTEND is exclusive; some producers repeat DTSTART for a one-day event.
            days = max(1, last - start)
        } else if let duration = first("DURATION") {
            days = try self.days(duration)
        }
        guard days <= Int64(ICalendarReader.maximumEventDays) else {
            throw .invalid(file: file, line: startProperty.line,
                           reason: "the event lasts \(days) days; holidays last at most \(ICalendarReader.maximumEventDays) (check DTEND, which is the day after the last day off)")
        }
        var starts = [start]
        if let ruleProperty = first("RRULE") {
            starts = try occurrences(of: try rule(ruleProperty), from: start, line: ruleProperty.line)
        }
        for property in event where property.name == "RDATE" {
            for text in property.value.split(separator: ",") { starts.append(try date(property, String(text))) }
        }
        var excluded: Set<Int64> = []
        for property in event where property.name == "EXDATE" {
            for text in property.value.split(separator: ",") { excluded.insert(try date(property, String(text))) }
        }
        let name = ICalendarReader.unescaped(first("SUMMARY")?.value ?? "")
        for day in Set(starts).subtracting(excluded).sorted() {
            for offset in 0..<days {
                result.holidays.append(HolidayCalendar.Holiday(date: BusinessCalendar.dateText(day + offset), name: name, source: file))
            }
            guard result.holidays.count <= ICalendarReader.maximumDays else {
                throw .invalid(file: file, line: begin, reason: "the calendar adds more than \(ICalendarReader.maximumDays) days off")
            }
        }
    }

    /// A `DATE` value (`20260502`) of a property, as a day number.
    func date(_ property: Property, _ text: String) throws(ICalendarError) -> Int64 {
        let bytes = Array(text.utf8)
        if bytes.contains(UInt8(ascii: "T")) || property.parameters["VALUE"]?.uppercased() == "DATE-TIME" {
            throw .invalid(file: file, line: property.line,
                           reason: "\(property.name) \(text) is a date and time; kb imports all-day events (\(property.name);VALUE=DATE:\(text.prefix(8)))")
        }
        guard bytes.count == 8, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }),
              let day = BusinessCalendar.dayNumber(of: String(text.prefix(4)) + "-" + text.dropFirst(4).prefix(2) + "-" + text.suffix(2))
        else {
            throw .invalid(file: file, line: property.line, reason: "\(property.name) \"\(text.prefix(40))\" is not a date YYYYMMDD")
        }
        return day
    }

    /// Whole days of a `DURATION` (`P1D`, `P2W`).
    func days(_ property: Property) throws(ICalendarError) -> Int64 {
        var text = Substring(property.value.uppercased())
        if text.hasPrefix("+") { text = text.dropFirst() }
        guard text.hasPrefix("P"), let unit = text.last, unit == "D" || unit == "W",
              let number = Int64(text.dropFirst().dropLast()), number > 0 else {
            throw .invalid(file: file, line: property.line,
                           reason: "DURATION \(property.value) is not whole days; an all-day event lasts P1D, P2D, P1W…")
        }
        return unit == "W" ? number * 7 : number
    }

    /// Parses an `RRULE` kb can expand: yearly, on one month, day of month or nth weekday of a month.
    func rule(_ property: Property) throws(ICalendarError) -> YearlyRule {
        func fail(_ reason: String) -> ICalendarError { .invalid(file: file, line: property.line, reason: reason) }
        var rule = YearlyRule()
        var frequency: String?
        var byDay: String?
        for part in property.value.uppercased().split(separator: ";") {
            let pieces = part.split(separator: "=", maxSplits: 1).map(String.init)
            guard pieces.count == 2 else { throw fail("RRULE part \"\(part)\" is not KEY=VALUE") }
            let (key, value) = (pieces[0], pieces[1])
            switch key {
            case "FREQ": frequency = value
            case "INTERVAL":
                guard let number = Int(value), number > 0 else { throw fail("RRULE INTERVAL=\(value) is not a positive number") }
                rule.interval = number
            case "COUNT":
                guard let number = Int(value), number > 0 else { throw fail("RRULE COUNT=\(value) is not a positive number") }
                rule.count = number
            case "UNTIL":
                rule.until = try date(Property(line: property.line, name: "UNTIL", parameters: [:], value: ""), String(value.prefix(8)))
            case "BYMONTH":
                guard let number = Int(value), (1...12).contains(number) else {
                    throw fail("RRULE BYMONTH=\(value): kb expands one month from 1 to 12")
                }
                rule.month = number
            case "BYMONTHDAY":
                guard let number = Int(value), (1...31).contains(number) else {
                    throw fail("RRULE BYMONTHDAY=\(value): kb expands one day of the month from 1 to 31")
                }
                rule.monthDay = number
            case "BYDAY": byDay = value
            case "WKST": break
            default:
                throw fail("RRULE part \(key) is not supported; kb expands yearly rules by BYMONTH, BYMONTHDAY or BYDAY (such as BYMONTH=1;BYDAY=3MO)")
            }
        }
        guard let frequency else { throw fail("RRULE has no FREQ") }
        guard frequency == "YEARLY" else {
            throw fail("RRULE FREQ=\(frequency) is not supported; kb expands FREQ=YEARLY rules (a holiday comes once a year)")
        }
        guard rule.count == nil || rule.until == nil else { throw fail("RRULE has COUNT and UNTIL; RFC 5545 allows one") }
        if let byDay {
            let weekdays = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
            guard rule.month != nil, rule.monthDay == nil, let day = weekdays.firstIndex(of: String(byDay.suffix(2))),
                  let ordinal = Int(byDay.dropLast(2)), ordinal != 0, abs(ordinal) <= 5 else {
                throw fail("RRULE BYDAY=\(byDay) is not supported; kb expands one weekday of one month with its ordinal (BYMONTH=1;BYDAY=3MO, BYMONTH=5;BYDAY=-1MO)")
            }
            rule.weekday = (ordinal, day)
        }
        return rule
    }

    /// The start days of a yearly rule's occurrences: `start` first, then one a year while the rule lasts.
    func occurrences(of rule: YearlyRule, from start: Int64, line: Int) throws(ICalendarError) -> [Int64] {
        let origin = Timestamp.civilFromDays(start)
        var result = [start]
        var year = origin.year
        let limit = rule.count == nil && rule.until == nil ? lastYear : origin.year + 200
        while year <= limit, result.count < (rule.count ?? Int.max) {
            if let day = occurrence(of: rule, in: year, origin: origin), day > start {
                if let until = rule.until, day > until { break }
                result.append(day)
            }
            year += rule.interval
        }
        return result
    }

    /// The day a yearly rule falls on in one year; nil when that year has no such day (30 February).
    func occurrence(of rule: YearlyRule, in year: Int, origin: (year: Int, month: Int, day: Int)) -> Int64? {
        let month = rule.month ?? origin.month
        let monthDays = Timestamp.daysInMonth(year: year, month: month)
        if let weekday = rule.weekday {
            let first = Timestamp.daysFromCivil(year: year, month: month, day: 1)
            let last = first + Int64(monthDays - 1)
            if weekday.ordinal > 0 {
                let shift = (weekday.day - BusinessCalendar.Weekday(dayNumber: first).rawValue + 7) % 7
                let day = first + Int64(shift + 7 * (weekday.ordinal - 1))
                return day <= last ? day : nil
            }
            let shift = (BusinessCalendar.Weekday(dayNumber: last).rawValue - weekday.day + 7) % 7
            let day = last - Int64(shift + 7 * (-weekday.ordinal - 1))
            return day >= first ? day : nil
        }
        let day = rule.monthDay ?? origin.day
        guard day <= monthDays else { return nil }
        return Timestamp.daysFromCivil(year: year, month: month, day: day)
    }

    /// RFC 5545 TEXT: `\n`, `\,`, `\;` and `\\` escapes; line breaks become spaces in a holiday's name.
    static func unescaped(_ text: String) -> String {
        var out = ""
        var escaping = false
        for character in text {
            if escaping {
                out.append(character == "n" || character == "N" ? " " : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                out.append(character)
            }
        }
        return out.trimmingCharacters(in: .whitespaces)
    }
}
