import Foundation
import Testing
@testable import KBCore

@Suite struct ICalendarReaderTests {
    private func read(_ lines: [String], lastYear: Int = 2_030) throws -> ICalendarReader.Result {
        try ICalendarReader(file: "f.ics", lastYear: lastYear).read(Data(lines.joined(separator: "\r\n").utf8))
    }

    private func calendar(_ events: [String]) -> [String] {
        ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Test//ES"] + events + ["END:VCALENDAR"]
    }

    @Test func allDayEventsWithFoldedSummariesAndSeveralDays() throws {
        let result = try read(calendar([
            "BEGIN:VEVENT", "UID:1", "DTSTART;VALUE=DATE:20270502", "SUMMARY:Fiesta de la Comunidad", "  de Madrid", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20271224", "DTEND;VALUE=DATE:20271227", "SUMMARY:Navidad\\, cierre", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART:20270815", "DURATION:P1D", "SUMMARY:Asunción",
            "BEGIN:VALARM", "TRIGGER:-PT15M", "END:VALARM", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270101", "STATUS:CANCELLED", "END:VEVENT",
        ]))
        #expect(result.holidays.map(\.date) == ["2027-05-02", "2027-08-15", "2027-12-24", "2027-12-25", "2027-12-26"])
        #expect(result.holidays[0].name == "Fiesta de la Comunidad de Madrid")
        #expect(result.holidays[2].name == "Navidad, cierre")
        #expect(result.holidays.allSatisfy { $0.source == "f.ics" })
        #expect(result.events == 4 && result.cancelled == 1)
    }

    @Test func yearlyRulesExpandByDateOrNthWeekday() throws {
        let result = try read(calendar([
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260115", "RRULE:FREQ=YEARLY;BYMONTH=1;BYDAY=3MO", "SUMMARY:MLK", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260525", "RRULE:FREQ=YEARLY;BYMONTH=5;BYDAY=-1MO;COUNT=2", "SUMMARY:Memorial", "END:VEVENT",
            "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20260502", "RRULE:FREQ=YEARLY;UNTIL=20281231", "EXDATE;VALUE=DATE:20270502",
            "RDATE;VALUE=DATE:20300502", "SUMMARY:Dos de Mayo", "END:VEVENT",
        ]), lastYear: 2_028)
        let byName = Dictionary(grouping: result.holidays, by: \.name).mapValues { $0.map(\.date) }
        // The start date itself is the first occurrence (RFC 5545), then the third Monday of January each year.
        #expect(byName["MLK"] == ["2026-01-15", "2026-01-19", "2027-01-18", "2028-01-17"])
        #expect(byName["Memorial"] == ["2026-05-25", "2027-05-31"])
        #expect(byName["Dos de Mayo"] == ["2026-05-02", "2028-05-02", "2030-05-02"])
    }

    /// Every malformed file names its line and what is wrong.
    @Test(arguments: [
        (["BEGIN:VEVENT", "END:VEVENT"], 1, "an iCalendar file starts with BEGIN:VCALENDAR, found BEGIN:VEVENT"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART:20270502T090000Z", "END:VEVENT", "END:VCALENDAR"], 3,
         "DTSTART 20270502T090000Z is a date and time; kb imports all-day events (DTSTART;VALUE=DATE:20270502)"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270230", "END:VEVENT", "END:VCALENDAR"], 3,
         "DTSTART \"20270230\" is not a date YYYYMMDD"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "SUMMARY:Sin fecha", "END:VEVENT", "END:VCALENDAR"], 2, "the event has no DTSTART"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270502", "END:VCALENDAR"], 4,
         "END:VCALENDAR does not close BEGIN:VEVENT of line 2"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270502", "END:VEVENT"], 4,
         "BEGIN:VCALENDAR of line 1 is never closed (END:VCALENDAR)"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270502", "esto no es una propiedad", "END:VEVENT", "END:VCALENDAR"], 4,
         "expected NAME:VALUE (such as DTSTART;VALUE=DATE:20260101), found \"esto no es una propiedad\""),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270502", "RRULE:FREQ=WEEKLY", "END:VEVENT", "END:VCALENDAR"], 4,
         "RRULE FREQ=WEEKLY is not supported; kb expands FREQ=YEARLY rules (a holiday comes once a year)"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270502", "DTEND;VALUE=DATE:20270430", "END:VEVENT", "END:VCALENDAR"], 4,
         "DTEND 20270430 is before DTSTART 20270502"),
        (["BEGIN:VCALENDAR", "BEGIN:VEVENT", "DTSTART;VALUE=DATE:20270101", "DTEND;VALUE=DATE:20280101", "END:VEVENT", "END:VCALENDAR"], 3,
         "the event lasts 365 days; holidays last at most 31 (check DTEND, which is the day after the last day off)"),
        ([" folded", "BEGIN:VCALENDAR"], 1, "a folded line (starting with a space) comes before any property"),
    ])
    func malformedFilesNameTheLineAndTheReason(lines: [String], line: Int, reason: String) {
        #expect(throws: ICalendarError.invalid(file: "f.ics", line: line, reason: reason)) { try read(lines) }
    }

    @Test func invalidUTF8AndLineNumbersCountPhysicalLines() {
        var data = Data("BEGIN:VCALENDAR\nBEGIN:VEVENT\nDTSTART;VALUE=DATE:20270502\nSUMMARY:Caf".utf8)
        data.append(contentsOf: [0xE9, 0x0A])
        data.append(Data("END:VEVENT\nEND:VCALENDAR\n".utf8))
        #expect(throws: ICalendarError.invalid(file: "f.ics", line: 4, reason: "not UTF-8 text (iCalendar files are UTF-8)")) {
            try ICalendarReader(file: "f.ics", lastYear: 2_030).read(data)
        }
        #expect(ICalendarError.invalid(file: "f.ics", line: 4, reason: "x").description == "f.ics:4: error: x")
    }
}
