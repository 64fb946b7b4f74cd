import KBCore

/// `POST /api/tickets`: one native ticket or an array of them, validated as `kb import` validates a record and
/// inserted or replaced in one transaction; any invalid ticket is a 422 listing each with its index and field, and
/// nothing is written.
enum TicketWriteHandlers {
    @Sendable static func upsert(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown([])
        let upsert = TicketUpsertRequest(json: try request.jsonBody())
        let result = try context.writingKnowledgeBase { knowledgeBase in try knowledgeBase.upsertTickets(upsert) }
        return .json(result)
    }
}
