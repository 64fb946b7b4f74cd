import Testing
@testable import KBCore

@Suite struct TimestampTests {
    @Test(arguments: [
        ("2026-03-02T09:14:00-03:00", Int64(1_772_453_640), Int32(-10_800)),
        ("2026-03-02T12:14:00Z", Int64(1_772_453_640), Int32(0)),
        ("2026-03-02T12:14:00.250Z", Int64(1_772_453_640), Int32(0)),
        ("2024-02-29T00:00:00+05:30", Int64(1_709_145_000), Int32(19_800)),
    ])
    func parses(text: String, seconds: Int64, offset: Int32) throws {
        let stamp = try #require(Timestamp(iso8601: text))
        #expect(stamp.seconds == seconds)
        #expect(stamp.offsetSeconds == offset)
    }

    @Test(arguments: ["2026-03-02T09:14:00", "2026-02-30T10:00:00Z", "2026-03-02", "", "2026-13-01T00:00:00Z",
                      "2026-03-02T25:00:00Z", "2026-03-02T09:14:00+0300x"])
    func rejects(text: String) {
        #expect(Timestamp(iso8601: text) == nil)
    }

    @Test func roundTrips() throws {
        let stamp = try #require(Timestamp(iso8601: "2026-03-02T09:14:05-03:00"))
        #expect(stamp.iso8601 == "2026-03-02T09:14:05-03:00")
        #expect(stamp.utcString == "2026-03-02T12:14:05Z")
    }
}
