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

    /// The calendar's name in the policy (`12x5`, `24x7`, or a team's own).
    public let name: String
    /// Open hours per weekday, Monday first; an empty list is a closed day.
    public let weeklyHours: [[Hours]]
    /// Holidays as `YYYY-MM-DD` local dates, sorted.
    public let holidays: [String]

    /// Sorted day numbers of `holidays`, for range counting.
    let holidayDays: [Int64]
    /// Business seconds of each weekday, Monday first.
    let dailySeconds: [Int64]
    /// Business seconds of a week without holidays.
    public let weeklyBusinessSeconds: Int64
    /// True when every instant is business time: elapsed business time is plain elapsed time.
    public let isAlwaysOpen: Bool

    /// A calendar; fails when hours overlap, a holiday is not a `YYYY-MM-DD` date, or the week has no open hours.
    public init(name: String, hours: [Weekday: [Hours]], holidays: [String]) throws(PolicyError) {
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
        self.init(validatedName: name, week: week, holidayDays: days)
    }

    /// A calendar from data already checked (the built-in defaults and the policy reader).
    init(validatedName name: String, week: [[Hours]], holidayDays: [Int64]) {
        self.name = name
        weeklyHours = week
        let uniqueDays = Array(Set(holidayDays)).sorted()
        self.holidayDays = uniqueDays
        holidays = uniqueDays.map { Timestamp(seconds: $0 * 86_400).day() }
        dailySeconds = week.map { day in day.reduce(0) { $0 + $1.seconds } }
        weeklyBusinessSeconds = dailySeconds.reduce(0, +)
        isAlwaysOpen = uniqueDays.isEmpty && dailySeconds.allSatisfy { $0 == 86_400 }
    }

    /// The day number (days since 1970-01-01) of a `YYYY-MM-DD` date.
    static func dayNumber(of date: String) -> Int64? {
        guard let midnight = Timestamp(day: date) else { return nil }
        return midnight.seconds / 86_400
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
