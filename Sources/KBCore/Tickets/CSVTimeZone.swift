import Foundation

/// The zone a CSV mapping gives to times written without an offset: a fixed offset or an IANA zone.
public enum CSVTimeZone: Sendable, Equatable {
    case fixed(seconds: Int)
    case named(TimeZone)

    /// Parses `UTC`, `Z`, `±HH:MM` or an IANA name such as `America/Santiago`; nil when it is none of those.
    public init?(_ text: String) {
        if text == "UTC" || text == "Z" {
            self = .fixed(seconds: 0)
        } else if let first = text.first, first == "+" || first == "-",
                  let reading = CSVTimeFormat.iso8601.read("2000-01-01T00:00" + text), let offset = reading.offsetSeconds {
            self = .fixed(seconds: offset)
        } else if text.contains("/"), let zone = TimeZone(identifier: text) {
            self = .named(zone)
        } else {
            return nil
        }
    }

    /// The offset in force at a local wall-clock time (seconds since the epoch as if it were UTC).
    ///
    /// When clocks go back the local time happens twice and the first occurrence is taken; when they
    /// go forward it does not happen at all and it is read with the offset in force before the change.
    public func offset(atLocal local: Int64) -> Int {
        switch self {
        case .fixed(let seconds):
            return seconds
        case .named(let zone):
            func offset(at instant: Int64) -> Int { zone.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant))) }
            // Offsets either side of the instant: the one before a change and the one after.
            let before = offset(at: local - 86_400)
            let after = offset(at: local + 86_400)
            let candidates = before == after ? [before] : [max(before, after), min(before, after)]
            for candidate in candidates where offset(at: local - Int64(candidate)) == candidate {
                return candidate
            }
            return before
        }
    }
}
