/// What `KnowledgeBase.receiveZendeskWebhook(_:)` stores: the body of a webhook Zendesk sent when a ticket was
/// created or updated, in any of the shapes Zendesk sends.
///
/// - An event webhook (`"type": "zen:event-type:ticket.created"`, `ticket.status_changed`, `ticket.comment_added`…):
///   the ticket is `detail`, with statuses and priorities in capitals (`OPEN`, `HIGH`) and ids as strings; a
///   `comment_added` event's `event.comment` becomes a comment of the timeline.
/// - A trigger's or automation's webhook, whose JSON body the admin writes with placeholders: the ticket under
///   `"ticket"`, or the ticket object itself, with the members of the Zendesk API (`id`, `subject`, `description`,
///   `priority`, `status`, `created_at`, `organization_id`, `requester_id`, `assignee_id`, `tags`, `via`,
///   `custom_fields`, `comments`) and optionally `organization: {"name"}` (or `organization_name`) for the
///   customer.
public struct ZendeskWebhookRequest: Sendable {
    /// The webhook's body, parsed.
    public var body: JSONValue
    /// When the webhook arrived: the creation time of a ticket whose body has none.
    public var receivedAt: Timestamp
    /// Names for Zendesk ids and custom fields, as `kb import --mapping` reads them.
    public var mapping: ZendeskImportMapping

    public init(body: JSONValue, receivedAt: Timestamp, mapping: ZendeskImportMapping = ZendeskImportMapping()) {
        self.body = body
        self.receivedAt = receivedAt
        self.mapping = mapping
    }
}

/// What a Zendesk webhook did: the ticket as stored, and whether it was new, changed or the same.
public struct ZendeskWebhookResult: Sendable {
    public let ticket: Ticket
    public let outcome: UpsertOutcome
    /// The Zendesk event type (`zen:event-type:ticket.created`), nil for a trigger's body.
    public let eventType: String?
}
