/// Why an iCalendar file could not be imported as holidays; printed `FILE:LINE: error: reason`.
public enum ICalendarError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not what RFC 5545 allows, or holds something kb does not import; `line` is 1-based.
    case invalid(file: String, line: Int, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): error: cannot read the calendar: \(reason)"
        case let .invalid(file, line, reason):
            return "\(file):\(line): error: \(reason)"
        }
    }
}
