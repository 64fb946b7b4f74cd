import KBCore

/// `POST /api/suggest`: `kb suggest --json --lang LANG` for a ticket's title, description, customer, plan and service.
/// The texts meant for the agent (reasons, questions, escalation, routing) are in the language asked for (`?lang=`,
/// else `Accept-Language`), else the workspace's (Spanish by default), as the pages, the problem details and the
/// webhook's note; the machine members are the same in every language.
enum SuggestHandlers {
    @Sendable static func suggest(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try request.query.checkKnown(["lang"])
        let language = try LanguagePreference.resolve(request, default: context.policy.language)
        let intake = try IntakeRequest(json: try request.jsonBody(), now: context.now)
        let suggestion = try context.knowledgeBase().suggest(intake)
        var writer = JSONWriter()
        suggestion.write(to: &writer, language: language)
        return .json(writer)
    }
}
