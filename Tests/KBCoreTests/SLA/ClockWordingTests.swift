import Foundation
import Testing
@testable import KBCore

@Suite struct ClockWordingTests {
    @Test func businessDurationsCountBusinessDaysWhereADayIsNotTwentyFourHours() throws {
        let day = try #require(BusinessCalendar.twelveFive.businessDaySeconds)
        #expect(day == 43_200)
        #expect(BusinessCalendar.twentyFourSeven.businessDaySeconds == nil)
        #expect(BusinessDuration.text(72 * 3_600, businessDay: day) == "6 business days")
        #expect(BusinessDuration.text(14 * 3_600 + 300, businessDay: day) == "1 business day 2h 05m")
        #expect(BusinessDuration.text(11 * 3_600, businessDay: day) == "11h 00m")
        #expect(BusinessDuration.text(-30 * 3_600, businessDay: day) == "-2 business days 6h 00m")
        #expect(BusinessDuration.text(72 * 3_600, businessDay: nil) == "3d 0h")
        #expect(BusinessDuration.documentText(72 * 3_600, businessDay: day, language: .spanish) == "6 días hábiles")
        #expect(BusinessDuration.documentText(14 * 3_600 + 300, businessDay: day, language: .spanish) == "1 día hábil 2 h 05 min")
        #expect(BusinessDuration.documentText(72 * 3_600, businessDay: day, language: .english) == "6 business days")
        #expect(BusinessDuration.documentText(72 * 3_600, businessDay: nil, language: .spanish) == "3 d 00 h 00 min")
    }

    @Test func aBusinessDayIsTheUsualOpenDay() throws {
        let hours = { (text: String) in [BusinessCalendar.Hours(text: text)!] }
        let calendar = try BusinessCalendar(name: "9x5", hours: [.monday: hours("09:00-18:00"), .tuesday: hours("09:00-18:00"),
                                                                  .wednesday: hours("09:00-18:00"), .thursday: hours("09:00-18:00"),
                                                                  .friday: hours("09:00-14:00")], holidays: [])
        #expect(calendar.businessDaySeconds == Int64(9 * 3_600))
    }

    @Test func documentsWriteSLATimeInBusinessDays() {
        let spanish = ReviewVocabulary(language: .spanish, businessDay: 43_200)
        #expect(spanish.outcome(met: true, margin: 72 * 3_600) == "cumplido, con 6 días hábiles de margen")
        #expect(spanish.outcome(met: false, margin: -13 * 3_600) == "incumplido por 1 día hábil 1 h 00 min")
        #expect(ReviewVocabulary(language: .english, businessDay: 43_200).slaExceededReason(metric: "Resolution", target: 72 * 3_600, due: nil)
                == "Resolution exceeded its 6 business days target.")
        #expect(ReviewVocabulary(language: .spanish).outcome(met: true, margin: 3_600) == "cumplido, con 1 h 00 min de margen")
    }

    @Test func localTimesCarryTheirOffsetAndZone() throws {
        let mexico = try #require(LocalClock(identifier: "America/Mexico_City"))
        #expect(mexico.text(Timestamp(iso8601: "2026-09-17T14:30:00Z")!) == "2026-09-17 08:30 -06:00 (America/Mexico_City)")
        #expect(mexico.text(Timestamp(iso8601: "2026-09-17T14:30:15Z")!) == "2026-09-17 08:30:15 -06:00 (America/Mexico_City)")
        #expect(mexico.iso8601(Timestamp(iso8601: "2026-09-17T14:30:00Z")!) == "2026-09-17T08:30:00-06:00")
        let madrid = try #require(LocalClock(identifier: "Europe/Madrid"))
        #expect(madrid.text(Timestamp(iso8601: "2026-07-01T10:00:00Z")!) == "2026-07-01 12:00 +02:00 (Europe/Madrid)")
        #expect(madrid.text(Timestamp(iso8601: "2026-12-01T10:00:00Z")!) == "2026-12-01 11:00 +01:00 (Europe/Madrid)")
        #expect(LocalClock(identifier: "UTC")!.text(Timestamp(seconds: 0)) == "1970-01-01 00:00 +00:00 (UTC)")
        #expect(LocalClock(identifier: "Mars/Olympus") == nil)
    }
}
