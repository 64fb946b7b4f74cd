/// Why a policy file could not be used.
public enum PolicyError: Error, Equatable, Sendable, DiagnosticConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not JSON: where the parser stopped and why.
    case malformedJSON(file: String, line: Int, column: Int, reason: String)
    /// The JSON is well formed but a value is wrong; `path` is a JSON path such as `$.targets.1.first_response`,
    /// `location` where that value is written (known when the policy is read from a text).
    case invalid(path: String, reason: String, location: Diagnostic.Location? = nil)

    public var diagnostic: Diagnostic {
        switch self {
        case let .unreadable(file, reason):
            return Diagnostic(.error, "cannot read policy: \(reason)", at: .init(path: file))
        case let .malformedJSON(file, line, column, reason):
            return Diagnostic(.error, "malformed json: \(reason)", at: .init(path: file, line: line, column: column))
        case let .invalid(path, reason, location):
            return Diagnostic(.error, "\(path): \(reason)", at: location)
        }
    }

    /// The same error placed at `location`, unless it has a place already.
    func located(_ location: (String) -> Diagnostic.Location) -> PolicyError {
        guard case let .invalid(path, reason, nil) = self else { return self }
        return .invalid(path: path, reason: reason, location: location(path))
    }
}
