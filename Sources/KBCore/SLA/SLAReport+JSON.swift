extension SLAReport: JSONEncodable {
    /// `kb sla --json`: the board and the compliance tables; times in UTC, due times also in each customer's zone
    /// (`due_at_local`).
    public func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("now", now.utcString)
        writer.member("since", since?.utcString)
        writer.member("until", until?.utcString)
        writer.key("filters")
        writer.beginObject()
        for field in SLABoardFilter.Field.allCases { writer.member(field.rawValue, filter.values[field] ?? []) }
        writer.endObject()
        writer.member("all", showsAll)
        writer.key("tickets")
        writer.beginArray()
        for item in attention {
            let local = item.sla.localClock
            writer.beginObject()
            writer.member("id", item.ticket.id)
            writer.member("title", item.ticket.title)
            writer.member("severity", item.ticket.severity)
            writer.member("status", item.ticket.status.rawValue)
            writer.member("customer", item.ticket.customer)
            writer.member("service", item.ticket.service)
            writer.member("assignee", item.ticket.assignee)
            writer.member("plan", item.sla.planName)
            writer.member("state", item.state)
            writer.member("clock", item.clock.kind.rawValue)
            writer.member("time_left_seconds", item.timeLeftSeconds)
            writer.member("due_at", item.clock.dueAt.utcString)
            writer.member("due_at_local", local.iso8601(item.clock.dueAt))
            writer.member("paused_too_long_seconds", item.pausedTooLongSeconds)
            writer.member("pause_limit_seconds", item.pauseLimitSeconds)
            writer.key("sla")
            item.sla.write(to: &writer)
            writer.key("escalation")
            writer.beginArray()
            for advice in item.advice {
                writer.beginObject()
                writer.member("rule", advice.rule.rawValue)
                writer.member("target", advice.target)
                writer.member("reason", advice.reason)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("compliance")
        writer.beginObject()
        for (name, rows) in [("by_severity", bySeverity), ("by_plan", byPlan)] {
            writer.key(name)
            writer.beginArray()
            for row in rows {
                writer.beginObject()
                writer.member("group", row.group)
                writer.member("tickets", row.tickets)
                writer.member("first_response_met", row.firstResponseMet)
                writer.member("resolution_met", row.resolutionMet)
                writer.member("both_met", row.bothMet)
                writer.member("rate", row.rate, decimals: 4)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        writer.endObject()
    }
}
