extension KnowledgeBase {
    /// Converts the webhook's ticket as `kb import` converts a Zendesk export's (the policy's priority and status
    /// maps, the mapping's names), merges it with the stored ticket of the same id and inserts or replaces it.
    ///
    /// A webhook carries the ticket's current fields but rarely its whole conversation, so the stored timeline is
    /// kept: the webhook's events are added to it, and a change of status becomes a `status` event at the ticket's
    /// `updated_at` (what the SLA clocks pause and resume on). A ticket that cannot be converted throws the
    /// converter's `TicketError`, naming the Zendesk field.
    public func receiveZendeskWebhook(_ request: ZendeskWebhookRequest) throws -> ZendeskWebhookResult {
        let (object, eventType) = try ZendeskWebhookBody.ticketObject(in: request.body, receivedAt: request.receivedAt)
        var settings = ZendeskImportSettings(policy: try policy().zendesk, mapping: request.mapping)
        let organizationName = object["organization"]?["name"]?.stringValue ?? object["organization_name"]?.stringValue
        if let organization = ZendeskTicketConverter.zendeskID(object["organization_id"]), let organizationName,
           settings.mapping.organizations[organization] == nil {
            settings.mapping.organizations[organization] = organizationName
        }
        var ticket = try ZendeskTicketConverter(settings: settings).ticket(from: object)
        if ticket.customer == nil, let organizationName, !organizationName.isEmpty { ticket.customer = organizationName }
        let store = try store(.create)
        return try store.write {
            if let stored = try store.ticket(id: ticket.id) {
                ticket = ZendeskWebhookBody.merged(ticket, into: stored, updatedAt: object["updated_at"]?.stringValue)
            }
            return ZendeskWebhookResult(ticket: ticket, outcome: try store.upsert(ticket), eventType: eventType)
        }
    }
}
