/// A path pattern such as `/api/tickets/{id}`: literal segments and `{name}` parameters, one segment each.
public struct RoutePattern: Sendable, Hashable, CustomStringConvertible {
    public enum Segment: Sendable, Hashable {
        case literal(String)
        case parameter(String)
    }

    public let segments: [Segment]
    /// The pattern as written: the `route` label of metrics and the path key of `docs/openapi.yaml`.
    public let text: String

    /// Parses `text`; a malformed pattern is a programming error, caught when the route is registered.
    public init(_ text: String) {
        precondition(text.hasPrefix("/"), "a route pattern starts with '/': \(text)")
        self.text = text
        var names: Set<String> = []
        let pieces = text == "/" ? [] : text.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        segments = pieces.map { piece in
            if piece.hasPrefix("{") && piece.hasSuffix("}") && piece.count > 2 {
                let name = String(piece.dropFirst().dropLast())
                precondition(names.insert(name).inserted, "parameter {\(name)} appears twice in \(text)")
                return .parameter(name)
            }
            precondition(!piece.contains("{") && !piece.contains("}"), "malformed parameter in route pattern \(text)")
            return .literal(String(piece))
        }
    }

    public var description: String { text }

    /// The parameters when `path` (decoded segments) matches, or nil. A parameter matches one non-empty segment.
    public func match(_ path: [String]) -> [String: String]? {
        guard path.count == segments.count else { return nil }
        var parameters: [String: String] = [:]
        for (segment, value) in zip(segments, path) {
            switch segment {
            case let .literal(literal):
                guard literal == value else { return nil }
            case let .parameter(name):
                guard !value.isEmpty else { return nil }
                parameters[name] = value
            }
        }
        return parameters
    }

    /// Orders overlapping patterns: at the first segment where they differ, a literal beats a parameter
    /// (`/api/tickets/search` wins over `/api/tickets/{id}` for that path).
    func isMoreSpecific(than other: RoutePattern) -> Bool {
        for (mine, theirs) in zip(segments, other.segments) {
            switch (mine, theirs) {
            case (.literal, .parameter): return true
            case (.parameter, .literal): return false
            default: continue
            }
        }
        return false
    }
}
