import KBTestSupport
import Foundation
import Testing
@testable import KBCore

/// Checks `BusinessCalendar` against an independent brute-force count.
///
/// The oracle steps minute by minute in UTC, asks `TimeZone.secondsFromGMT(for:)` for each minute's
/// offset, and looks the local day up in a table built with `Calendar(identifier: .gregorian)`; it shares
/// neither the offset-stretch walk nor the civil-date arithmetic of the implementation. Stepping by
/// minutes is exact to the second here because every offset of these zones is a whole number of minutes,
/// their transitions fall on whole minutes and all calendar hours start and end on whole minutes.
@Suite struct BusinessCalendarOracleTests {
    static let zones = ["America/Santiago", "America/Mexico_City", "America/Bogota", "Europe/Madrid",
                        "America/Argentina/Buenos_Aires"]
    static let rangeStart: Int64 = 1_640_995_200 // 2022-01-01T00:00:00Z
    static let rangeEnd: Int64 = 1_830_297_600   // 2028-01-01T00:00:00Z

    /// A deterministic generator (SplitMix64), so failures reproduce.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// The calendar as the oracle sees it: open minutes per weekday and holiday day numbers.
    struct Oracle {
        /// Local day number (days since 1970-01-01 in local wall time) of the table's first entry.
        let firstDay: Int64
        /// Weekday per local day, 1 = Sunday … 7 = Saturday as `Calendar` numbers them.
        let weekdays: [Int]
        let holidays: Set<Int64>
        /// Open minute-of-day flags per `Calendar` weekday (index 1…7).
        let openMinutes: [[Bool]]
        let zone: TimeZone

        init(calendar: BusinessCalendar, zone: TimeZone) {
            var gregorian = Calendar(identifier: .gregorian)
            gregorian.timeZone = TimeZone(secondsFromGMT: 0)!
            let first = BusinessCalendarOracleTests.rangeStart / 86_400 - 2
            let last = BusinessCalendarOracleTests.rangeEnd / 86_400 + 30
            firstDay = first
            weekdays = (first...last).map { day in
                gregorian.component(.weekday, from: Date(timeIntervalSince1970: TimeInterval(day * 86_400)))
            }
            holidays = Set(calendar.holidays.map { text -> Int64 in
                let parts = text.split(separator: "-").map { Int($0)! }
                let date = gregorian.date(from: DateComponents(year: parts[0], month: parts[1], day: parts[2]))!
                return Int64(date.timeIntervalSince1970) / 86_400
            })
            // Calendar weekday 1 is Sunday; BusinessCalendar's week starts on Monday.
            openMinutes = (0...7).map { calendarWeekday -> [Bool] in
                guard calendarWeekday >= 1 else { return [] }
                let day = BusinessCalendar.Weekday.allCases[(calendarWeekday + 5) % 7]
                var minutes = Array(repeating: false, count: 1_440)
                for hours in calendar.hours(on: day) {
                    for minute in Int(hours.startSecond / 60)..<Int(hours.endSecond / 60) { minutes[minute] = true }
                }
                return minutes
            }
            self.zone = zone
        }

        func isOpen(minute: Int64) -> Bool {
            let (day, minuteOfDay) = BusinessCalendarOracleTests.local(minute: minute, in: zone)
            if holidays.contains(day) { return false }
            let weekday = weekdays[Int(day - firstDay)]
            return openMinutes[weekday][Int(minuteOfDay)]
        }

        func businessSeconds(from start: Int64, to end: Int64) -> Int64 {
            BusinessCalendarOracleTests.openSeconds(from: start, to: end, isOpen: isOpen(minute:))
        }
    }

    /// The local day number and minute of the day of a UTC minute, asking the zone for that minute's offset.
    static func local(minute: Int64, in zone: TimeZone) -> (day: Int64, minuteOfDay: Int64) {
        let utc = minute * 60
        let offset = Int64(zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(utc))))
        precondition(offset % 60 == 0, "the oracle assumes whole-minute offsets")
        let local = utc + offset
        let day = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
        return (day, (local - day * 86_400) / 60)
    }

    /// Seconds of `start ..< end` that fall in open minutes, walking minute by minute (UTC minute numbers).
    static func openSeconds(from start: Int64, to end: Int64, isOpen: (Int64) -> Bool) -> Int64 {
        var total: Int64 = 0
        var cursor = start
        while cursor < end {
            let minute = cursor >= 0 ? cursor / 60 : (cursor - 59) / 60
            let stop = min(end, (minute + 1) * 60)
            if isOpen(minute) { total += stop - cursor }
            cursor = stop
        }
        return total
    }

    static func calendars() throws -> [BusinessCalendar] {
        func hours(_ texts: [String]) -> [BusinessCalendar.Hours] { texts.map { BusinessCalendar.Hours(text: $0)! } }
        let split = try BusinessCalendar(
            name: "split",
            hours: [.monday: hours(["08:00-13:00", "14:00-18:30"]), .tuesday: hours(["08:00-13:00", "14:00-18:30"]),
                    .wednesday: hours(["08:00-13:00", "14:00-18:30"]), .thursday: hours(["08:00-13:00", "14:00-18:30"]),
                    .friday: hours(["08:00-13:00", "14:00-17:45"]), .saturday: hours(["00:00-02:30", "22:00-24:00"]),
                    .sunday: hours(["00:00-03:30", "23:15-24:00"])],
            holidays: ["2022-04-02", "2022-10-31", "2025-03-30", "2025-09-08", "2026-09-07", "2026-10-24", "2027-04-03"])
        let everyDay = try BusinessCalendar(
            name: "all-days-with-holidays",
            hours: Dictionary(uniqueKeysWithValues: BusinessCalendar.Weekday.allCases.map { ($0, hours(["00:00-24:00"])) }),
            holidays: ["2025-09-07", "2026-04-04", "2026-10-25", "2027-03-28"])
        let twelveFive = try BusinessCalendar(
            name: "12x5",
            hours: Dictionary(uniqueKeysWithValues: BusinessCalendar.Weekday.allCases.prefix(5).map { ($0, hours(["08:00-20:00"])) }),
            holidays: Policy.default.listedHolidays(ofCalendar: "CL").map(\.holiday.date) + ["2022-04-01", "2025-01-01", "2027-01-01", "2027-04-02"])
        return [twelveFive, split, everyDay, .twentyFourSeven]
    }

    /// Instants where the zone's offset changes, found by hourly probing (not by the API the implementation uses).
    static func transitions(in zone: TimeZone) -> [Int64] {
        var result: [Int64] = []
        var previous = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(rangeStart)))
        var hour = rangeStart + 3_600
        while hour < rangeEnd - 40 * 86_400 {
            let offset = zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(hour)))
            if offset != previous { result.append(hour) }
            previous = offset
            hour += 3_600
        }
        return result
    }

    /// A random interval length: mostly up to a day and a half, some up to five days, a few up to fifteen.
    static func length(_ random: inout SeededGenerator) -> Int64 {
        switch Int.random(in: 0..<100, using: &random) {
        case 0..<70: return Int64.random(in: 0...129_600, using: &random)
        case 70..<95: return Int64.random(in: 129_600...432_000, using: &random)
        default: return Int64.random(in: 432_000...1_296_000, using: &random)
        }
    }

    /// Start instants: half near a daylight-saving transition (where there is one), half anywhere in 2022–2027.
    static func start(_ random: inout SeededGenerator, transitions: [Int64]) -> Int64 {
        if !transitions.isEmpty, Bool.random(using: &random) {
            return transitions.randomElement(using: &random)! + Int64.random(in: -4 * 86_400...86_400, using: &random)
        }
        return Int64.random(in: rangeStart...(rangeEnd - 40 * 86_400), using: &random)
    }

    @Test(arguments: zones)
    func businessSecondsAgreeWithTheOracle(zoneIdentifier: String) throws {
        let zone = try #require(TimeZone(identifier: zoneIdentifier))
        let transitions = Self.transitions(in: zone)
        var random = SeededGenerator(state: UInt64(zoneIdentifier.utf8.reduce(7) { $0 &* 31 &+ UInt64($1) }))
        for calendar in try Self.calendars() {
            let oracle = Oracle(calendar: calendar, zone: zone)
            for _ in 0..<130 {
                let start = Self.start(&random, transitions: transitions)
                let end = start + Self.length(&random)
                let expected = oracle.businessSeconds(from: start, to: end)
                let actual = calendar.businessSeconds(from: Timestamp(seconds: start), to: Timestamp(seconds: end), in: zone)
                #expect(actual == expected, "\(calendar.name) \(zoneIdentifier) \(start)..<\(end)")
            }
        }
    }

    @Test(arguments: zones)
    func dueInstantsAgreeWithTheOracle(zoneIdentifier: String) throws {
        let zone = try #require(TimeZone(identifier: zoneIdentifier))
        let transitions = Self.transitions(in: zone)
        var random = SeededGenerator(state: UInt64(zoneIdentifier.utf8.reduce(11) { $0 &* 37 &+ UInt64($1) }))
        for calendar in try Self.calendars() {
            let oracle = Oracle(calendar: calendar, zone: zone)
            for _ in 0..<70 {
                let start = Self.start(&random, transitions: transitions)
                let amount = Int64.random(in: 1...(calendar.isAlwaysOpen ? 400_000 : 90_000), using: &random)
                let due = calendar.instant(after: amount, from: Timestamp(seconds: start), in: zone)
                // Exactly `amount` business seconds lie between start and due, and the last of them ends at due.
                #expect(oracle.businessSeconds(from: start, to: due.seconds) == amount,
                        "\(calendar.name) \(zoneIdentifier) \(start) + \(amount)")
                #expect(oracle.businessSeconds(from: due.seconds - 1, to: due.seconds) == 1,
                        "\(calendar.name) \(zoneIdentifier) \(start) + \(amount) ends outside business time")
                #expect(Int(due.offsetSeconds) == zone.secondsFromGMT(for: due.date))
            }
        }
    }

    @Test func theOracleSeesTheTransitions() {
        #expect(Self.transitions(in: TimeZone(identifier: "America/Santiago")!).count == 12)
        #expect(Self.transitions(in: TimeZone(identifier: "Europe/Madrid")!).count == 12)
        #expect(Self.transitions(in: TimeZone(identifier: "America/Mexico_City")!).count == 2)
        #expect(Self.transitions(in: TimeZone(identifier: "America/Bogota")!).isEmpty)
    }
}
