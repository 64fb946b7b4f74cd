import KBCore

extension IntakeRequest {
    /// The members `POST /api/suggest` takes.
    static let memberNames: Set<String> = ["title", "description", "customer", "plan", "service", "received_at"]

    /// The request `kb suggest` would build from the same values: `title` (required) and `description` are the
    /// ticket's text; `customer`, `plan` and `service` what the agent knows; `received_at` (the CLI's `--now`) when
    /// the request arrived, `now` by default. A member of the wrong type or an unknown one is a 422 naming it.
    init(json: JSONValue, now: Timestamp) throws(Problem) {
        guard let members = json.objectValue else {
            throw Problem.invalidField("$", "problem.intake_not_object", ["type": json.typeName])
        }
        var texts: [String: String] = [:]
        for (name, value) in members {
            guard Self.memberNames.contains(name) else {
                throw Problem.invalidField(name, "problem.intake_unknown_member",
                                           ["name": String(name.prefix(40)), "members": Self.memberNames.sorted().joined(separator: ", ")])
            }
            if value.isNull { continue }
            guard let text = value.stringValue else {
                throw Problem.invalidField(name, "problem.intake_not_string", ["name": name, "type": value.typeName])
            }
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            if !trimmed.isEmpty { texts[name] = trimmed }
        }
        guard let title = texts["title"] else { throw Problem.invalidField("title", "problem.intake_title_missing") }
        var receivedAt = now
        if let text = texts["received_at"] {
            guard let stamp = Timestamp(iso8601: text) else {
                throw Problem.invalidField("received_at", "problem.intake_received_at")
            }
            receivedAt = stamp
        }
        self.init(title: title, description: texts["description"] ?? "", customer: texts["customer"], plan: texts["plan"],
                  service: texts["service"], receivedAt: receivedAt)
    }
}
