import Foundation

/// Why a policy file could not be used.
public enum PolicyError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file could not be read at all.
    case unreadable(file: String, reason: String)
    /// The file is not JSON; `line` is derived from the parser's character offset when it reports one.
    case malformedJSON(file: String, line: Int?, reason: String)
    /// The JSON is well formed but a value is wrong; `path` is a JSON path such as `$.targets.1.first_response`.
    case invalid(path: String, reason: String)

    public var description: String {
        switch self {
        case let .unreadable(file, reason):
            return "\(file): cannot read policy: \(reason)"
        case let .malformedJSON(file, line, reason):
            if let line { return "\(file):\(line): malformed json: \(reason)" }
            return "\(file): malformed json: \(reason)"
        case let .invalid(path, reason):
            return "\(path): \(reason)"
        }
    }
}
