import Foundation

extension HolidayCalendar {
    /// Fields of a holiday calendar data file (`Sources/KBCore/SLA/Holidays/CL.json`).
    static let fileFields = ["calendar", "title", "country", "years", "time_zones", "sources", "notes", "pending", "holidays"]
    /// Fields of a `holiday_calendars` entry in `kb/policy.json`.
    static let policyFields = ["title", "country", "extends", "time_zones", "sources", "notes", "holidays", "except"]

    /// Reads a holiday calendar data file; every holiday's `source` must be a key of its `sources`.
    init(dataFile data: Data, file: String) throws(PolicyError) {
        let root = try PolicyJSONReader.parse(data: data, file: file)
        let fields = try root.fields(allowed: HolidayCalendar.fileFields)
        guard let nameReader = fields["calendar"] else { throw root.failure("missing \"calendar\" (its name, e.g. \"CL\")") }
        try self.init(name: nameReader.name(), fields: fields, at: root)
        if let reader = fields["years"] {
            let bounds = try reader.array()
            guard bounds.count == 2 else { throw reader.failure("expected [FIRST, LAST] years") }
            let first = try bounds[0].integer(in: 1900...2200), last = try bounds[1].integer(in: 1900...2200)
            guard first <= last else { throw reader.failure("the first year is after the last") }
            years = first...last
        }
        if let reader = fields["pending"] {
            for item in try reader.array() {
                let itemFields = try item.fields(allowed: ["years", "note"])
                guard let yearsReader = itemFields["years"], let noteReader = itemFields["note"] else {
                    throw item.failure("expected {\"years\": [FIRST, LAST], \"note\": \"…\"}")
                }
                let bounds = try yearsReader.array()
                guard bounds.count == 2 else { throw yearsReader.failure("expected [FIRST, LAST] years") }
                let first = try bounds[0].integer(in: 1900...2200), last = try bounds[1].integer(in: first...2200)
                pending.append(Pending(years: first...last, note: try noteReader.name()))
            }
        }
        let holidayReaders = try fields["holidays"]?.array() ?? []
        for (holiday, reader) in zip(holidays, holidayReaders) {
            guard let source = holiday.source, sources[source] != nil else {
                throw reader.failure("\"source\" must be one of the keys of \"sources\": " + sources.keys.sorted().joined(separator: ", "))
            }
            if let years, let day = holiday.dayNumber {
                let year = Timestamp.civilFromDays(day).year
                guard years.contains(year) else { throw reader.failure("\(holiday.date) is outside the years \(years.lowerBound)–\(years.upperBound)") }
            }
        }
    }

    /// Reads a `holiday_calendars` entry of `kb/policy.json`.
    init(policyEntry reader: PolicyJSONReader, name: String) throws(PolicyError) {
        let fields = try reader.fields(allowed: HolidayCalendar.policyFields)
        try self.init(name: name, fields: fields, at: reader)
        if let value = fields["extends"] { extends = try value.name() }
        if let value = fields["except"] {
            for item in try value.array() {
                let date = try item.string()
                guard BusinessCalendar.dayNumber(of: date) != nil else { throw item.failure("expected a date YYYY-MM-DD, found \"\(date)\"") }
                excluded.append(date)
            }
        }
    }

    /// The fields both forms share: title, country, time zones, sources, notes and holidays.
    private init(name: String, fields: [String: PolicyJSONReader], at reader: PolicyJSONReader) throws(PolicyError) {
        self.init(name: name)
        if let value = fields["title"] { title = try value.name() }
        if let value = fields["country"] { country = try HolidayCalendar.countryCode(value) }
        if let value = fields["time_zones"] {
            for item in try value.array() {
                let zone = try item.name()
                guard TimeZone(identifier: zone) != nil || zone.contains("/") else {
                    throw item.failure("unknown time zone \"\(zone)\"; expected an IANA name such as \"America/Santiago\"")
                }
                timeZones.append(zone)
            }
        }
        if let value = fields["sources"] {
            for (key, entry) in try value.entries() { sources[key] = try entry.name() }
        }
        if let value = fields["notes"] { notes = try value.strings() }
        if let value = fields["holidays"] {
            for item in try value.array() { holidays.append(try HolidayCalendar.holiday(item)) }
        }
    }

    /// A holiday: a date (`"2026-05-02"`) or `{"date": …, "name": …, "kind": …, "source": …}`.
    static func holiday(_ reader: PolicyJSONReader) throws(PolicyError) -> Holiday {
        if case .string = reader.value.content {
            let date = try reader.string()
            guard BusinessCalendar.dayNumber(of: date) != nil else { throw reader.failure("expected a date YYYY-MM-DD, found \"\(date)\"") }
            return Holiday(date: date, name: "")
        }
        let fields = try reader.fields(allowed: ["date", "name", "kind", "source"])
        guard let dateReader = fields["date"] else { throw reader.failure("a holiday needs a \"date\" (YYYY-MM-DD)") }
        let date = try dateReader.string()
        guard BusinessCalendar.dayNumber(of: date) != nil else { throw dateReader.failure("expected a date YYYY-MM-DD, found \"\(date)\"") }
        var holiday = Holiday(date: date, name: try fields["name"]?.string() ?? "")
        if let kindReader = fields["kind"] {
            let text = try kindReader.string()
            guard let kind = Holiday.Kind(rawValue: text) else {
                throw kindReader.failure("unknown kind \"\(text)\"; expected one of: " + Holiday.Kind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            holiday.kind = kind
        }
        if let sourceReader = fields["source"] { holiday.source = try sourceReader.name() }
        return holiday
    }

    /// An ISO 3166-1 alpha-2 code: two upper-case ASCII letters.
    static func countryCode(_ reader: PolicyJSONReader) throws(PolicyError) -> String {
        let code = try reader.string()
        guard isCountryCode(code) else { throw reader.failure("expected a two-letter ISO 3166 country code such as \"MX\", found \"\(code)\"") }
        return code
    }

    static func isCountryCode(_ text: String) -> Bool {
        text.utf8.count == 2 && text.utf8.allSatisfy { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") }
    }
}
