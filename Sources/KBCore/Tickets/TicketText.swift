/// The plain-text view of a ticket that `kb show` prints.
public enum TicketText {
    /// Times are shown in `clock`'s zone when given (`2026-03-02 09:14 -03:00 (America/Santiago)`), else in the
    /// offset the ticket was created in.
    public static func render(_ ticket: Ticket, clock: LocalClock? = nil) -> String {
        func time(_ instant: Timestamp) -> String { clock?.text(instant) ?? instant.formatted(offsetSeconds: ticket.displayOffset) }
        var out = "\(ticket.id)  \(ticket.title)\n"
        func field(_ name: String, _ value: String?) {
            guard let value, !value.isEmpty else { return }
            out += "  " + name + String(repeating: " ", count: max(1, 12 - name.count)) + value + "\n"
        }
        field("severity", "\(ticket.severity) (\(Severity.name(ticket.severity)))")
        field("status", ticket.status.rawValue)
        field("customer", ticket.customer)
        field("plan", ticket.plan)
        field("timezone", ticket.timezone)
        field("service", ticket.service)
        field("channel", ticket.channel?.rawValue)
        field("assignee", [ticket.assignee, ticket.level].compactMap { $0 }.joined(separator: " "))
        field("created", clock.map { $0.text(ticket.createdAt) } ?? ticket.createdAt.iso8601)
        field("resolved", ticket.resolvedAt.map { clock?.text($0) ?? $0.iso8601 })
        field("closed", ticket.closedAt.map { clock?.text($0) ?? $0.iso8601 })
        field("tags", ticket.tags.joined(separator: ", "))
        field("articles", ticket.articles.joined(separator: ", "))
        if !ticket.description.isEmpty { out += "\n" + indent(ticket.description) }
        if let resolution = ticket.resolution, !resolution.isEmpty { out += "\nResolution:\n" + indent(resolution) }
        if let cause = ticket.rootCause, !cause.isEmpty { out += "\nRoot cause:\n" + indent(cause) }
        if !ticket.events.isEmpty {
            out += "\nTimeline:\n"
            for event in ticket.events {
                var line = "  " + time(event.at) + "  " + event.kind.rawValue
                if event.visibility == .internal { line += " [internal]" }
                if let author = event.author { line += " (\(author))" }
                if let status = event.status { line += " → \(status.rawValue)" }
                if let to = event.to { line += " → \(to)" }
                if let severity = event.severity { line += " → severity \(severity)" }
                if !event.text.isEmpty { line += ": " + event.text.replacingNewlines() }
                if !event.attachments.isEmpty { line += " [" + event.attachments.map(\.name).joined(separator: ", ") + "]" }
                out += line + "\n"
            }
        }
        return out
    }

    private static func indent(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }.joined(separator: "\n") + "\n"
    }
}

extension String {
    func replacingNewlines() -> String {
        String(map { $0 == "\n" || $0 == "\r" ? " " : $0 })
    }
}
