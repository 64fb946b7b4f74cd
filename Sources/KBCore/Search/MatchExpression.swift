/// An FTS5 MATCH expression kb built, and the phrases in it in the order FTS5 numbers them.
///
/// Ranking needs the phrase list: `kb_rank` takes each phrase's idf from the vocabulary table instead of
/// counting it over the whole index.
public struct MatchExpression: Sendable, Equatable {
    /// One quoted string of the expression.
    public struct Phrase: Sendable, Equatable {
        /// The phrase's text as typed (before analysis).
        public let text: String
        /// Whether it is a prefix query (`"text" *`).
        public let isPrefix: Bool
        /// The query term the phrase stands for (0, 1, … in query order): a word's spellings in other languages and its
        /// synonyms share the word's, so ranking counts them as one term.
        public var term = 0
        /// The share of its term's idf the term counts with in ranking (a function word's is below 1, see
        /// `StopWords.queryWeight`); every phrase of a term carries the word's.
        public var weight = 1.0

        /// The language the phrase is analysed in when it is marked with one (`QueryLanguageMark`); nil: the
        /// analyzer's own.
        public var language: Language? { QueryLanguageMark.split(text).language }

        /// A phrase of `text` (a prefix when `isPrefix`), standing for query term `term` with `weight` of its idf.
        public init(text: String, isPrefix: Bool, term: Int = 0, weight: Double = 1.0) {
            self.text = text
            self.isPrefix = isPrefix
            self.term = term
            self.weight = weight
        }
    }

    /// The expression to bind to `MATCH`.
    public let text: String
    /// Its phrases, in order.
    public let phrases: [Phrase]
    /// Whether a row matches when it holds any one of the query terms (the terms are OR'ed), so ranking may skip
    /// rows that hold only terms too weak to reach the top (see `SearchEngine.searchTickets`).
    public var matchesAnyTerm = false
    /// The query as typed, when the expression was built from one (`SearchEngine.ticketMatch(for:)`): ranking compares
    /// it with tickets' titles word for word, including the words the expression leaves out.
    public var queryText: String?

    /// The expression `text`, whose phrases are `phrases` in order; its terms OR'ed when `matchesAnyTerm`.
    public init(text: String, phrases: [Phrase], matchesAnyTerm: Bool = false, queryText: String? = nil) {
        self.text = text
        self.phrases = phrases
        self.matchesAnyTerm = matchesAnyTerm
        self.queryText = queryText
    }
}
