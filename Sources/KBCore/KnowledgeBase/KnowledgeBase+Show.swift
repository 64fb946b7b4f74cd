import Foundation

extension KnowledgeBase {
    /// The tickets and articles named in `request`, and the ids that are neither (`ShowResult.missing`).
    ///
    /// A ticket's `articles` include the links recorded with `kb article link`.
    public func show(_ request: ShowRequest) throws -> ShowResult {
        let store = try store()
        let policy = try policy()
        let now = request.now ?? self.now
        var tickets: [ShowResult.ShownTicket] = []
        var articles: [ShowResult.ShownArticle] = []
        var missing: [String] = []
        for id in request.ids {
            if let ticket = try store.linkedTicket(id: id) {
                let sorted = ticket.sortedTimeline()
                tickets.append(ShowResult.ShownTicket(ticket: sorted, sla: TicketSLA(ticket: sorted, policy: policy, now: now)))
            } else if let article = try store.articles(id: id).first {
                let file = workspace.root.appendingPathComponent(article.path)
                // A file linked out of the workspace since it was indexed is not shown.
                let text = workspace.confinement.outsideTarget(of: file.path) == nil
                    ? try? String(contentsOf: file, encoding: .utf8) : nil
                articles.append(ShowResult.ShownArticle(article: article, text: text))
            } else if !missing.contains(id) {
                missing.append(id)
            }
        }
        return ShowResult(tickets: tickets, articles: articles, missing: missing)
    }
}
