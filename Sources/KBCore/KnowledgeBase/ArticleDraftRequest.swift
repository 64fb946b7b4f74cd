/// What `KnowledgeBase.draftArticle(_:)` drafts: a KCS article from one ticket.
public struct ArticleDraftRequest: Sendable {
    public var ticketID: String
    /// The draft's language; nil: the ticket's, else the policy's.
    public var language: Language?
    /// Draft from a ticket that is not resolved or closed yet.
    public var allowOpen: Bool
    /// Write the draft into `kb/articles/`; false composes it only (its text and template data).
    public var write: Bool
    /// Write nothing when an existing article already covers the problem.
    public var unlessCovered: Bool

    public init(ticketID: String, language: Language? = nil, allowOpen: Bool = false, write: Bool = true,
                unlessCovered: Bool = false) {
        self.ticketID = ticketID
        self.language = language
        self.allowOpen = allowOpen
        self.write = write
        self.unlessCovered = unlessCovered
    }
}
