import KBCore

/// `GET /api/reviews/{id}`: `kb review ID` with `format`, `audience`, `lang` and `force`, rendered by the same
/// `KnowledgeBase.review`: the customer audience gets the CLI's redacted view.
enum ReviewHandlers {
    static let parameterNames: Set<String> = ["format", "audience", "lang", "force"]

    /// The formats in the order `Accept` chooses among them when the request names no `format`.
    private static let offered: [(type: String, format: ReviewFormat)] = [
        ("application/json", .json), ("text/markdown", .md), ("text/html", .html),
    ]

    @Sendable static func review(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown(parameterNames)
        let format: ReviewFormat
        if let asked = try request.query.choice("format", ReviewFormat.self) {
            format = asked
        } else {
            guard let type = MediaType.negotiate(accept: request.headers["Accept"], offered: offered.map(\.type)),
                  let chosen = offered.first(where: { $0.type == type }) else {
                throw Problem.notAcceptable("problem.review_not_acceptable")
            }
            format = chosen.format
        }
        let result = try review(request, context, format: format)
        switch format {
        case .json: return .json(bytes: Array(result.document.utf8))
        case .md: return .text(result.document, contentType: MediaType.markdown)
        case .html: return .html(result.document)
        }
    }

    /// The review of the path's ticket in `format`, for the request's audience and language (`lang`, else
    /// `Accept-Language`, else the workspace's). A ticket reviews are not for is a 409 unless `force`.
    static func review(_ request: HTTPRequest, _ context: RequestContext, format: ReviewFormat) throws -> ReviewResult {
        let id = request.pathParameter("id")
        let language = try LanguagePreference.resolve(request, default: context.policy.language)
        let review = ReviewRequest(ticketID: id, language: language,
                                   audience: try request.query.choice("audience", ReviewAudience.self) ?? .internal,
                                   format: format, force: try request.query.flag("force"))
        do {
            return try context.knowledgeBase().review(review)
        } catch let error as ReviewError {
            switch error {
            case .ticketNotFound: throw Problem.notFound(detail: error.diagnostic.message)
            case .notClosed, .severityOutOfScope: throw Problem.conflict(detail: error.diagnostic.message.replacingOccurrences(of: "--force", with: "force=true"))
            default: throw error
            }
        }
    }
}
