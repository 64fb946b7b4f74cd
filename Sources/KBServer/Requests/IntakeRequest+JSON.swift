import KBCore

extension IntakeRequest {
    /// The members `POST /api/suggest` takes.
    static let memberNames: Set<String> = ["title", "description", "customer", "plan", "service", "received_at"]

    /// The request `kb suggest` would build from the same values: `title` (required) and `description` are the
    /// ticket's text; `customer`, `plan` and `service` what the agent knows; `received_at` (the CLI's `--now`) when
    /// the request arrived, `now` by default. A member of the wrong type or an unknown one is a 422 naming it.
    init(json: JSONValue, now: Timestamp) throws(Problem) {
        guard let members = json.objectValue else {
            throw Problem.invalidField("$", "the body must be a JSON object with title and description, found \(json.typeName)")
        }
        var texts: [String: String] = [:]
        for (name, value) in members {
            guard Self.memberNames.contains(name) else {
                throw Problem.invalidField(name, "unknown member '\(name.prefix(40))'; a suggestion takes \(Self.memberNames.sorted().joined(separator: ", "))")
            }
            if value.isNull { continue }
            guard let text = value.stringValue else {
                throw Problem.invalidField(name, "\(name) must be a string, found \(value.typeName)")
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { texts[name] = trimmed }
        }
        guard let title = texts["title"] else { throw Problem.invalidField("title", "title must hold the ticket's subject") }
        var receivedAt = now
        if let text = texts["received_at"] {
            guard let stamp = Timestamp(iso8601: text) else {
                throw Problem.invalidField("received_at", "received_at must be an ISO 8601 time with an offset, such as 2026-03-02T09:14:00-03:00")
            }
            receivedAt = stamp
        }
        self.init(title: title, description: texts["description"] ?? "", customer: texts["customer"], plan: texts["plan"],
                  service: texts["service"], receivedAt: receivedAt)
    }
}
