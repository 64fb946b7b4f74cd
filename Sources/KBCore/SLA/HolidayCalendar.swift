/// A named set of public holidays, the way Jira Service Management and Zendesk schedules name theirs:
/// a country's national days (built in for CL, MX, PE, CO, AR, ES and US), a region's, or a team's own.
///
/// A business calendar takes its holidays from one (`BusinessCalendar.HolidaySource`); a customer's country
/// picks which. The built-in calendars come from `Sources/KBCore/SLA/Holidays/*.json`, each date with the law,
/// decree or official page it comes from; `kb/policy.json` adds dates to them or defines new ones
/// (`holiday_calendars`).
public struct HolidayCalendar: Sendable, Equatable {
    /// One day off.
    public struct Holiday: Sendable, Equatable {
        /// Why the day is off.
        public enum Kind: String, Sendable, CaseIterable {
            /// A public holiday on its own date.
            case holiday
            /// A holiday moved to this date by law or decree (Ley Emiliani, Ley 19.668, the LFT's Mondays…).
            case moved
            /// The weekday off for a holiday that falls on a weekend (US federal holidays).
            case observed
            /// A non-working day, not a holiday (Argentina's Jueves Santo and tourist bridge days).
            case nonWorking = "non_working"
            /// An election day declared a holiday.
            case election
        }

        /// The local date, `YYYY-MM-DD`.
        public var date: String
        public var name: String
        public var kind: Kind
        /// A key of the calendar's `sources`, or the citation itself.
        public var source: String?

        public init(date: String, name: String, kind: Kind = .holiday, source: String? = nil) {
            self.date = date
            self.name = name
            self.kind = kind
            self.source = source
        }

        /// Days since 1970-01-01 of `date`; nil for a malformed date (the readers refuse those).
        var dayNumber: Int64? { BusinessCalendar.dayNumber(of: date) }
    }

    /// Years whose publication is still to come (decreed bridge days, yearly resolutions), with what is missing.
    public struct Pending: Sendable, Equatable {
        public var years: ClosedRange<Int>
        public var note: String

        public init(years: ClosedRange<Int>, note: String) {
            self.years = years
            self.note = note
        }
    }

    /// The name business calendars and customers use (`CL`, `ES-MD`).
    public var name: String
    public var title: String?
    /// ISO 3166-1 alpha-2 code of the country whose holidays these are.
    public var country: String?
    /// Another holiday calendar whose days this one includes (a region extends its country).
    public var extends: String?
    /// Years the calendar is complete for (built-in calendars: 2025–2030).
    public var years: ClosedRange<Int>?
    /// IANA time zones of the country, so a customer's zone names its country.
    public var timeZones: [String]
    /// Citations by key, for `Holiday.source`.
    public var sources: [String: String]
    public var notes: [String]
    public var pending: [Pending]
    public var holidays: [Holiday]
    /// Dates that are not days off although a calendar this one builds on lists them (JSON `except`).
    public var excluded: [String]

    public init(name: String, title: String? = nil, country: String? = nil, extends: String? = nil,
                years: ClosedRange<Int>? = nil, timeZones: [String] = [], sources: [String: String] = [:],
                notes: [String] = [], pending: [Pending] = [], holidays: [Holiday] = [], excluded: [String] = []) {
        self.name = name
        self.title = title
        self.country = country
        self.extends = extends
        self.years = years
        self.timeZones = timeZones
        self.sources = sources
        self.notes = notes
        self.pending = pending
        self.holidays = holidays
        self.excluded = excluded
    }

    /// The citation of a holiday: its source key resolved through `sources`, or the source text itself.
    public func citation(of holiday: Holiday) -> String? {
        holiday.source.map { sources[$0] ?? $0 }
    }

    /// Sorted, distinct day numbers of the calendar's own holidays, without `extends` and `excluded`.
    var ownDays: [Int64] { Array(Set(holidays.compactMap(\.dayNumber))).sorted() }
}
