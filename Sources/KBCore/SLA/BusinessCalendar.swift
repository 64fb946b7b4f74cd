import Foundation

/// Weekly business hours plus holidays, measured in wall-clock time of the ticket's time zone.
///
/// An instant is business time when its local date (in the given zone) is not a holiday and its local
/// time of day falls in that weekday's hours. Because the hours are wall-clock hours, a day on which
/// daylight saving time begins or ends has an hour less or more of business time only when its hours
/// cover the skipped or repeated wall-clock hour; an `08:00-20:00` day always counts 12 hours.
///
/// Arithmetic runs on local day numbers (days since 1970-01-01) over stretches of constant UTC offset,
/// so it never depends on the process's locale or zone and skips whole weeks at once: the cost grows
/// with the number of offset changes and holidays in the interval, not with its length.
public struct BusinessCalendar: Sendable, Equatable {
    /// A day of the week; the raw value counts from Monday.
    public enum Weekday: Int, Sendable, CaseIterable, Comparable {
        case monday, tuesday, wednesday, thursday, friday, saturday, sunday

        /// The policy file's key for the day: `mon` … `sun`.
        public var key: String { ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][rawValue] }

        public init?(key: String) {
            guard let day = Weekday.allCases.first(where: { $0.key == key }) else { return nil }
            self = day
        }

        /// The weekday of a day number counted from 1970-01-01, a Thursday.
        init(dayNumber: Int64) {
            let index = Int(((dayNumber + 3) % 7 + 7) % 7)
            self = Weekday(rawValue: index)!
        }

        public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    /// One stretch of open hours within a day, `start` inclusive and `end` exclusive, in seconds after local midnight.
    public struct Hours: Sendable, Equatable, Comparable {
        public let startSecond: Int64
        public let endSecond: Int64

        /// Open hours; nil unless `0 <= start < end <= 86_400`.
        public init?(startSecond: Int64, endSecond: Int64) {
            guard startSecond >= 0, startSecond < endSecond, endSecond <= 86_400 else { return nil }
            self.startSecond = startSecond
            self.endSecond = endSecond
        }

        /// Parses `HH:MM-HH:MM` (the end may be `24:00`).
        public init?(text: String) {
            let bytes = Array(text.utf8)
            guard bytes.count == 11, bytes[5] == UInt8(ascii: "-"),
                  let start = Hours.clock(bytes[0..<5]), let end = Hours.clock(bytes[6..<11])
            else { return nil }
            self.init(startSecond: start, endSecond: end)
        }

        /// The policy file's text, e.g. `08:00-20:00`.
        public var text: String { Hours.clockText(startSecond) + "-" + Hours.clockText(endSecond) }

        public var seconds: Int64 { endSecond - startSecond }

        public static func < (lhs: Hours, rhs: Hours) -> Bool {
            (lhs.startSecond, lhs.endSecond) < (rhs.startSecond, rhs.endSecond)
        }

        private static func clock(_ bytes: ArraySlice<UInt8>) -> Int64? {
            let digits = Array(bytes)
            guard digits[2] == UInt8(ascii: ":") else { return nil }
            var values: [Int64] = []
            for pair in [(0, 1), (3, 4)] {
                let high = digits[pair.0], low = digits[pair.1]
                guard (48...57).contains(high), (48...57).contains(low) else { return nil }
                values.append(Int64(high - 48) * 10 + Int64(low - 48))
            }
            let (hour, minute) = (values[0], values[1])
            guard minute < 60, hour < 24 || (hour == 24 && minute == 0) else { return nil }
            return hour * 3_600 + minute * 60
        }

        private static func clockText(_ seconds: Int64) -> String {
            let hour = seconds / 3_600, minute = seconds % 3_600 / 60
            return (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        }
    }

    /// Where a calendar takes its public holidays from, besides the dates it lists itself.
    public enum HolidaySource: Sendable, Equatable {
        /// No public holidays: only the calendar's own dates (the built-in `24x7`).
        case none
        /// The holiday calendar of each customer's country (its `country`, else its time zone's country).
        case country
        /// One holiday calendar for every customer, by name (`CL`, `ES-MD`).
        case named(String)

        /// The policy file's text: `none`, `country` or a holiday calendar's name.
        public var text: String {
            switch self {
            case .none: return "none"
            case .country: return "country"
            case let .named(name): return name
            }
        }

        public init(text: String) {
            switch text {
            case "none": self = .none
            case "country": self = .country
            default: self = .named(text)
            }
        }
    }

    /// The calendar's name in the policy (`12x5`, `24x7`, or a team's own).
    public let name: String
    /// Open hours per weekday, Monday first; an empty list is a closed day.
    public let weeklyHours: [[Hours]]
    /// Where the calendar's public holidays come from (JSON `holiday_calendar`).
    public let holidaySource: HolidaySource
    /// The holiday calendar whose days `applying(holidayCalendar:days:)` added, for a ticket's terms.
    public let appliedHolidayCalendar: String?

    /// Sorted day numbers of the dates the calendar lists itself (JSON `holidays`), for every customer.
    let ownHolidayDays: [Int64]
    /// Sorted day numbers of every holiday counted: its own dates plus the applied holiday calendar's.
    let holidayDays: [Int64]
    /// Business seconds of each weekday, Monday first.
    let dailySeconds: [Int64]
    /// Business seconds of a week without holidays.
    public let weeklyBusinessSeconds: Int64
    /// True when every instant is business time: elapsed business time is plain elapsed time.
    public let isAlwaysOpen: Bool

    /// A calendar; fails when hours overlap, a holiday is not a `YYYY-MM-DD` date, or the week has no open hours.
    public init(name: String, hours: [Weekday: [Hours]], holidays: [String],
                holidaySource: HolidaySource = .none) throws(PolicyError) {
        let path = PolicyJSONReader.memberPath("$.calendars", name)
        var week: [[Hours]] = []
        for day in Weekday.allCases {
            let sorted = (hours[day] ?? []).sorted()
            for (earlier, later) in zip(sorted, sorted.dropFirst()) where later.startSecond < earlier.endSecond {
                throw .invalid(path: path + ".hours." + day.key,
                               reason: "hours \(earlier.text) and \(later.text) overlap")
            }
            week.append(sorted)
        }
        var days: [Int64] = []
        for (index, holiday) in holidays.enumerated() {
            guard let day = BusinessCalendar.dayNumber(of: holiday) else {
                throw .invalid(path: path + ".holidays[\(index)]", reason: "expected a date YYYY-MM-DD, found \"\(holiday)\"")
            }
            days.append(day)
        }
        guard week.contains(where: { !$0.isEmpty }) else {
            throw .invalid(path: path + ".hours", reason: "a calendar needs open hours on at least one day")
        }
        self.init(validatedName: name, week: week, holidayDays: days, holidaySource: holidaySource)
    }

    /// A calendar from data already checked (the built-in defaults and the policy reader).
    init(validatedName name: String, week: [[Hours]], holidayDays: [Int64], holidaySource: HolidaySource = .none) {
        let own = Array(Set(holidayDays)).sorted()
        self.init(name: name, week: week, holidaySource: holidaySource, ownDays: own, allDays: own, applied: nil)
    }

    private init(name: String, week: [[Hours]], holidaySource: HolidaySource, ownDays: [Int64], allDays: [Int64],
                 applied: String?) {
        self.name = name
        weeklyHours = week
        self.holidaySource = holidaySource
        appliedHolidayCalendar = applied
        ownHolidayDays = ownDays
        holidayDays = allDays
        dailySeconds = week.map { day in day.reduce(0) { $0 + $1.seconds } }
        weeklyBusinessSeconds = dailySeconds.reduce(0, +)
        isAlwaysOpen = allDays.isEmpty && dailySeconds.allSatisfy { $0 == 86_400 }
    }

    /// The calendar with a holiday calendar's days (sorted, distinct day numbers) counted as holidays too.
    public func applying(holidayCalendar name: String, days: [Int64]) -> BusinessCalendar {
        BusinessCalendar(name: self.name, week: weeklyHours, holidaySource: holidaySource, ownDays: ownHolidayDays,
                         allDays: ownHolidayDays.isEmpty ? days : BusinessCalendar.union(ownHolidayDays, days),
                         applied: name)
    }

    /// The dates the calendar lists itself (JSON `holidays`) as `YYYY-MM-DD`, sorted.
    public var holidays: [String] { ownHolidayDays.map(BusinessCalendar.dateText) }

    /// Every holiday counted (its own and the applied holiday calendar's) as `YYYY-MM-DD`, sorted.
    public var countedHolidays: [String] { holidayDays.map(BusinessCalendar.dateText) }

    /// The day number (days since 1970-01-01) of a `YYYY-MM-DD` date.
    static func dayNumber(of date: String) -> Int64? {
        guard let midnight = Timestamp(day: date) else { return nil }
        return midnight.seconds / 86_400
    }

    /// The `YYYY-MM-DD` text of a day number.
    static func dateText(_ day: Int64) -> String { Timestamp(seconds: day * 86_400).day() }

    /// The sorted union of two sorted lists of distinct day numbers.
    static func union(_ first: [Int64], _ second: [Int64]) -> [Int64] {
        var result: [Int64] = []
        result.reserveCapacity(first.count + second.count)
        var i = 0, j = 0
        while i < first.count || j < second.count {
            if j == second.count || (i < first.count && first[i] < second[j]) {
                result.append(first[i])
                i += 1
            } else if i == first.count || second[j] < first[i] {
                result.append(second[j])
                j += 1
            } else {
                result.append(first[i])
                i += 1
                j += 1
            }
        }
        return result
    }

    /// Open hours of a weekday.
    public func hours(on weekday: Weekday) -> [Hours] { weeklyHours[weekday.rawValue] }

    /// Whether a local date (`YYYY-MM-DD`) is one of the calendar's holidays.
    public func isHoliday(_ date: String) -> Bool {
        guard let day = BusinessCalendar.dayNumber(of: date) else { return false }
        return isHoliday(dayNumber: day)
    }

    func isHoliday(dayNumber: Int64) -> Bool {
        var low = 0, high = holidayDays.count
        while low < high {
            let middle = (low + high) / 2
            if holidayDays[middle] < dayNumber { low = middle + 1 } else { high = middle }
        }
        return low < holidayDays.count && holidayDays[low] == dayNumber
    }
}

extension BusinessCalendar {
    /// `Mon` … `Sun` for a `YYYY-MM-DD` date; empty for a malformed one.
    public static func weekdayName(ofDate date: String) -> String {
        guard let day = dayNumber(of: date) else { return "" }
        return ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"][Weekday(dayNumber: day).rawValue]
    }
}

extension BusinessCalendar {
    /// The length of the calendar's usual open day — the most common among its open weekdays, the longest on a
    /// tie — when it is shorter than 24 hours (12 hours under `12x5`); nil for calendars open all day.
    public var businessDaySeconds: Int64? {
        var counts: [Int64: Int] = [:]
        for seconds in dailySeconds where seconds > 0 { counts[seconds, default: 0] += 1 }
        guard let usual = counts.max(by: { ($0.value, $0.key) < ($1.value, $1.key) })?.key, usual < 86_400 else { return nil }
        return usual
    }
}
