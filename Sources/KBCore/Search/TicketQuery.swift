/// A ticket query as `TicketIndex` ranks it: analysed phrases, how they group, whether every group must match.
struct TicketQuery: Equatable {
    /// One phrase: its analysed terms in order; with `isPrefix` the last term matches any term it starts.
    struct Phrase: Equatable, Hashable {
        let terms: [String]
        let isPrefix: Bool
    }

    /// The phrases in the order FTS5 would number them (ranking sums their parts in this order).
    let phrases: [Phrase]
    /// Phrase numbers per group (a query word and its synonyms).
    let groups: [[Int]]
    /// True when a ticket must hold a phrase of every group; else any phrase matches.
    let requireAll: Bool

    /// The query for a MATCH expression kb built, analysing each phrase with `builder`'s analyzer.
    init(_ match: MatchExpression, builder: QueryBuilder) {
        phrases = match.phrases.map { Phrase(terms: builder.terms(in: $0.text), isPrefix: $0.isPrefix) }
        groups = match.groups
        requireAll = match.requiresEveryGroup
    }

    init(phrases: [Phrase], groups: [[Int]], requireAll: Bool) {
        self.phrases = phrases
        self.groups = groups
        self.requireAll = requireAll
    }
}
