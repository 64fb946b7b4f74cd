/// What `KnowledgeBase.upsertTickets(_:)` writes: native tickets as JSON (`POST /api/tickets`), all of them or none.
public struct TicketUpsertRequest: Sendable {
    /// The ticket objects, in the order sent.
    public var records: [JSONValue]
    /// True when the tickets came as an array: rejections then name fields `[index].field`.
    public var isBatch: Bool

    /// One ticket object, or an array of them.
    public init(json: JSONValue) {
        if let items = json.arrayValue {
            records = items
            isBatch = true
        } else {
            records = [json]
            isBatch = false
        }
    }
}
