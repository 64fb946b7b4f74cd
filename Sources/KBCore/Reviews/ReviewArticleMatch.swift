/// A knowledge-base article that covers the incident's problem.
public struct ReviewArticleMatch: Sendable, Equatable {
    public var id: String
    public var title: String
    /// `wip`, `not_validated`, `validated` or `archived`.
    public var state: String
    /// `internal` or `customer`.
    public var audience: String
    /// Whether the ticket links it (its `articles` field or `kb article link`).
    public var linked: Bool

    public init(id: String, title: String, state: String, audience: String, linked: Bool) {
        self.id = id
        self.title = title
        self.state = state
        self.audience = audience
        self.linked = linked
    }
}
