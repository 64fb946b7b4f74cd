/// What `KnowledgeBase.gaps(_:)` analyses: tickets solved since a day, and how many clusters to keep.
public struct GapsRequest: Sendable {
    /// Tickets resolved (else closed) on or after this instant; nil: `KnowledgeGaps.Options.defaultPeriodDays` ago.
    public var since: Timestamp?
    /// Clusters kept in the report (all are counted).
    public var limit: Int

    /// Clusters kept when the request names no limit.
    public static let defaultLimit = 10

    public init(since: Timestamp? = nil, limit: Int = GapsRequest.defaultLimit) {
        self.since = since
        self.limit = limit
    }
}
