/// A knowledge-base article that covers the incident's problem, and why the review lists it.
public struct ReviewArticleMatch: Sendable, Equatable {
    /// Why an article is listed: the evidence, strongest first.
    public enum Reason: Sendable, Equatable {
        /// The ticket links it.
        case linked
        /// Earlier incidents with the same cause link it (their ids).
        case sameCause([String])
        /// It is about the ticket's service and shares these words of the incident (as written in the ticket).
        case sharedWords([String])
    }

    public var id: String
    public var title: String
    /// `wip`, `not_validated`, `validated` or `archived`.
    public var state: String
    /// `internal` or `customer`.
    public var audience: String
    /// Whether the ticket links it (its `articles` field or `kb article link`).
    public var linked: Bool
    /// Why it is listed.
    public var reason: Reason

    public init(id: String, title: String, state: String, audience: String, linked: Bool, reason: Reason? = nil) {
        self.id = id
        self.title = title
        self.state = state
        self.audience = audience
        self.linked = linked
        self.reason = reason ?? (linked ? .linked : .sharedWords([]))
    }

    /// `linked`, `same_cause` or `shared_words`, for JSON.
    public var reasonKey: String {
        switch reason {
        case .linked: return "linked"
        case .sameCause: return "same_cause"
        case .sharedWords: return "shared_words"
        }
    }

    /// The earlier incidents that link it, when that is the reason.
    public var reasonTickets: [String] {
        if case .sameCause(let tickets) = reason { return tickets }
        return []
    }

    /// The incident's words it shares, when that is the reason.
    public var reasonWords: [String] {
        if case .sharedWords(let words) = reason { return words }
        return []
    }
}
