/// The ticket inside a Zendesk webhook's body, and how it joins the ticket kb already has.
enum ZendeskWebhookBody {
    /// The ticket object of `body` as the Zendesk converter reads it, and the event type when `body` is an event.
    static func ticketObject(in body: JSONValue, receivedAt: Timestamp) throws(TicketError) -> (JSONValue, String?) {
        guard case .object = body else {
            throw .invalidField(field: "$", reason: "expected a Zendesk webhook object, found \(body.typeName)")
        }
        var eventType: String?
        var members: [(String, JSONValue)]
        var comments: [JSONValue] = []
        if let type = body["type"]?.stringValue, type.hasPrefix("zen:event-type:") {
            guard type.hasPrefix("zen:event-type:ticket.") else {
                throw .invalidField(field: "type", reason: "'\(type.prefix(80))' is not a ticket event; connect kb to ticket events only")
            }
            guard let detail = body["detail"]?.objectValue else {
                throw .invalidField(field: "detail", reason: body["detail"] == nil ? "missing" : "expected the ticket object")
            }
            eventType = type
            members = detail
            if let comment = body["event"]?["comment"], case .object = comment {
                comments.append(Self.comment(comment, at: body["time"]?.stringValue ?? receivedAt.utcString))
            }
        } else if let ticket = body["ticket"]?.objectValue {
            members = ticket
        } else {
            members = body.objectValue ?? []
        }
        // Event payloads write statuses and priorities in capitals; the policy's maps are lower-case.
        members = members.map { name, value in
            (name == "status" || name == "priority") ? (name, value.stringValue.map { .string($0.lowercased()) } ?? value) : (name, value)
        }
        if !members.contains(where: { $0.0 == "created_at" }) { members.append(("created_at", .string(receivedAt.utcString))) }
        if !comments.isEmpty { members.append(("comments", .array(comments))) }
        return (.object(members), eventType)
    }

    /// An event's `comment` (`body`, `is_public`, `author.id`) as the converter reads an export's comment.
    private static func comment(_ comment: JSONValue, at time: String) -> JSONValue {
        var members: [(String, JSONValue)] = [("created_at", .string(time)),
                                              ("plain_body", comment["body"] ?? .string("")),
                                              ("public", comment["is_public"] ?? .bool(true))]
        if let author = comment["author"]?["id"] ?? comment["author_id"] { members.append(("author_id", author)) }
        return .object(members)
    }

    /// `incoming` with the stored ticket's events it lacks, and a `status` event when the status changed.
    static func merged(_ incoming: Ticket, into stored: Ticket, updatedAt: String?) -> Ticket {
        var ticket = incoming
        var events = stored.events
        for event in incoming.events where !events.contains(where: { Self.same($0, event) }) {
            // The converter's own `created` event restates the stored one.
            if event.kind == .created, events.contains(where: { $0.kind == .created }) { continue }
            events.append(event)
        }
        if incoming.status != stored.status, !incoming.status.isDone {
            let at = updatedAt.flatMap { Timestamp(iso8601: $0) } ?? events.map(\.at).max { $0.seconds < $1.seconds } ?? incoming.createdAt
            events.append(TicketEvent(at: at, kind: .status, status: incoming.status))
        }
        // Stable: events at the same second keep their order.
        ticket.events = events.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }.map(\.element)
        if ticket.createdAt.seconds > stored.createdAt.seconds { ticket.createdAt = stored.createdAt }
        return ticket
    }

    private static func same(_ a: TicketEvent, _ b: TicketEvent) -> Bool {
        a.at.seconds == b.at.seconds && a.kind == b.kind && a.text == b.text && a.visibility == b.visibility
    }
}
