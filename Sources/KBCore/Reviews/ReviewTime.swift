import Foundation

/// An instant as a review shows it: in UTC and in the customer's local time.
public struct ReviewTime: Sendable, Equatable {
    public var at: Timestamp
    /// `2026-03-02 12:14` (UTC).
    public var utc: String
    /// `2026-03-02 09:14` in the customer's time zone.
    public var local: String
    /// The local offset, `UTC-03:00`.
    public var offsetName: String

    /// The instant in UTC and in `timeZone`, at the zone's offset at that instant (daylight saving included).
    public init(_ at: Timestamp, timeZone: TimeZone) {
        self.at = at
        let offset = BusinessCalendar.offset(at: at.seconds, in: timeZone)
        utc = ReviewTime.minutes(at.formatted(offsetSeconds: 0))
        local = ReviewTime.minutes(at.formatted(offsetSeconds: Int(offset)))
        offsetName = TimelineChart.offsetName(Int(offset))
    }

    /// `YYYY-MM-DDTHH:MM:SS…` → `YYYY-MM-DD HH:MM`.
    private static func minutes(_ iso: String) -> String {
        String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(5))
    }
}
