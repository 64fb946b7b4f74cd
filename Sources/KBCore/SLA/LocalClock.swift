import Foundation

/// How a person reads an instant: wall-clock time in a time zone, with the offset and the zone's name
/// (`2026-09-17 08:30 -06:00 (America/Mexico_City)`), daylight saving time included.
public struct LocalClock: Sendable, Equatable {
    public let timeZone: TimeZone
    /// The zone's name as the policy or the user wrote it (Foundation calls `UTC` `GMT`).
    public let name: String

    public init(timeZone: TimeZone, name: String? = nil) {
        self.timeZone = timeZone
        self.name = name ?? timeZone.identifier
    }

    /// A clock for an IANA zone name; nil when the name is not one.
    public init?(identifier: String) {
        guard let zone = TimeZone(identifier: identifier) else { return nil }
        self.init(timeZone: zone, name: identifier)
    }

    /// The zone's offset from UTC at an instant, in seconds.
    public func offset(at instant: Timestamp) -> Int {
        Int(BusinessCalendar.offset(at: instant.seconds, in: timeZone))
    }

    /// `2026-09-17 08:30 -06:00 (America/Mexico_City)`; seconds appear only when they are not zero.
    public func text(_ instant: Timestamp) -> String {
        let offset = offset(at: instant)
        let iso = instant.formatted(offsetSeconds: offset)
        let seconds = iso.dropFirst(17).prefix(2)
        let time = seconds == "00" ? String(iso.dropFirst(11).prefix(5)) : String(iso.dropFirst(11).prefix(8))
        return String(iso.prefix(10)) + " " + time + " " + LocalClock.offsetText(offset) + " (" + name + ")"
    }

    /// ISO 8601 at the zone's offset, `2026-09-17T08:30:00-06:00`, for JSON beside the UTC time.
    public func iso8601(_ instant: Timestamp) -> String {
        instant.formatted(offsetSeconds: offset(at: instant))
    }

    /// `-06:00`, `+00:00`.
    static func offsetText(_ offset: Int) -> String {
        let magnitude = abs(offset)
        let hours = magnitude / 3_600, minutes = magnitude % 3_600 / 60
        return (offset < 0 ? "-" : "+") + (hours < 10 ? "0" : "") + String(hours) + ":" + (minutes < 10 ? "0" : "") + String(minutes)
    }
}
