/// What `KnowledgeBase.show(_:)` looks up: ticket ids (`T-1042`) or article ids (`KB-0007`).
public struct ShowRequest: Sendable {
    public var ids: [String]
    /// The instant open tickets' SLA clocks are measured at; nil: the knowledge base's clock.
    public var now: Timestamp?

    public init(ids: [String], now: Timestamp? = nil) {
        self.ids = ids
        self.now = now
    }
}
