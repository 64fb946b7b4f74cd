/// How often an indexed article was reused: the tickets of the period that link it.
public struct ArticleReuse: Sendable, Equatable {
    public let id: String
    public let title: String
    /// Workspace-relative path of the article file.
    public let path: String
    public let state: String
    /// Distinct tickets linking the article (their `articles` field or `article_links`).
    public let tickets: Int

    public init(id: String, title: String, path: String, state: String, tickets: Int) {
        self.id = id
        self.title = title
        self.path = path
        self.state = state
        self.tickets = tickets
    }
}
