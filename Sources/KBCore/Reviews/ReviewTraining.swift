/// Customer training suggested by the incident.
public struct ReviewTraining: Sendable, Equatable {
    public var suggested: Bool
    /// What to train on (the service), when suggested.
    public var topic: String?
    /// Why, or why not, in the review's language.
    public var reason: String
    /// Validated customer articles that could serve as material.
    public var articles: [ReviewArticleMatch]

    public init(suggested: Bool, topic: String?, reason: String, articles: [ReviewArticleMatch]) {
        self.suggested = suggested
        self.topic = topic
        self.reason = reason
        self.articles = articles
    }
}
