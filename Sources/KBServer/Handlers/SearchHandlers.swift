import KBCore

/// `GET /api/search`: `kb search QUERY --json` with the same filters, answered by the same `KnowledgeBase.search`.
enum SearchHandlers {
    @Sendable static func search(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown(SearchRequest.parameterNames)
        let search = try SearchRequest(query: request.query)
        return .json(try context.knowledgeBase().search(search))
    }
}
