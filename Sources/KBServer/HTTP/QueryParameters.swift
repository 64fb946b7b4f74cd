/// The `key=value` pairs of a query string or an `application/x-www-form-urlencoded` body, in order,
/// repeated keys kept (`?service=portal&service=correo`).
public struct QueryParameters: Sendable, Equatable {
    public private(set) var pairs: [(key: String, value: String)]

    public init(pairs: [(key: String, value: String)] = []) {
        self.pairs = pairs
    }

    /// Parses `text` (without the leading `?`); a malformed escape throws a 400 problem naming the parameter.
    public init(parsing text: Substring) throws(Problem) {
        pairs = []
        for piece in text.split(separator: "&", omittingEmptySubsequences: true) {
            let rawKey: Substring
            let rawValue: Substring
            if let equals = piece.firstIndex(of: "=") {
                rawKey = piece[..<equals]
                rawValue = piece[piece.index(after: equals)...]
            } else {
                rawKey = piece
                rawValue = ""
            }
            guard let key = PercentEncoding.decode(rawKey, plusAsSpace: true) else {
                throw Problem.badRequest("problem.parameter_name_escape")
            }
            guard let value = PercentEncoding.decode(rawValue, plusAsSpace: true) else {
                throw Problem.badRequest("problem.parameter_value_escape", ["name": key], field: key)
            }
            pairs.append((key, value))
        }
    }

    /// The first value of `key`, or nil.
    public subscript(key: String) -> String? {
        pairs.first { $0.key == key }?.value
    }

    /// Every value of `key`, in order.
    public func values(_ key: String) -> [String] {
        pairs.filter { $0.key == key }.map(\.value)
    }

    public func contains(_ key: String) -> Bool {
        pairs.contains { $0.key == key }
    }

    /// The distinct keys, in first-seen order.
    public var keys: [String] {
        var seen: Set<String> = []
        return pairs.compactMap { seen.insert($0.key).inserted ? $0.key : nil }
    }

    /// The pairs encoded back into a query string (without `?`), for links that keep a page's filters.
    public var encoded: String {
        pairs.map { PercentEncoding.encodeQueryComponent($0.key) + "=" + PercentEncoding.encodeQueryComponent($0.value) }
            .joined(separator: "&")
    }

    public mutating func append(_ key: String, _ value: String) {
        pairs.append((key, value))
    }

    public static func == (lhs: QueryParameters, rhs: QueryParameters) -> Bool {
        lhs.pairs.count == rhs.pairs.count && zip(lhs.pairs, rhs.pairs).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}
