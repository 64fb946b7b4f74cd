import KBCore

/// `GET /api/tickets/{id}` and `GET /api/articles/{id}`: one element of `kb show ID --json`, the same bytes
/// (compact instead of indented). Thin on purpose: phase two moves them onto KBCore's `KnowledgeBase`.
enum ShowHandlers {
    @Sendable static func ticket(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = request.pathParameter("id")
        let now = try measuredAt(request, default: context.now)
        guard let ticket = try context.read({ store in try store.linkedTicket(id: id) }) else {
            throw Problem.notFound("no ticket '\(id)' in the store")
        }
        let timeline = ticket.sortedTimeline()
        let sla = TicketSLA(ticket: timeline, policy: context.policy, now: now)
        var writer = JSONWriter()
        timeline.write(to: &writer) { writer in
            writer.key("sla")
            sla.write(to: &writer)
        }
        return .json(writer)
    }

    @Sendable static func article(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        let id = request.pathParameter("id")
        guard let article = try context.read({ store in try store.articles(id: id).first }) else {
            throw Problem.notFound("no article '\(id)' in the index; run 'kb index' after adding it")
        }
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("type", "article")
        writer.member("id", article.id)
        writer.member("path", article.path)
        writer.member("title", article.title)
        writer.member("state", article.state)
        writer.member("audience", article.audience)
        writer.member("services", article.services)
        writer.member("tickets", article.tickets)
        writer.endObject()
        return .json(writer)
    }

    /// `?now=` (ISO 8601 with an offset), the CLI's `--now`: when to measure an open ticket's SLA.
    static func measuredAt(_ request: HTTPRequest, default now: Timestamp) throws(Problem) -> Timestamp {
        guard let text = request.query["now"] else { return now }
        guard let stamp = Timestamp(iso8601: text) else {
            throw Problem.invalidField("now", "now needs an ISO 8601 time with an offset, such as 2026-03-02T09:14:00-03:00")
        }
        return stamp
    }
}
