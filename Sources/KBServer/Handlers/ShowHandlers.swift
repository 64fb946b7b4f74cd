import KBCore

/// `GET /api/tickets/{id}` and `GET /api/articles/{id}`: one element of `kb show ID --json`, written by the same
/// `KnowledgeBase.show` (compact instead of indented).
enum ShowHandlers {
    @Sendable static func ticket(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown(["now"])
        return .json(try shownTicket(request.pathParameter("id"), now: try request.query.timestamp("now") ?? context.now,
                                     context: context))
    }

    @Sendable static func article(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown([])
        return .json(try shownArticle(request.pathParameter("id"), context: context))
    }

    /// The ticket `id` with its SLA clocks at `now`; 404 when the store has no such ticket.
    static func shownTicket(_ id: String, now: Timestamp, context: RequestContext) throws -> ShowResult.ShownTicket {
        guard let shown = try show(id, now: now, context: context).tickets.first else {
            throw Problem.notFound("problem.ticket_not_found", ["id": id])
        }
        return shown
    }

    /// The indexed article `id` and its file's text; 404 when the index has no such article.
    static func shownArticle(_ id: String, context: RequestContext) throws -> ShowResult.ShownArticle {
        guard let shown = try show(id, now: context.now, context: context).articles.first else {
            throw Problem.notFound("problem.article_not_found", ["id": id])
        }
        return shown
    }

    /// `kb show ID`'s answer: the ticket or the article `id` names, none when it names nothing (the caller checks which
    /// kind came back, so a ticket route asked for an article's id is not found either).
    private static func show(_ id: String, now: Timestamp, context: RequestContext) throws -> ShowResult {
        try context.knowledgeBase().show(ShowRequest(ids: [id], now: now))
    }
}
