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

        /// The language the phrase is analysed in when it is marked with one (`QueryLanguageMark`); nil: the
        /// analyzer's own.
        public var language: Language? { QueryLanguageMark.split(text).language }
    }

    /// The expression to bind to `MATCH`.
    public let text: String
    /// Its phrases, in order.
    public let phrases: [Phrase]
}
