/// Why an iCalendar file could not be imported as holidays; printed `FILE:LINE: error: reason`.
public enum ICalendarError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not what RFC 5545 allows, or holds something kb does not import; `line` is 1-based.
    case invalid(file: String, line: Int, reason: String)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(file, reason):
            return Diagnostic(.error, "cannot read the calendar: \(reason)", at: .init(path: file))
        case let .invalid(file, line, reason):
            return Diagnostic(.error, reason, at: .init(path: file, line: line))
        }
    }
}
