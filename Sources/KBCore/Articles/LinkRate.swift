/// KCS link rate: the share of solved tickets that link an article.
public struct LinkRate: Sendable, Equatable {
    /// Resolved or closed tickets of the period.
    public let tickets: Int
    /// Of those, tickets naming an article in their `articles` field or in `article_links`.
    public let linked: Int

    public init(tickets: Int, linked: Int) {
        self.tickets = tickets
        self.linked = linked
    }

    /// `linked / tickets`, 0 when there are no tickets.
    public var rate: Double { tickets == 0 ? 0 : Double(linked) / Double(tickets) }
}
