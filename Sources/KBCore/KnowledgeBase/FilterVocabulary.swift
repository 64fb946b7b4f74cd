/// The values a filter option accepts (`--status`, `--customer`, `--service`, `--tag`…) and how a typed value is
/// matched against them: ignoring case, accents and repeated spaces, so `--customer "banco cafetero"` is
/// "Banco Cafetero" and `--service Llamadas` is "llamadas".
///
/// A value that matches none of the known ones is an `UnknownFilterValueError` listing them, never a filter that
/// silently finds nothing. Every command with such filters (search, training, sla) resolves its values here.
public struct FilterVocabulary: Sendable, Equatable {
    /// The option as the user writes it (`--customer`), for the error.
    public let option: String
    /// The values that exist, sorted by their folded form and then as written.
    public let known: [String]

    public init(option: String, known: some Sequence<String>) {
        self.option = option
        let distinct = Set(known.filter { !Self.key($0).isEmpty })
        self.known = distinct.map { (Self.key($0), $0) }.sorted { $0 < $1 }.map(\.1)
    }

    /// The known values each given value stands for (a value may match several spellings of one name), in the
    /// order given; throws for the first value that matches none.
    public func resolve(_ values: [String]) throws(UnknownFilterValueError) -> [String] {
        var resolved: [String] = []
        for value in values {
            let matches = self.matches(value)
            guard !matches.isEmpty else { throw UnknownFilterValueError(option: option, value: value, known: known) }
            for match in matches where !resolved.contains(match) { resolved.append(match) }
        }
        return resolved
    }

    /// The known values `value` matches, ignoring case, accents and spacing.
    public func matches(_ value: String) -> [String] {
        let key = Self.key(value)
        return known.filter { Self.key($0) == key }
    }

    /// `value` as filters compare it: accents folded, lower-cased, runs of white space as one space, trimmed.
    public static func key(_ value: String) -> String {
        AccentFolding.fold(value).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}

/// A filter value that names nothing that exists: a usage error (exit 64) that lists the values that do.
public struct UnknownFilterValueError: Error, Equatable, Sendable, CustomStringConvertible {
    public let option: String
    public let value: String
    /// The values that exist, in `FilterVocabulary` order.
    public let known: [String]

    public init(option: String, value: String, known: [String]) {
        self.option = option
        self.value = value
        self.known = known
    }

    public var description: String {
        let listed = known.isEmpty ? "none yet (nothing imported or indexed has one)" : known.joined(separator: ", ")
        return "no \(option) '\(value)' (compared ignoring case and accents); known values: \(listed)"
    }
}
