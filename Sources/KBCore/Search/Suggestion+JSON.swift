extension Suggestion: JSONEncodable {
    /// The `kb suggest --json` form, its texts in English: severity with reasons, missing information, SLA due times,
    /// solutions, possible duplicates, escalation and routing.
    public func write(to writer: inout JSONWriter) {
        write(to: &writer, language: .english)
    }

    /// The JSON form with the texts meant for the agent (reasons, questions, escalation and routing) in `language`;
    /// the machine members (`kind`, `severity`, `rule`, `target`…) are the same in every language. The message for
    /// the customer (`customer_request`) is in the policy's language, the customer's.
    public func write(to writer: inout JSONWriter, language: Language) {
        writer.beginObject()
        writer.key("severity")
        writer.beginObject()
        writer.member("suggested", severity.suggested)
        writer.key("reasons")
        writer.beginArray()
        for reason in severity.reasons { reason.write(to: &writer, language: language) }
        writer.endArray()
        writer.endObject()
        writer.key("missing")
        writer.beginArray()
        for item in missing { (JSONObject(("field", item.field), ("question", item.question(language: language)))).write(to: &writer) }
        writer.endArray()
        writer.member("customer_request", customerRequest)
        writer.key("sla")
        sla.write(to: &writer)
        writer.key("solutions")
        solutions.write(to: &writer)
        writer.key("duplicates")
        duplicates.write(to: &writer)
        writer.member("probable_major_incident", probableMajorIncident)
        writer.key("escalation")
        writer.beginObject()
        writer.member("similar_tickets", escalation.similarTickets)
        writer.key("targets")
        (escalation.targets.map { JSONObject(("to", $0.target), ("count", $0.count)) }).write(to: &writer)
        writer.key("rules")
        writer.beginArray()
        for advice in escalation.rules {
            (JSONObject(("rule", advice.rule.rawValue), ("target", advice.target), ("clock", advice.clock?.rawValue),
                                    ("text", Self.ruleText(advice, language: language)))).write(to: &writer)
        }
        writer.endArray()
        writer.endObject()
        writer.key("routing")
        (JSONObject(("service", routing.service), ("team", routing.team), ("level", routing.level),
                                ("reason", JSONObject(("kind", routing.reason.kind), ("origin", routing.reason.origin?.rawValue),
                                                      ("text", routing.reason.text(language: language)))))).write(to: &writer)
        writer.endObject()
    }

    /// An escalation rule's advice for the new ticket in `language`, with where to escalate: `… → N2`.
    public static func ruleText(_ advice: EscalationAdvice, language: Language) -> String {
        advice.text(language: language) + (advice.target.map { " → \($0)" } ?? "")
    }
}

extension Suggestion.MissingItem: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("field", field), ("question", question))
    }
}

extension Suggestion.SLADue: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("plan", plan), ("calendar", calendar), ("holidays", holidays), ("timezone", timeZone), ("severity", severity),
                      ("first_response_target_seconds", firstResponseTarget), ("first_response_due", firstResponseDue.utcString),
                      ("first_response_due_local", localClock.iso8601(firstResponseDue)),
                      ("resolution_target_seconds", resolutionTarget), ("resolution_due", resolutionDue.utcString),
                      ("resolution_due_local", localClock.iso8601(resolutionDue)))
    }
}

extension Suggestion.Solution: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("type", type.rawValue), ("id", id), ("title", title), ("status", status),
                      ("score", JSONNumber(score, decimals: 4)), ("why", why), ("resolution", resolution),
                      ("reference", reference))
    }
}

extension Suggestion.Duplicate: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("title", title), ("customer", customer), ("created_at", createdAt.utcString),
                      ("status", status), ("why", why))
    }
}

extension Suggestion {
    /// The terminal form, times in the customer's zone.
    public var text: String { text(clock: nil) }

    /// The terminal form, due times in `clock`'s zone (default: the customer's).
    public func text(clock: LocalClock?) -> String {
        let clock = clock ?? sla.localClock
        func target(_ seconds: Int64) -> String { BusinessDuration.text(seconds, businessDay: sla.businessDaySeconds) }
        var lines: [String] = []
        lines.append("Suggested severity: \(severity.suggested) (\(Severity.name(severity.suggested, language: .english)))")
        for reason in severity.reasons { lines.append("  - " + reason.text(language: .english)) }
        lines.append("")
        lines.append("SLA (plan \(sla.plan), calendar \(sla.calendar)" + (sla.holidays.map { ", holidays \($0)" } ?? "") + ", \(sla.timeZone)):")
        lines.append("  first response by \(clock.text(sla.firstResponseDue)) (\(target(sla.firstResponseTarget)))")
        lines.append("  resolution by \(clock.text(sla.resolutionDue)) (\(target(sla.resolutionTarget)))")
        if probableMajorIncident {
            lines.append("")
            lines.append("PROBABLE MAJOR INCIDENT: \(duplicates.count) open tickets from several customers describe the same problem")
        }
        if !duplicates.isEmpty {
            lines.append("")
            lines.append("Possible duplicates (open, recent):")
            for duplicate in duplicates {
                lines.append("  \(duplicate.id)  \(duplicate.createdAt.utcString)  \(duplicate.customer ?? "-")  \(duplicate.title)  [\(duplicate.why.joined(separator: ", "))]")
            }
        }
        lines.append("")
        lines.append(solutions.isEmpty ? "No similar solutions found." : "Solutions:")
        for (rank, solution) in solutions.enumerated() {
            lines.append("  \(rank + 1). [\(solution.type.rawValue)] \(solution.id)  \(solution.title)  (\(solution.status))")
            if !solution.why.isEmpty { lines.append("     shares: " + solution.why.joined(separator: ", ")) }
            let resolution = solution.resolution.replacingNewlines()
            if !resolution.isEmpty {
                lines.append("     " + (resolution.count > 220 ? String(resolution.prefix(220)) + "…" : resolution))
            }
            lines.append("     more: " + solution.reference)
        }
        lines.append("")
        lines.append("Routing: " + ([routing.service, routing.team, routing.level].compactMap { $0 }.joined(separator: " / ")) + " (\(routing.reason.text(language: .english)))")
        if !escalation.targets.isEmpty {
            lines.append("Escalation in similar tickets: " + escalation.targets.map { "\($0.target) (\($0.count) of \(escalation.similarTickets))" }.joined(separator: ", "))
        }
        for rule in escalation.rules { lines.append("Escalation rule: " + Self.ruleText(rule, language: .english)) }
        if !missing.isEmpty {
            lines.append("")
            lines.append("Missing information: " + missing.map(\.field).joined(separator: ", "))
            if let customerRequest {
                lines.append("")
                lines.append("Message for the customer:")
                lines.append(contentsOf: customerRequest.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 })
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
