import Foundation
import Testing
@testable import KBCore

@Suite struct CSVTimeFormatTests {
    /// Pattern, text, expected ISO text when read with a zone of -03:00 for offset-less times (nil: no match).
    @Test(arguments: [
        ("dd/MM/yyyy HH:mm", "02/03/2026 09:14", "2026-03-02T09:14:00-03:00"),
        ("dd/MM/yyyy HH:mm", "2/3/2026 9:14", "2026-03-02T09:14:00-03:00"),
        ("dd/MM/yyyy HH:mm", "2/3/2026  9:14", "2026-03-02T09:14:00-03:00"),
        ("dd/MM/yyyy HH:mm", "31/02/2026 09:14", nil),
        ("dd/MM/yyyy HH:mm", "02/03/2026", nil),
        ("M/d/yyyy h:mm a", "3/2/2026 9:14 PM", "2026-03-02T21:14:00-03:00"),
        ("M/d/yyyy h:mm a", "3/2/2026 12:05 a.m.", "2026-03-02T00:05:00-03:00"),
        ("M/d/yyyy h:mm a", "3/2/2026 13:05 PM", nil),
        ("yyyy-MM-dd HH:mm:ss XXX", "2026-03-02 09:14:30 +01:00", "2026-03-02T09:14:30+01:00"),
        ("yyyy-MM-dd'T'HH:mm:ssZ", "2026-03-02T09:14:30.250Z", "2026-03-02T09:14:30Z"),
        ("dd.MM.yy HH:mm", "02.03.26 09:14", "2026-03-02T09:14:00-03:00"),
    ] as [(String, String, String?)])
    func patterns(pattern: String, text: String, expected: String?) throws {
        let format = try CSVTimeFormat(pattern: pattern)
        let reading = format.read(text)
        #expect(reading.map { Self.iso($0, zone: .fixed(seconds: -3 * 3600)) } == expected)
    }

    @Test(arguments: [
        ("2026-03-02T09:14:00-03:00", "2026-03-02T09:14:00-03:00"),
        ("2026-03-02T12:14:00Z", "2026-03-02T12:14:00Z"),
        ("2026-03-02 09:14", "2026-03-02T09:14:00-03:00"),
        ("2026-03-02 09:14:05.123", "2026-03-02T09:14:05-03:00"),
        ("2026-03-02", "2026-03-02T00:00:00-03:00"),
        ("2026-03-02T09:14:00 +0100", "2026-03-02T09:14:00+01:00"),
    ])
    func iso8601WithAndWithoutOffset(text: String, expected: String) throws {
        let reading = try #require(CSVTimeFormat.iso8601.read(text))
        #expect(Self.iso(reading, zone: .fixed(seconds: -3 * 3600)) == expected)
    }

    @Test(arguments: ["2026-3-02", "02/03/2026", "2026-03-02T25:00", "2026-03-02T09:14:00+19:00", "ayer"])
    func iso8601Rejects(text: String) {
        #expect(CSVTimeFormat.iso8601.read(text) == nil)
    }

    @Test(arguments: ["MMM d, yyyy", "dd/MM", "HH:mm", "yyyy-MM-dd hh:mm", "yyyy-MM-dd Q", "yyy-MM-dd", "'unterminated yyyy-MM-dd"])
    func badPatternsExplainThemselves(pattern: String) {
        #expect(throws: CSVTimeFormatError.self) { try CSVTimeFormat(pattern: pattern) }
    }

    /// Local times take the zone's offset at that instant: Chile is at -03:00 in summer and -04:00 in winter.
    @Test func ianaZoneUsesTheOffsetInForceAtThatInstant() throws {
        let zone = try #require(CSVTimeZone("America/Santiago"))
        let summer = try #require(CSVTimeFormat.iso8601.read("2026-01-15 10:00"))
        let winter = try #require(CSVTimeFormat.iso8601.read("2026-07-15 10:00"))
        #expect(Self.iso(summer, zone: zone) == "2026-01-15T10:00:00-03:00")
        #expect(Self.iso(winter, zone: zone) == "2026-07-15T10:00:00-04:00")
    }

    /// Madrid: 2026-10-25 02:30 happens twice (first occurrence, +02:00 taken); 2026-03-29 02:30 never happens.
    @Test func daylightSavingOverlapAndGapAreDeterministic() throws {
        let zone = try #require(CSVTimeZone("Europe/Madrid"))
        let twice = try #require(CSVTimeFormat.iso8601.read("2026-10-25 02:30"))
        #expect(Self.iso(twice, zone: zone) == "2026-10-25T02:30:00+02:00")
        let never = try #require(CSVTimeFormat.iso8601.read("2026-03-29 02:30"))
        #expect(Self.iso(never, zone: zone) == "2026-03-29T02:30:00+01:00")
    }

    @Test(arguments: [("UTC", 0), ("Z", 0), ("-03:00", -10_800), ("+05:30", 19_800)])
    func fixedZones(text: String, seconds: Int) {
        #expect(CSVTimeZone(text) == .fixed(seconds: seconds))
    }

    @Test(arguments: ["Mars/Olympus", "Santiago", "-3", ""])
    func unknownZones(text: String) {
        #expect(CSVTimeZone(text) == nil)
    }

    private static func iso(_ reading: CSVTimeFormat.Reading, zone: CSVTimeZone) -> String {
        let offset = reading.offsetSeconds ?? zone.offset(atLocal: reading.localSeconds)
        return Timestamp(seconds: reading.localSeconds - Int64(offset), offsetSeconds: Int32(offset)).iso8601
    }
}
