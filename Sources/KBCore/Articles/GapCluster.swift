/// A group of solved tickets with one cause that no validated article covers: a candidate for a new article.
public struct GapCluster: Sendable, Equatable {
    /// One ticket of the cluster.
    public struct Member: Sendable, Equatable {
        public let id: String
        public let title: String
        /// When it was resolved (else closed).
        public let solvedAt: Timestamp
    }

    /// An article not validated yet (wip, not validated) that would cover the cluster.
    public struct PendingArticle: Sendable, Equatable {
        public let id: String
        public let title: String
        public let state: String
    }

    /// 1-based position in the ranking.
    public let rank: Int
    /// The tickets' service; nil for tickets without one.
    public let service: String?
    /// Members in time order.
    public let tickets: [Member]
    /// Members solved within the report's recent window.
    public let recentCount: Int
    /// The title of the member most typical of the cluster: a starting title for the article.
    public let suggestedTitle: String
    /// The cluster's heaviest symptom terms, as most often written.
    public let terms: [String]
    /// The cluster's heaviest cause and resolution terms, as most often written; empty when its tickets say no cause.
    public let causeTerms: [String]
    /// The root cause (else the resolution) of the most typical member, personal data redacted, on one line.
    public let cause: String
    /// The article being written for it, if one would cover it once validated.
    public let pendingArticle: PendingArticle?
    /// Ranking score: every ticket counts 1, a recent one 2.
    public var score: Int { tickets.count + recentCount }
    /// The latest member's time.
    public var lastSolvedAt: Timestamp { tickets.map(\.solvedAt).max() ?? Timestamp(seconds: 0) }

    /// The same cluster at another rank.
    func ranked(_ rank: Int) -> GapCluster {
        GapCluster(rank: rank, service: service, tickets: tickets, recentCount: recentCount, suggestedTitle: suggestedTitle,
                   terms: terms, causeTerms: causeTerms, cause: cause, pendingArticle: pendingArticle)
    }
}
