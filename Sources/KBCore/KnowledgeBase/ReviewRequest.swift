/// What `KnowledgeBase.review(_:)` writes: the post-incident review of one ticket.
public struct ReviewRequest: Sendable {
    public var ticketID: String
    /// The document's language; nil: the policy's.
    public var language: Language?
    public var audience: ReviewAudience
    public var format: ReviewFormat
    /// Review a ticket that is not closed or not severity 1-2 (the review says it was forced).
    public var force: Bool
    /// Mine automation proposals even on a store of `KnowledgeBase.miningLimit` tickets or more (takes seconds).
    public var alwaysMineProposals: Bool

    public init(ticketID: String, language: Language? = nil, audience: ReviewAudience = .internal,
                format: ReviewFormat = .md, force: Bool = false, alwaysMineProposals: Bool = false) {
        self.ticketID = ticketID
        self.language = language
        self.audience = audience
        self.format = format
        self.force = force
        self.alwaysMineProposals = alwaysMineProposals
    }
}
