/// Turns any text a user types into a valid FTS5 MATCH expression.
///
/// The text is split with the same analyzer the index uses, and each word is passed to FTS5 as a
/// quoted string of its *original* spelling (inner quotes doubled): FTS5 analyses it again with kb's
/// tokenizer, so nothing the user types is ever read as FTS5 syntax (AND, NEAR, `*`, `:`, columns…).
public struct QueryBuilder: Sendable {
    /// At most this many distinct words are used; longer queries keep their first words.
    public static let maximumTerms = 32

    let termSource: TermSource
    /// Alternatives for a word (synonyms), as original-text phrases, keyed by the word's analyzed term.
    let synonyms: @Sendable (String) -> [String]

    public init(termSource: @escaping TermSource, synonyms: @escaping @Sendable (String) -> [String] = { _ in [] }) {
        self.termSource = termSource
        self.synonyms = synonyms
    }

    /// A word of the query: its original spelling and its analyzed term.
    public struct Word: Sendable, Equatable {
        public let original: String
        public let term: String
    }

    /// The distinct words of `text` in order, as the analyzer sees them.
    public func words(in text: String) -> [Word] {
        var words: [Word] = []
        var seen = Set<String>()
        var copy = text
        copy.withUTF8 { bytes in
            termSource(bytes) { term, start, end in
                let analyzed = String(decoding: term, as: UTF8.self)
                if seen.insert(analyzed).inserted {
                    let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    words.append(Word(original: original, term: analyzed))
                }
                return words.count < QueryBuilder.maximumTerms
            }
        }
        return words
    }

    /// The MATCH expression for `text`, or nil when it has no searchable word.
    public func expression(for text: String, mode: QueryMode = .any, expandSynonyms: Bool = true) -> String? {
        expression(words: words(in: text), mode: mode, expandSynonyms: expandSynonyms)
    }

    /// The MATCH expression for already-chosen words.
    public func expression(words: [Word], mode: QueryMode = .any, expandSynonyms: Bool = true) -> String? {
        match(words: words, mode: mode, expandSynonyms: expandSynonyms)?.text
    }

    /// The MATCH expression for already-chosen words, with its phrases in the order FTS5 numbers them.
    public func match(words: [Word], mode: QueryMode = .any, expandSynonyms: Bool = true) -> MatchExpression? {
        guard !words.isEmpty else { return nil }
        switch mode {
        case .phrase:
            let phrase = words.map(\.original).joined(separator: " ")
            return MatchExpression(text: QueryBuilder.quote(phrase), phrases: [.init(text: phrase, isPrefix: false)])
        case .prefix:
            return MatchExpression(text: words.map { QueryBuilder.quote($0.original) + " *" }.joined(separator: " AND "),
                                   phrases: words.map { .init(text: $0.original, isPrefix: true) })
        case .any, .all:
            var phrases: [MatchExpression.Phrase] = []
            let parts = words.map { word -> String in
                let alternatives = expandSynonyms ? synonyms(word.term).filter { $0 != word.original } : []
                let spellings = [word.original] + alternatives
                phrases += spellings.map { .init(text: $0, isPrefix: false) }
                if alternatives.isEmpty { return QueryBuilder.quote(word.original) }
                return "(" + spellings.map(QueryBuilder.quote).joined(separator: " OR ") + ")"
            }
            return MatchExpression(text: parts.joined(separator: mode == .all ? " AND " : " OR "), phrases: phrases)
        }
    }

    /// The analyzed terms of `text`, repeats included.
    public func terms(in text: String) -> [String] {
        var terms: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            termSource(bytes) { term, _, _ in
                terms.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return terms
    }

    /// An FTS5 string literal: the text in double quotes with inner quotes doubled.
    public static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
