import Foundation

/// Turns one Zendesk ticket object (and its comments) into a kb ticket.
///
/// The result is built as a native JSON object and validated by `Ticket(json:)`, so values kb cannot
/// take get the same messages as in a JSON Lines import. See `docs/import-formats.md` for the field map.
public struct ZendeskTicketConverter {
    /// The maps the converter applies.
    public let settings: ZendeskImportSettings
    private let timeZoneCheck: (String) -> Bool

    /// `timeZoneCheck` answers whether an IANA zone exists (import passes a cached one).
    public init(settings: ZendeskImportSettings, timeZoneCheck: @escaping (String) -> Bool = { TimeZone(identifier: $0) != nil }) {
        self.settings = settings
        self.timeZoneCheck = timeZoneCheck
    }

    /// The kb id of a Zendesk ticket object (`zd:<id>`), nil when it has no usable id.
    public static func ticketID(of object: JSONValue) -> String? {
        zendeskID(object["id"]).map { "zd:\($0)" }
    }

    /// Converts a ticket object; `comments` (from `--comments`) replace any `comments` array inside the object.
    public func ticket(from object: JSONValue, comments: [JSONValue]? = nil) throws(TicketError) -> Ticket {
        guard case .object = object else { throw .invalidField(field: "$", reason: "expected a ticket object, found \(object.typeName)") }
        guard let number = Self.zendeskID(object["id"]) else {
            throw .invalidField(field: "id", reason: object["id"] == nil ? "missing" : "expected a Zendesk ticket number")
        }
        let mapping = settings.mapping
        var fields: [String: JSONValue] = ["id": .string("zd:\(number)")]
        var extra: [String: String] = [:]

        let description = object["description"]?.stringValue ?? ""
        fields["description"] = .string(description)
        fields["title"] = .string(try Self.title(object, description: description))

        let priority = object["priority"]?.stringValue ?? mapping.missingPriority
        guard let severity = settings.policy.severity(forPriority: priority) else {
            let known = settings.policy.priorities.keys.sorted().joined(separator: ", ")
            throw .unknownValue(field: "priority", value: priority,
                                reason: "Zendesk priority '\(priority.prefix(40))' has no entry in policy.zendesk.priorities (known: \(known))")
        }
        fields["severity"] = .number(Double(severity))
        if let original = object["priority"]?.stringValue { extra["zendesk.priority"] = original }

        guard let statusText = object["status"]?.stringValue else {
            throw .invalidField(field: "status", reason: object["status"] == nil ? "missing" : "expected a string, found \(object["status"]!.typeName)")
        }
        guard let status = settings.policy.status(forStatus: statusText) else {
            let known = settings.policy.statuses.keys.sorted().joined(separator: ", ")
            throw .unknownValue(field: "status", value: statusText,
                                reason: "Zendesk status '\(statusText.prefix(40))' has no entry in policy.zendesk.statuses (known: \(known))")
        }
        fields["status"] = .string(status.rawValue)
        extra["zendesk.status"] = statusText

        if let via = object["via"]?["channel"]?.stringValue {
            if let channel = mapping.channels[via.lowercased()] {
                fields["channel"] = .string(channel.rawValue)
            } else {
                extra["zendesk.via"] = via
            }
        }

        let createdAt = object["created_at"]
        if let createdAt { fields["created_at"] = createdAt }
        let updatedAt = object["updated_at"]?.stringValue
        if let updatedAt { extra["zendesk.updated_at"] = updatedAt }
        // Ticket objects carry no solve time; the metric set (include=metric_sets) has it, else the last update.
        let solvedAt = object["metric_set"]?["solved_at"]?.stringValue ?? object["solved_at"]?.stringValue
        var resolvedAt: String?
        var closedAt: String?
        if status == .resolved || status == .closed { resolvedAt = solvedAt ?? updatedAt }
        if status == .closed { closedAt = updatedAt ?? solvedAt }
        if let resolvedAt { fields["resolved_at"] = .string(resolvedAt) }
        if let closedAt { fields["closed_at"] = .string(closedAt) }

        if let assignee = Self.zendeskID(object["assignee_id"]) { fields["assignee"] = .string(userName(assignee)) }
        if let organization = Self.zendeskID(object["organization_id"]) {
            if let customer = mapping.organizations[organization] {
                fields["customer"] = .string(customer)
            } else {
                extra["zendesk.organization_id"] = organization
            }
        }
        for key in ["requester_id", "group_id", "external_id", "type"] {
            if let value = object[key], let text = Self.text(of: value) { extra["zendesk.\(key)"] = text }
        }
        var tags = object["tags"]?.arrayValue?.compactMap(\.stringValue) ?? []
        try applyCustomFields(object, to: &fields, tags: &tags, extra: &extra)
        fields["tags"] = .array(tags.map { .string($0) })

        let requester = Self.zendeskID(object["requester_id"])
        let commentList = comments ?? object["comments"]?.arrayValue ?? []
        fields["events"] = .array(try events(commentList, createdAt: createdAt?.stringValue, description: description,
                                             requester: requester, resolvedAt: resolvedAt, closedAt: closedAt, assignee: fields["assignee"]))
        fields["extra"] = .object(extra.sorted { $0.key < $1.key }.map { ($0.key, .string($0.value)) })
        var ticket = try Ticket(json: .object(fields.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }), timeZoneCheck: timeZoneCheck)
        try ticket.completeImportedTimeline(firstResponse: Self.firstReply(object, createdAt: ticket.createdAt),
                                            lastUpdate: updatedAt.flatMap { Timestamp(iso8601: $0) })
        try ticket.checkImportable()
        return ticket
    }

    /// When the ticket was first answered by the metric set (`include=metric_sets`): `reply_time_in_minutes.calendar`
    /// after creation. For exports without comments it is the only trace of the first response.
    private static func firstReply(_ object: JSONValue, createdAt: Timestamp) -> Timestamp? {
        guard let minutes = object["metric_set"]?["reply_time_in_minutes"]?["calendar"]?.intValue, minutes >= 0 else { return nil }
        return Timestamp(seconds: createdAt.seconds + Int64(minutes) * 60, offsetSeconds: createdAt.offsetSeconds)
    }

    private static func title(_ object: JSONValue, description: String) throws(TicketError) -> String {
        for key in ["subject", "raw_subject"] {
            if let text = object[key]?.stringValue?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty { return text }
        }
        // Tickets from some channels have no subject; Zendesk itself shows the start of the description.
        guard let title = Ticket.title(fromDescription: description) else {
            throw .invalidField(field: "subject", reason: "missing, and the description is empty too")
        }
        return title
    }

    private func applyCustomFields(_ object: JSONValue, to fields: inout [String: JSONValue], tags: inout [String],
                                   extra: inout [String: String]) throws(TicketError) {
        guard let items = object["custom_fields"]?.arrayValue else { return }
        for item in items {
            guard let id = Self.zendeskID(item["id"]), let value = item["value"], !value.isNull else { continue }
            let texts = value.arrayValue?.compactMap(Self.text(of:)) ?? Self.text(of: value).map { [$0] } ?? []
            guard !texts.isEmpty else { continue }
            guard let target = settings.mapping.customFields[id] else {
                extra["zendesk.field.\(id)"] = texts.joined(separator: ", ")
                continue
            }
            let mapped = texts.map { target.values[$0] ?? .string($0) }
            switch target.field {
            case "tags":
                tags.append(contentsOf: mapped.compactMap { $0.stringValue })
            case "severity":
                guard let severity = mapped[0].intValue ?? mapped[0].stringValue.flatMap({ Int($0) }) else {
                    throw .invalidField(field: "custom_fields[\(id)]", reason: "'\(texts[0].prefix(40))' is not a severity 1 to 5; map it under custom_fields.\(id).values")
                }
                fields["severity"] = .number(Double(severity))
            default:
                fields[target.field] = mapped[0]
            }
        }
    }

    /// One `created` event, then the comments in time order, then `resolved`/`closed` when the ticket has those times.
    ///
    /// A comment is `customer_update` when its author is the requester, else `comment`; `public: false`
    /// makes it `internal`. The first comment is the ticket's description in Zendesk: when its text equals
    /// the description it becomes the `created` event instead of a comment.
    private func events(_ comments: [JSONValue], createdAt: String?, description: String, requester: String?,
                        resolvedAt: String?, closedAt: String?, assignee: JSONValue?) throws(TicketError) -> [JSONValue] {
        var parsed: [(at: Timestamp, event: [(String, JSONValue)], text: String)] = []
        for (index, comment) in comments.enumerated() {
            let path = "comments[\(index)]"
            guard case .object = comment else { throw .invalidField(field: path, reason: "expected a comment object, found \(comment.typeName)") }
            guard let atText = comment["created_at"]?.stringValue else { throw .invalidField(field: "\(path).created_at", reason: "missing") }
            guard let at = Timestamp(iso8601: atText) else {
                throw .invalidField(field: "\(path).created_at", reason: "'\(atText.prefix(60))' is not an ISO 8601 time such as 2026-03-02T12:14:00Z")
            }
            let author = Self.zendeskID(comment["author_id"])
            let isPublic = comment["public"]?.boolValue ?? true
            let text = comment["plain_body"]?.stringValue ?? comment["body"]?.stringValue ?? ""
            var event: [(String, JSONValue)] = [
                ("at", .string(atText)),
                ("kind", .string(author != nil && author == requester ? EventKind.customerUpdate.rawValue : EventKind.comment.rawValue)),
                ("visibility", .string(isPublic ? Visibility.public.rawValue : Visibility.internal.rawValue)),
                ("text", .string(text)),
            ]
            if let author { event.append(("author", .string(userName(author)))) }
            let attachments: [JSONValue] = (comment["attachments"]?.arrayValue ?? []).compactMap { attachment in
                guard let name = attachment["file_name"]?.stringValue, !name.isEmpty else { return nil }
                var members: [(String, JSONValue)] = [("name", .string(name))]
                if let kind = attachment["content_type"]?.stringValue { members.append(("kind", .string(kind))) }
                return .object(members)
            }
            if !attachments.isEmpty { event.append(("attachments", .array(attachments))) }
            parsed.append((at, event, text))
        }
        // Stable: comments at the same second keep their export order.
        let ordered = parsed.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }.map(\.element)
        var result: [JSONValue] = []
        var remaining = ordered[...]
        if let createdAt {
            var created: [(String, JSONValue)] = [("at", .string(createdAt)), ("kind", .string(EventKind.created.rawValue))]
            if let first = remaining.first,
               first.text.trimmingCharacters(in: .whitespacesAndNewlines) == description.trimmingCharacters(in: .whitespacesAndNewlines) {
                remaining = remaining.dropFirst()
                created += first.event.filter { $0.0 != "at" && $0.0 != "kind" }
            } else if let requester {
                created.append(("author", .string(userName(requester))))
            }
            result.append(.object(created))
        }
        result += remaining.map { .object($0.event) }
        for (kind, at) in [(EventKind.resolved, resolvedAt), (EventKind.closed, closedAt)] {
            guard let at else { continue }
            var event: [(String, JSONValue)] = [("at", .string(at)), ("kind", .string(kind.rawValue))]
            if let assignee { event.append(("author", assignee)) }
            result.append(.object(event))
        }
        return result
    }

    private func userName(_ id: String) -> String {
        settings.mapping.users[id] ?? "zd-user:\(id)"
    }

    /// A Zendesk id as decimal text: ids are JSON integers, some tools write them as strings.
    static func zendeskID(_ value: JSONValue?) -> String? {
        guard let value else { return nil }
        if let number = value.intValue, number >= 0 { return String(number) }
        if let text = value.stringValue, !text.isEmpty, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) { return text }
        return nil
    }

    static func text(of value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text.isEmpty ? nil : text
        case .number(let number): return value.intValue.map(String.init) ?? String(number)
        case .bool(let flag): return flag ? "true" : "false"
        default: return nil
        }
    }
}
