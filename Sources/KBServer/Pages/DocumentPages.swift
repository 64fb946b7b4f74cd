import KBCore

/// The pages that are kb's own HTML documents, served as `kb review` and `kb training` write them (their templates,
/// their styles, the same redaction): `GET /revisiones/{id}` (`audience`, `force`) and `GET /guia` (`service`).
enum DocumentPages {
    @Sendable static func review(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { _ in
            try request.query.checkKnown(ReviewHandlers.parameterNames)
            return .html(try ReviewHandlers.review(request, context, format: .html).document)
        }
    }

    @Sendable static func guide(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters.union(["service"]))
            let training = TrainingRequest(language: page.language, format: .html, services: request.query.texts("service"))
            return .html(try context.knowledgeBase().training(training).document)
        }
    }
}
