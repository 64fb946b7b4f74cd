import Foundation

extension KnowledgeBase {
    /// The tickets and articles named in `request`; an id that is neither is `TicketError.notFound`.
    public func show(_ request: ShowRequest) throws -> ShowResult {
        let store = try store()
        let policy = try policy()
        let now = request.now ?? self.now
        var tickets: [ShowResult.ShownTicket] = []
        var articles: [ShowResult.ShownArticle] = []
        for id in request.ids {
            if let ticket = try store.ticket(id: id) {
                let sorted = ticket.sortedTimeline()
                tickets.append(ShowResult.ShownTicket(ticket: sorted, sla: TicketSLA(ticket: sorted, policy: policy, now: now)))
            } else if let article = try store.articles(id: id).first {
                let text = try? String(contentsOf: workspace.root.appendingPathComponent(article.path), encoding: .utf8)
                articles.append(ShowResult.ShownArticle(article: article, text: text))
            } else {
                throw TicketError.notFound(id: id)
            }
        }
        return ShowResult(tickets: tickets, articles: articles)
    }
}
