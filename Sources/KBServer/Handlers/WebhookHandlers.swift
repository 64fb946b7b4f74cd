import KBCore

/// `POST /api/webhooks/zendesk`: a Zendesk ticket created or updated. The ticket is converted as `kb import` converts
/// a Zendesk export, merged with the stored one and upserted; the answer carries `kb suggest`'s advice for it and
/// the same advice as a note ready to post on the ticket (`note`, plain text in the workspace's language).
enum WebhookHandlers {
    @Sendable static func zendesk(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        // A caller without a token got here only because the server has a signing secret: the body must be signed.
        if context.caller == nil, let signature = context.environment.zendeskSignature {
            try signature.verify(request, now: context.now)
        }
        try request.query.checkKnown(["lang"])
        let language = try LanguagePreference.resolve(request, default: context.policy.language)
        let webhook = ZendeskWebhookRequest(body: try request.jsonBody(), receivedAt: context.now,
                                            mapping: context.environment.zendeskMapping)
        let received = try context.writingKnowledgeBase { knowledgeBase in try knowledgeBase.receiveZendeskWebhook(webhook) }
        let ticket = received.ticket
        let intake = IntakeRequest(title: ticket.title, description: ticket.description, customer: ticket.customer,
                                   plan: ticket.plan, service: ticket.service, receivedAt: ticket.createdAt, ticketID: ticket.id)
        // The read snapshot begins now, after the upsert committed, so the suggestion sees the ticket as stored.
        let knowledgeBase = try context.knowledgeBase()
        let suggestion = try knowledgeBase.suggest(intake)
        let note = try knowledgeBase.suggestionNote(suggestion, language: language)
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("ticket", ticket.id)
        writer.member("outcome", received.outcome.name)
        if let eventType = received.eventType { writer.member("event_type", eventType) }
        writer.member("note", note)
        writer.key("suggestion")
        suggestion.write(to: &writer, language: language)
        writer.endObject()
        return .json(writer, status: received.outcome == .inserted ? 201 : 200)
    }
}
