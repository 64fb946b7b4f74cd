extension Store {
    /// A record that an article solved a ticket (KCS reuse), kept apart from the ticket's source data.
    public struct ArticleLink: Sendable, Equatable {
        public let ticketID: String
        public let articleID: String
        /// When the link was recorded.
        public let linkedAt: Timestamp

        public init(ticketID: String, articleID: String, linkedAt: Timestamp) {
            self.ticketID = ticketID
            self.articleID = articleID
            self.linkedAt = linkedAt
        }
    }

    /// Records that `article` solved `ticket`; returns false when that link already existed (it keeps
    /// its original time). Throws `ArticleLinkError` when the ticket is not stored or the article not indexed.
    @discardableResult
    public func link(ticket: String, article: String, at time: Timestamp) throws -> Bool {
        // A savepoint, not a transaction, so callers may link inside their own transaction.
        try connection.savepoint("kb_link") {
            guard try connection.cached("SELECT 1 FROM tickets WHERE id = ?").first([ticket], { _ in true }) != nil else {
                throw ArticleLinkError.unknownTicket(id: ticket)
            }
            guard try connection.cached("SELECT 1 FROM articles WHERE id = ?").first([article], { _ in true }) != nil else {
                throw ArticleLinkError.unknownArticle(id: article)
            }
            try connection.cached("INSERT OR IGNORE INTO article_links(ticket_id, article_id, linked_at) VALUES (?, ?, ?)")
                .execute([ticket, article, time.seconds])
            return connection.changes == 1
        }
    }

    /// The links recorded for a ticket, by article id.
    public func links(forTicket ticket: String) throws -> [ArticleLink] {
        try connection.cached("SELECT ticket_id, article_id, linked_at FROM article_links WHERE ticket_id = ? ORDER BY article_id")
            .map([ticket], Store.articleLink)
    }

    /// Every recorded link, by ticket then article.
    public func allLinks() throws -> [ArticleLink] {
        try connection.cached("SELECT ticket_id, article_id, linked_at FROM article_links ORDER BY ticket_id, article_id")
            .map { Store.articleLink($0) }
    }

    private static func articleLink(_ row: Row) -> ArticleLink {
        ArticleLink(ticketID: row["ticket_id"], articleID: row["article_id"], linkedAt: Timestamp(seconds: row["linked_at"]))
    }

    /// True when `article_links` holds a link for the ticket.
    public func hasLinkedArticle(ticket: String) throws -> Bool {
        try connection.cached("SELECT 1 FROM article_links WHERE ticket_id = ? LIMIT 1").first([ticket]) { _ in true } ?? false
    }

    /// Article id → number of distinct tickets linking it, through the ticket's own `articles` field or
    /// `article_links`. With `since`, only tickets finished (resolved, else closed, else created) at or
    /// after it count. Articles no ticket links are absent.
    public func reuseCounts(since: Timestamp? = nil) throws -> [String: Int] {
        let sql = """
            SELECT article_id, count(DISTINCT ticket_id) AS tickets FROM (
                SELECT l.ticket_id AS ticket_id, l.article_id AS article_id
                FROM article_links l JOIN tickets t ON t.id = l.ticket_id
                WHERE coalesce(t.resolved_at, t.closed_at, t.created_at) >= ?
                UNION
                SELECT t.id, j.value
                FROM tickets t, json_each(t.doc, '$.articles') j
                WHERE coalesce(t.resolved_at, t.closed_at, t.created_at) >= ?
                  AND instr(t.doc, '"articles":[]') = 0 AND typeof(j.value) = 'text'
            ) GROUP BY article_id
            """
        let floor = since?.seconds ?? Int64.min
        var counts: [String: Int] = [:]
        try connection.cached(sql).forEachRow([floor, floor]) { row in
            counts[row["article_id"]] = row["tickets"]
        }
        return counts
    }
}

extension Store {
    /// The ticket with this id with the links recorded for it (`kb article link`) added to its `articles`, after
    /// its own and without repeats: the ticket as kb shows and reviews it. Nil when there is no such ticket.
    public func linkedTicket(id: String) throws -> Ticket? {
        guard var ticket = try ticket(id: id) else { return nil }
        for link in try links(forTicket: ticket.id) where !ticket.articles.contains(link.articleID) {
            ticket.articles.append(link.articleID)
        }
        return ticket
    }
}
