extension SLAReport {
    /// `kb sla` for the terminal: the board, most overdue first, with escalations and pause flags, then compliance.
    /// Due times are in each customer's zone, or `clock`'s when given; `now` in UTC unless `clock` is given.
    public func textLines(clock: LocalClock? = nil) -> [String] {
        let header = clock?.text(now) ?? now.utcString
        let count = { (state: String) in attention.filter { $0.state == state }.count }
        let flagged = attention.filter { $0.pausedTooLongSeconds != nil }.count
        var summary = "SLA board at \(header): \(count("breached")) breached, \(count("at_risk")) at risk, \(flagged) paused too long"
        if showsAll { summary += ", \(count("paused")) paused, \(count("on_track")) on track" }
        let filters = SLABoardFilter.Field.allCases.compactMap { field in
            filter.values[field].map { "\(field.rawValue) \($0.joined(separator: " or "))" }
        }
        if !filters.isEmpty { summary += " [" + filters.joined(separator: "; ") + "]" }
        var lines = [summary]
        for item in attention {
            let ticket = item.ticket
            let local = clock ?? item.sla.localClock
            let day = item.sla.businessDaySeconds
            func duration(_ seconds: Int64) -> String { BusinessDuration.text(seconds, businessDay: day) }
            let state: String
            switch item.state {
            case "breached": state = "BREACHED by \(duration(item.clock.breachedBySeconds)), due \(local.text(item.clock.dueAt))"
            case "paused":
                state = "PAUSED" + (item.clock.pausedSince.map { " since \(local.text($0))" } ?? "")
                    + (item.clock.pausedBy.map { " by status \($0.rawValue)" } ?? "") + ", \(duration(item.clock.remainingSeconds)) left"
            default:
                state = "\(Int(item.clock.fractionConsumed * 100))% used, \(duration(item.clock.remainingSeconds)) left, due \(local.text(item.clock.dueAt))"
            }
            let who = [ticket.customer ?? "-", ticket.assignee].compactMap { $0 }.joined(separator: ", ")
            lines.append("  \(ticket.id)  sev \(ticket.severity)  \(ticket.status.rawValue)  \(item.clock.kind.rawValue.replacingOccurrences(of: "_", with: " ")): \(state)  (\(who))  \(ticket.title)")
            if let paused = item.pausedTooLongSeconds, let limit = item.pauseLimitSeconds {
                lines.append("      FLAG: severity \(ticket.severity) paused \(duration(paused)), over the \(duration(limit)) limit (pause_limits in kb/policy.json)")
            }
            for advice in item.advice {
                lines.append("      escalate" + (advice.target.map { " to \($0)" } ?? "") + ": \(advice.reason)")
            }
        }
        lines.append("")
        lines.append("Compliance from \(since?.day() ?? "the start") to \((until ?? now).day()) (resolved and closed tickets, both targets met):")
        for (title, rows) in [("severity", bySeverity), ("plan", byPlan)] {
            for row in rows {
                lines.append("  \(title) \(row.group): \(row.bothMet)/\(row.tickets) = \(JSONWriter.format(row.rate * 100, decimals: 1))%  (first response \(row.firstResponseMet), resolution \(row.resolutionMet))")
            }
        }
        if bySeverity.isEmpty { lines.append("  no resolved or closed tickets in the period") }
        return lines
    }
}
