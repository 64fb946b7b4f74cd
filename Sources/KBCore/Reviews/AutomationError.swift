/// Why automation mining could not run.
public enum AutomationError: Error, DiagnosticConvertible, Sendable, Equatable {
    /// The period ends before (or when) it starts.
    case invalidPeriod(since: String, until: String)
    /// A pattern must be seen at least twice to be a pattern.
    case invalidMinimumOccurrences(value: Int)
    /// A similarity threshold outside (0, 1].
    case invalidThreshold(name: String, value: Double)
    /// Another setting out of its range; `expected` says which values are allowed.
    case invalidSetting(name: String, value: String, expected: String)

    public var diagnostic: Diagnostic { Diagnostic(.error, message) }

    /// The message, lower case, without location.
    private var message: String {
        switch self {
        case let .invalidPeriod(since, until):
            return "the period is empty: --since \(since) is not before --until \(until)"
        case let .invalidMinimumOccurrences(value):
            return "minimum occurrences must be at least 2 (a pattern seen once is not a pattern), not \(value)"
        case let .invalidThreshold(name, value):
            return "\(name) must be above 0 and at most 1, not \(value)"
        case let .invalidSetting(name, value, expected):
            return "\(name) must be \(expected), not \(value)"
        }
    }
}
