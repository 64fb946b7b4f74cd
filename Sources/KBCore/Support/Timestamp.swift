import Foundation

/// An instant with the UTC offset it was written in, so local times can be shown as the customer saw them.
public struct Timestamp: Sendable, Hashable, Comparable {
    /// Seconds since 1970-01-01T00:00:00Z.
    public var seconds: Int64
    /// Offset from UTC, in seconds, of the original text.
    public var offsetSeconds: Int32

    public init(seconds: Int64, offsetSeconds: Int32 = 0) {
        self.seconds = seconds
        self.offsetSeconds = offsetSeconds
    }

    public init(date: Date, offsetSeconds: Int32 = 0) {
        self.init(seconds: Int64(date.timeIntervalSince1970.rounded(.down)), offsetSeconds: offsetSeconds)
    }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }
    public static func == (lhs: Timestamp, rhs: Timestamp) -> Bool {
        lhs.seconds == rhs.seconds && lhs.offsetSeconds == rhs.offsetSeconds
    }
}
