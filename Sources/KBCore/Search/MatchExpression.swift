/// An FTS5 MATCH expression kb built, and its structure: phrases in the order FTS5 numbers them, grouped by word.
///
/// Articles are matched by FTS5 with `text`; tickets by `TicketIndex` with the phrases and groups (see `TicketQuery`).
public struct MatchExpression: Sendable, Equatable {
    /// One quoted string of the expression.
    public struct Phrase: Sendable, Equatable {
        /// The phrase's text as typed (before analysis).
        public let text: String
        /// Whether it is a prefix query (`"text" *`).
        public let isPrefix: Bool
    }

    /// The expression to bind to `MATCH`.
    public let text: String
    /// Its phrases, in order.
    public let phrases: [Phrase]
    /// Phrase numbers per group: a query word with its synonyms (`--mode all`, `any`), or each prefix word.
    public let groups: [[Int]]
    /// True when a match needs a phrase of every group (AND); false when any phrase will do (OR).
    public let requiresEveryGroup: Bool

    public init(text: String, phrases: [Phrase], groups: [[Int]]? = nil, requiresEveryGroup: Bool = false) {
        self.text = text
        self.phrases = phrases
        self.groups = groups ?? [Array(phrases.indices)]
        self.requiresEveryGroup = requiresEveryGroup
    }
}
