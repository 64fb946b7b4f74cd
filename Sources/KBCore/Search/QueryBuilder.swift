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
    /// The other languages the tickets are written in, each with its analyzer, in code order: a query word is also
    /// looked for as each of them analyses it (see `QueryLanguageMark`).
    let otherLanguages: [(language: Language, source: TermSource)]

    /// `termSource` analyses in the workspace's language; `otherLanguages` lists the other languages tickets use.
    public init(termSource: @escaping TermSource, synonyms: @escaping @Sendable (String) -> [String] = { _ in [] },
                otherLanguages: [Language: TermSource] = [:]) {
        self.termSource = termSource
        self.synonyms = synonyms
        self.otherLanguages = otherLanguages.sorted { $0.key.rawValue < $1.key.rawValue }.map { ($0.key, $0.value) }
    }

    /// The languages queries are analysed in besides the workspace's.
    public var additionalLanguages: [Language] { otherLanguages.map(\.language) }

    /// A word of the query: its original spelling and its analyzed term.
    public struct Word: Sendable, Equatable {
        public let original: String
        public let term: String
        /// The share of its idf the word counts with in ticket ranking: 1, or `StopWords.queryWeight` for a
        /// function word.
        public var weight = 1.0
        /// The language `term` was analysed in when it is not the workspace's (see `queryLanguage(of:)`).
        public var language: Language?

        public init(original: String, term: String, weight: Double = 1, language: Language? = nil) {
            self.original = original
            self.term = term
            self.weight = weight
            self.language = language
        }

        /// The word as a phrase analysed like its term: the original, marked with its language when it has one.
        public var phrase: String {
            language.map { QueryLanguageMark.marking(original, as: $0) } ?? original
        }
    }

    /// The language of a query when tickets are written in it and it is not the workspace's (detected, see
    /// `LanguageDetector`); nil otherwise.
    public func queryLanguage(of text: String) -> Language? {
        guard !otherLanguages.isEmpty, let detected = LanguageDetector.detect(text),
              otherLanguages.contains(where: { $0.language == detected }) else { return nil }
        return detected
    }

    /// The distinct words of `text` in order, as the analyzer of its language sees them: the workspace's, or that of
    /// the other language it is written in (`queryLanguage(of:)`). An English question in a Spanish workspace keeps
    /// "can't" one word, as its English tickets were indexed, where the Spanish analyzer splits it into "can" and "t".
    public func words(in text: String) -> [Word] {
        let language = queryLanguage(of: text)
        let source = language.flatMap { language in otherLanguages.first { $0.language == language }?.source } ?? termSource
        var words: [Word] = []
        var seen = Set<String>()
        var copy = text
        copy.withUTF8 { bytes in
            source(bytes) { term, start, end in
                let analyzed = String(decoding: term, as: UTF8.self)
                if seen.insert(analyzed).inserted {
                    let original = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    words.append(Word(original: original, term: analyzed, language: language))
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

    /// The MATCH expression for already-chosen words, analysed in the language of the table it runs on (articles:
    /// each language's articles are queried with their own analyzer, so no phrase is marked with a language).
    public func expression(words: [Word], mode: QueryMode = .any, expandSynonyms: Bool = true) -> String? {
        match(words: words, mode: mode, expandSynonyms: expandSynonyms, acrossLanguages: false)?.text
    }

    /// The MATCH expression for already-chosen words, with its phrases in the order FTS5 numbers them.
    ///
    /// With `acrossLanguages` (the ticket index, whose tickets are each stemmed in their own language) every word also
    /// matches as each of `otherLanguages` analyses it, as a phrase marked with that language beside the word's own:
    /// "cancellation" finds the English tickets that say "cancelled". A spelling that a language analyses to the
    /// word's own terms adds nothing and is left out.
    public func match(words: [Word], mode: QueryMode = .any, expandSynonyms: Bool = true,
                      acrossLanguages: Bool = true) -> MatchExpression? {
        guard !words.isEmpty else { return nil }
        let languages = acrossLanguages ? otherLanguages : []
        /// The phrase texts of one spelling: as written, then marked for each language that analyses it differently.
        func analyses(_ spelling: String) -> [String] {
            let own = terms(in: spelling)
            return [spelling] + languages.compactMap { language in
                Self.terms(in: spelling, source: language.source) == own ? nil : QueryLanguageMark.marking(spelling, as: language.language)
            }
        }
        switch mode {
        case .phrase:
            let texts = analyses(words.map(\.original).joined(separator: " "))
            return MatchExpression(text: Self.either(texts.map(QueryBuilder.quote)), phrases: texts.map { .init(text: $0, isPrefix: false) })
        case .prefix:
            var phrases: [MatchExpression.Phrase] = []
            let parts = words.enumerated().map { index, word -> String in
                let texts = analyses(word.original)
                phrases += texts.map { .init(text: $0, isPrefix: true, term: index) }
                return Self.either(texts.map { QueryBuilder.quote($0) + " *" })
            }
            return MatchExpression(text: parts.joined(separator: " AND "), phrases: phrases)
        case .any, .all:
            var phrases: [MatchExpression.Phrase] = []
            let parts = words.enumerated().map { index, word -> String in
                let alternatives = expandSynonyms ? synonyms(synonymKey(of: word)).filter { $0 != word.original } : []
                let texts = analyses(word.original) + alternatives
                phrases += texts.map { .init(text: $0, isPrefix: false, term: index, weight: word.weight) }
                return Self.either(texts.map(QueryBuilder.quote))
            }
            return MatchExpression(text: parts.joined(separator: mode == .all ? " AND " : " OR "), phrases: phrases,
                                   matchesAnyTerm: mode == .any)
        }
    }

    /// The term synonyms are looked up by: the word's analysis in the workspace's language (the synonyms file is
    /// analysed in it), whatever language the query is written in.
    func synonymKey(of word: Word) -> String {
        guard word.language != nil else { return word.term }
        let own = terms(in: word.original)
        return own.count == 1 ? own[0] : word.term
    }

    /// The analyzed terms of `text`, repeats included; a phrase marked with a language (`QueryLanguageMark`) is
    /// analysed in that language.
    public func terms(in text: String) -> [String] {
        let (language, unmarked) = QueryLanguageMark.split(text)
        if let language, let other = otherLanguages.first(where: { $0.language == language }) {
            return Self.terms(in: unmarked, source: other.source)
        }
        return Self.terms(in: unmarked, source: termSource)
    }

    static func terms(in text: String, source: TermSource) -> [String] {
        var copy = text
        return copy.withUTF8 { terms(in: $0, source: source) }
    }

    /// The analyzed terms of the UTF-8 `text` as `source` analyses it, repeats included.
    static func terms(in text: UnsafeBufferPointer<UInt8>, source: TermSource) -> [String] {
        var terms: [String] = []
        source(text) { term, _, _ in
            terms.append(String(decoding: term, as: UTF8.self))
            return true
        }
        return terms
    }

    /// Expressions any of which may match: the one itself, or them OR'ed in parentheses.
    static func either(_ parts: [String]) -> String {
        parts.count == 1 ? parts[0] : "(" + parts.joined(separator: " OR ") + ")"
    }

    /// The expression matching any of `phrases` (one query term's).
    public static func either(_ phrases: [MatchExpression.Phrase]) -> String {
        either(phrases.map { quote($0.text) + ($0.isPrefix ? " *" : "") })
    }

    /// An FTS5 string literal: the text in double quotes with inner quotes doubled.
    public static func quote(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
