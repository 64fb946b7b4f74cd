import KBCore

/// `POST /api/suggest`: `kb suggest --json` for a ticket's title, description, customer, plan and service.
enum SuggestHandlers {
    @Sendable static func suggest(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown([])
        let intake = try IntakeRequest(json: try request.jsonBody(), now: context.now)
        return .json(try context.knowledgeBase().suggest(intake))
    }
}
