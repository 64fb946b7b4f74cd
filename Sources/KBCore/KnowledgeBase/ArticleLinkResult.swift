/// What `KnowledgeBase.linkArticle(ticket:article:)` recorded.
public struct ArticleLinkResult: Sendable, JSONEncodable {
    public let ticketID: String
    public let articleID: String
    /// False when the link already existed (nothing changed).
    public let linked: Bool
    /// The article's title as indexed.
    public let articleTitle: String

    /// `{"ticket":…,"article":…,"linked":true|false}`.
    public func write(to writer: inout JSONWriter) {
        writer.object(("ticket", ticketID), ("article", articleID), ("linked", linked))
    }
}
