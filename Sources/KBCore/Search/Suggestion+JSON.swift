extension Suggestion {
    /// The `kb suggest --json` form.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.key("severity")
        writer.beginObject()
        writer.member("suggested", severity.suggested)
        writer.member("reasons", severity.reasons)
        writer.endObject()
        writer.key("missing")
        writer.beginArray()
        for item in missing {
            writer.beginObject()
            writer.member("field", item.field)
            writer.member("question", item.question)
            writer.endObject()
        }
        writer.endArray()
        writer.member("customer_request", customerRequest)
        writer.key("sla")
        writer.beginObject()
        writer.member("plan", sla.plan)
        writer.member("calendar", sla.calendar)
        writer.member("timezone", sla.timeZone)
        writer.member("severity", sla.severity)
        writer.member("first_response_target_seconds", sla.firstResponseTarget)
        writer.member("holidays", sla.holidays)
        writer.member("first_response_due", sla.firstResponseDue.utcString)
        writer.member("first_response_due_local", sla.localClock.iso8601(sla.firstResponseDue))
        writer.member("resolution_target_seconds", sla.resolutionTarget)
        writer.member("resolution_due", sla.resolutionDue.utcString)
        writer.member("resolution_due_local", sla.localClock.iso8601(sla.resolutionDue))
        writer.endObject()
        writer.key("solutions")
        writer.beginArray()
        for solution in solutions {
            writer.beginObject()
            writer.member("type", solution.type.rawValue)
            writer.member("id", solution.id)
            writer.member("title", solution.title)
            writer.member("status", solution.status)
            writer.member("score", solution.score, decimals: 4)
            writer.member("why", solution.why)
            writer.member("resolution", solution.resolution)
            writer.member("reference", solution.reference)
            writer.endObject()
        }
        writer.endArray()
        writer.key("duplicates")
        writer.beginArray()
        for duplicate in duplicates {
            writer.beginObject()
            writer.member("id", duplicate.id)
            writer.member("title", duplicate.title)
            writer.member("customer", duplicate.customer)
            writer.member("created_at", duplicate.createdAt.utcString)
            writer.member("status", duplicate.status)
            writer.member("why", duplicate.why)
            writer.endObject()
        }
        writer.endArray()
        writer.member("probable_major_incident", probableMajorIncident)
        writer.key("escalation")
        writer.beginObject()
        writer.member("similar_tickets", escalation.similarTickets)
        writer.key("targets")
        writer.beginArray()
        for target in escalation.targets {
            writer.beginObject()
            writer.member("to", target.target)
            writer.member("count", target.count)
            writer.endObject()
        }
        writer.endArray()
        writer.member("rules", escalation.rules)
        writer.endObject()
        writer.key("routing")
        writer.beginObject()
        writer.member("service", routing.service)
        writer.member("team", routing.team)
        writer.member("level", routing.level)
        writer.member("reason", routing.reason)
        writer.endObject()
        writer.endObject()
        return writer.text
    }

    /// The terminal form, times in the customer's zone.
    public var text: String { text(clock: nil) }

    /// The terminal form, due times in `clock`'s zone (default: the customer's).
    public func text(clock: LocalClock?) -> String {
        let clock = clock ?? sla.localClock
        func target(_ seconds: Int64) -> String { BusinessDuration.text(seconds, businessDay: sla.businessDaySeconds) }
        var lines: [String] = []
        lines.append("Suggested severity: \(severity.suggested) (\(Severity.name(severity.suggested, language: "en")))")
        for reason in severity.reasons { lines.append("  - " + reason) }
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
        lines.append("Routing: " + ([routing.service, routing.team, routing.level].compactMap { $0 }.joined(separator: " / ")) + " (\(routing.reason))")
        if !escalation.targets.isEmpty {
            lines.append("Escalation in similar tickets: " + escalation.targets.map { "\($0.target) (\($0.count) of \(escalation.similarTickets))" }.joined(separator: ", "))
        }
        for rule in escalation.rules { lines.append("Escalation rule: " + rule) }
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
