import Foundation
import KBCore

/// `kb sla`: open tickets at risk or breached; compliance by severity and plan.
struct SLACommand: Subcommand {
    static let spec = CommandSpec(
        name: "sla",
        abstract: "List open tickets at risk or past their SLA, and compliance by severity and plan.",
        discussion: """
            At risk means 75% or more of a target (first response, update, resolution) consumed, in the
            business hours of the customer's plan. Each ticket shows the escalation the manual's rules call
            for: SLA exceeded, critical service affected, vendor needed. Compliance counts resolved and
            closed tickets created in the period (default: the 30 days before --now).
            """,
        options: [
            .value("--since", valueName: "DATE", help: "Compliance period start (YYYY-MM-DD or ISO 8601)."),
            .value("--until", valueName: "DATE", help: "Compliance period end, exclusive."),
            .value("--now", valueName: "TIME", help: "Measure at this ISO 8601 time instead of now."),
            .flag("--json", help: "Print the report as JSON."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let now = try arguments.value("--now").map { try Timestamp.parse($0, option: "--now") } ?? context.now
        let until = try arguments.value("--until").map { try Timestamp.parse($0, option: "--until") }
        let since = try arguments.value("--since").map { try Timestamp.parse($0, option: "--since") }
            ?? Timestamp(seconds: (until ?? now).seconds - 30 * 86_400)
        let workspace = try context.workspace(arguments)
        let policy = try workspace.loadPolicy()
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let report = try SLAReport.build(store: store, policy: policy, now: now, since: since, until: until)
        if arguments.flag("--json") {
            context.stdout.line(json(report))
            return KB.success
        }
        let breached = report.attention.filter(\.isBreached).count
        context.stdout.line("Open tickets needing attention at \(now.utcString): \(breached) breached, \(report.attention.count - breached) at risk")
        for item in report.attention {
            let ticket = item.ticket
            let state = item.isBreached ? "BREACHED by \(Duration.text(item.clock.breachedBySeconds))"
                : "\(Int(item.clock.fractionConsumed * 100))% used, due \(item.clock.dueAt.utcString)"
            context.stdout.line("  \(ticket.id)  sev \(ticket.severity)  \(ticket.status.rawValue)  \(item.clock.kind.rawValue): \(state)  \(ticket.customer ?? "-")  \(ticket.title)")
            for advice in item.advice {
                context.stdout.line("      escalate" + (advice.target.map { " to \($0)" } ?? "") + ": \(advice.reason)")
            }
        }
        context.stdout.line()
        context.stdout.line("Compliance from \(since.day()) to \((until ?? now).day()) (resolved and closed tickets, both targets met):")
        for (title, rows) in [("severity", report.bySeverity), ("plan", report.byPlan)] {
            for row in rows {
                context.stdout.line("  \(title) \(row.group): \(row.bothMet)/\(row.tickets) = \(JSONWriter.format(row.rate * 100, decimals: 1))%  (first response \(row.firstResponseMet), resolution \(row.resolutionMet))")
            }
        }
        return KB.success
    }

    static func json(_ report: SLAReport) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("now", report.now.utcString)
        writer.member("since", report.since?.utcString)
        writer.member("until", report.until?.utcString)
        writer.key("tickets")
        writer.beginArray()
        for item in report.attention {
            writer.beginObject()
            writer.member("id", item.ticket.id)
            writer.member("title", item.ticket.title)
            writer.member("severity", item.ticket.severity)
            writer.member("status", item.ticket.status.rawValue)
            writer.member("customer", item.ticket.customer)
            writer.member("state", item.isBreached ? "breached" : "at_risk")
            writer.member("clock", item.clock.kind.rawValue)
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
        for (name, rows) in [("by_severity", report.bySeverity), ("by_plan", report.byPlan)] {
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
        return writer.text
    }
}
