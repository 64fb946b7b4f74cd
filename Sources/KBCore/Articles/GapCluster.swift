/// A group of similar solved tickets that no article covers: a candidate for a new article.
public struct GapCluster: Sendable, Equatable {
    /// One ticket of the cluster.
    public struct Member: Sendable, Equatable {
        public let id: String
        public let title: String
        /// When it was resolved (else closed).
        public let solvedAt: Timestamp
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
    /// The cluster's heaviest terms, as most often written.
    public let terms: [String]
    /// Ranking score: every ticket counts 1, a recent one 2.
    public var score: Int { tickets.count + recentCount }
    /// The latest member's time.
    public var lastSolvedAt: Timestamp { tickets.map(\.solvedAt).max() ?? Timestamp(seconds: 0) }
}
