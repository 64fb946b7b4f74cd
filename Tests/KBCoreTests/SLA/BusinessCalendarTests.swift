import Foundation
import Testing
@testable import KBCore

@Suite struct BusinessCalendarTests {
    static let santiago = TimeZone(identifier: "America/Santiago")!
    static let madrid = TimeZone(identifier: "Europe/Madrid")!
    /// The shipped 12x5 calendar with Chile's national holidays, as a customer in Santiago gets it.
    static let chile = BusinessCalendar.twelveFive.applying(holidayCalendar: "CL", days: Policy.default.holidayDays(ofCalendar: "CL")!)

    private func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    private func calendar(_ hours: [BusinessCalendar.Weekday: [String]], holidays: [String] = []) throws -> BusinessCalendar {
        try BusinessCalendar(name: "test", hours: hours.mapValues { $0.map { BusinessCalendar.Hours(text: $0)! } }, holidays: holidays)
    }

    @Test func fridayEveningToMondayMorning() {
        let calendar = Self.chile
        let friday = at("2026-03-06T19:00:00-03:00")
        let monday = at("2026-03-09T09:00:00-03:00")
        #expect(calendar.businessSeconds(from: friday, to: monday, in: Self.santiago) == 7_200)
        #expect(calendar.instant(after: 7_200, from: friday, in: Self.santiago) == monday)
        // The due instant is the first moment the time is used up: Friday's closing, not Monday's opening.
        #expect(calendar.instant(after: 3_600, from: friday, in: Self.santiago) == at("2026-03-06T20:00:00-03:00"))
        #expect(calendar.instant(after: 3_601, from: friday, in: Self.santiago) == at("2026-03-09T08:00:01-03:00"))
    }

    @Test func startOutsideHoursWaitsForOpening() {
        let calendar = Self.chile
        let saturday = at("2026-03-07T11:00:00-03:00")
        #expect(calendar.instant(after: 900, from: saturday, in: Self.santiago) == at("2026-03-09T08:15:00-03:00"))
        #expect(calendar.businessSeconds(from: saturday, to: at("2026-03-08T23:00:00-03:00"), in: Self.santiago) == 0)
    }

    @Test func holidaysAndDaylightSavingInSantiago() {
        let calendar = Self.chile
        // 2026-04-03 (Good Friday) and 04-04 are holidays; clocks go back from -03:00 to -04:00 on 04-05.
        let thursday = at("2026-04-02T19:00:00-03:00")
        let monday = at("2026-04-06T09:00:00-04:00")
        #expect(calendar.businessSeconds(from: thursday, to: monday, in: Self.santiago) == 7_200)
        let due = calendar.instant(after: 7_200, from: thursday, in: Self.santiago)
        #expect(due == monday)
        #expect(due.iso8601 == "2026-04-06T09:00:00-04:00")
        // Labour day (Friday 2026-05-01).
        #expect(calendar.instant(after: 7_200, from: at("2026-04-30T19:00:00-04:00"), in: Self.santiago)
                == at("2026-05-04T09:00:00-04:00"))
        #expect(calendar.isHoliday("2026-09-18"))
        #expect(!calendar.isHoliday("2026-09-17"))
    }

    @Test func wholeDayHoursFollowTheWallClock() throws {
        let everyDay = try calendar([.saturday: ["00:00-24:00"], .sunday: ["00:00-24:00"]])
        // Santiago repeats Saturday 23:00-24:00 on 2026-04-04 and skips Sunday 00:00-01:00 on 2026-09-06.
        #expect(everyDay.businessSeconds(from: at("2026-04-04T00:00:00-03:00"), to: at("2026-04-05T00:00:00-04:00"),
                                         in: Self.santiago) == 25 * 3_600)
        #expect(everyDay.businessSeconds(from: at("2026-09-06T00:00:00-04:00"), to: at("2026-09-07T00:00:00-03:00"),
                                         in: Self.santiago) == 23 * 3_600)
        // Madrid skips 02:00-03:00 on 2026-03-29 and repeats it on 2026-10-25.
        #expect(everyDay.businessSeconds(from: at("2026-03-29T00:00:00+01:00"), to: at("2026-03-30T00:00:00+02:00"),
                                         in: Self.madrid) == 23 * 3_600)
        #expect(everyDay.businessSeconds(from: at("2026-10-25T00:00:00+02:00"), to: at("2026-10-26T00:00:00+01:00"),
                                         in: Self.madrid) == 25 * 3_600)
        // 12 hours after Sunday 00:00 on the short day is 13:00 wall clock.
        #expect(everyDay.instant(after: 12 * 3_600, from: at("2026-03-29T00:00:00+01:00"), in: Self.madrid)
                == at("2026-03-29T13:00:00+02:00"))
    }

    @Test func officeHoursAreTwelveHoursOnTransitionDays() throws {
        let weekend = try calendar([.saturday: ["08:00-20:00"], .sunday: ["08:00-20:00"]])
        #expect(weekend.businessSeconds(from: at("2026-04-04T00:00:00-03:00"), to: at("2026-04-06T00:00:00-04:00"),
                                        in: Self.santiago) == 24 * 3_600)
        #expect(weekend.businessSeconds(from: at("2026-03-28T00:00:00+01:00"), to: at("2026-03-30T00:00:00+02:00"),
                                        in: Self.madrid) == 24 * 3_600)
    }

    @Test func twentyFourSevenIsElapsedTime() {
        let calendar = BusinessCalendar.twentyFourSeven
        let start = at("2026-04-04T22:00:00-03:00"), end = at("2026-04-05T02:00:00-04:00")
        #expect(calendar.businessSeconds(from: start, to: end, in: Self.santiago) == 5 * 3_600)
        #expect(calendar.instant(after: 5 * 3_600, from: start, in: Self.santiago) == end)
        #expect(calendar.isAlwaysOpen)
    }

    @Test func timeZonesShiftTheWindow() {
        let calendar = Self.chile
        // 13:00Z on a Monday is 08:00 in Bogota (opening) and 14:00 in Madrid.
        let start = at("2026-03-02T13:00:00Z"), end = at("2026-03-02T14:00:00Z")
        #expect(calendar.businessSeconds(from: start, to: end, in: TimeZone(identifier: "America/Bogota")!) == 3_600)
        #expect(calendar.businessSeconds(from: at("2026-03-02T12:00:00Z"), to: end,
                                         in: TimeZone(identifier: "America/Bogota")!) == 3_600)
        #expect(calendar.businessSeconds(from: at("2026-03-02T19:00:00Z"), to: at("2026-03-02T20:00:00Z"),
                                         in: Self.madrid) == 0)
    }

    @Test func emptyAndReversedIntervals() {
        let calendar = Self.chile
        let start = at("2026-03-02T10:00:00-03:00")
        #expect(calendar.businessSeconds(from: start, to: start, in: Self.santiago) == 0)
        #expect(calendar.businessSeconds(from: start, to: at("2026-03-02T09:00:00-03:00"), in: Self.santiago) == 0)
        #expect(calendar.instant(after: 0, from: start, in: Self.santiago) == start)
    }

    @Test func isBusinessTime() {
        let calendar = Self.chile
        #expect(calendar.isBusinessTime(at("2026-03-02T08:00:00-03:00"), in: Self.santiago))
        #expect(!calendar.isBusinessTime(at("2026-03-02T07:59:59-03:00"), in: Self.santiago))
        #expect(!calendar.isBusinessTime(at("2026-03-02T20:00:00-03:00"), in: Self.santiago))
        #expect(!calendar.isBusinessTime(at("2026-05-01T10:00:00-04:00"), in: Self.santiago))
    }

    @Test func longSpansSkipWholeWeeks() {
        let calendar = Self.chile
        let start = at("2026-01-05T08:00:00-03:00") // Monday
        let end = at("2027-01-04T08:00:00-03:00")   // Monday, 52 weeks later
        // 52 weeks of 60 hours, minus the weekday holidays in between (2026-01-01 falls before the start).
        let weekdayHolidays = ["2026-04-03", "2026-05-01", "2026-05-21", "2026-06-29", "2026-07-16", "2026-09-18",
                               "2026-10-12", "2026-12-08", "2026-12-25", "2027-01-01"].count
        #expect(calendar.businessSeconds(from: start, to: end, in: Self.santiago)
                == Int64(52 * 60 - weekdayHolidays * 12) * 3_600)
        // 2027-01-01 (Friday) is a holiday: the budget runs out at the close of Thursday 2026-12-31.
        #expect(calendar.instant(after: Int64(52 * 60 - weekdayHolidays * 12) * 3_600, from: start, in: Self.santiago)
                == at("2026-12-31T20:00:00-03:00"))
    }

    /// The shipped calendar covers 2027: its weekday holidays are not business days, its ordinary weekdays are.
    /// 17 September 2027 is a Friday before a Saturday 18th: a holiday by Ley 20.983.
    @Test(arguments: ["2027-01-01", "2027-03-26", "2027-05-21", "2027-06-21", "2027-06-28", "2027-07-16",
                      "2027-09-17", "2027-10-11", "2027-11-01", "2027-12-08"])
    func holidaysOf2027(day: String) {
        let calendar = Self.chile
        #expect(!calendar.isBusinessTime(at(day + "T12:00:00-03:00"), in: Self.santiago))
    }

    @Test(arguments: ["2027-06-29", "2027-10-12", "2027-03-25", "2027-09-16"])
    func ordinaryWeekdaysOf2027(day: String) {
        #expect(Self.chile.isBusinessTime(at(day + "T12:00:00-03:00"), in: Self.santiago))
    }

    @Test func hoursText() {
        #expect(BusinessCalendar.Hours(text: "08:00-20:00")?.seconds == Int64(43_200))
        #expect(BusinessCalendar.Hours(text: "00:00-24:00")?.text == "00:00-24:00")
        #expect(BusinessCalendar.Hours(text: "24:00-24:00") == nil)
        #expect(BusinessCalendar.Hours(text: "08:60-20:00") == nil)
        #expect(BusinessCalendar.Hours(text: "8:00-20:00") == nil)
        #expect(BusinessCalendar.Hours(text: "20:00-08:00") == nil)
        #expect(BusinessCalendar.Weekday(key: "sun") == .sunday)
        #expect(BusinessCalendar.Weekday(dayNumber: 0) == .thursday)
    }
}
