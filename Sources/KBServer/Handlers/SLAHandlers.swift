import KBCore

/// `GET /api/sla`: `kb sla --json`, the board of open tickets by SLA time left and compliance, with the CLI's filters.
enum SLAHandlers {
    @Sendable static func board(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown(SLARequest.parameterNames)
        return .json(try report(request, context))
    }

    /// The board for the request's filters; a filter value nothing has is a 422 naming the parameter.
    static func report(_ request: HTTPRequest, _ context: RequestContext) throws -> SLAReport {
        try context.knowledgeBase().sla(SLARequest(query: request.query, now: context.now))
    }
}
