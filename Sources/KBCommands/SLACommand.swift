import Foundation
import KBCore

/// `kb sla`: the board of open tickets by SLA time left; compliance by severity and plan.
struct SLACommand: Subcommand {
    static let spec = CommandSpec(
        name: "sla",
        abstract: "Show open tickets by SLA time left (breached, at risk, paused too long) and compliance.",
        discussion: """
            At risk means 75% or more of a target (first response, update, resolution) consumed, in the
            business hours of the customer's plan with its country's holidays. Each ticket shows the escalation
            the manual's rules call for; a ticket paused longer than its severity's pause_limits is flagged.
            Filters match ignoring case and accents; repeat one for alternatives. Compliance counts resolved and
            closed tickets created in the period (default: the 30 days before --until or --now).
            """,
        options: [
            .value("--customer", valueName: "NAME", help: "Only this customer's tickets.", repeating: true),
            .value("--severity", valueName: "N", help: "Only tickets of this severity (1-5).", repeating: true),
            .value("--service", valueName: "SERVICE", help: "Only tickets of this service.", repeating: true),
            .value("--assignee", valueName: "NAME", help: "Only tickets assigned to this person.", repeating: true),
            .value("--plan", valueName: "PLAN", help: "Only tickets under this plan (12x5, 24x7).", repeating: true),
            .flag("--all", help: "List every open ticket, not only those needing attention."),
            .value("--since", valueName: "DATE", help: "Compliance period start (YYYY-MM-DD or ISO 8601)."),
            .value("--until", valueName: "DATE", help: "Compliance period end, exclusive."),
            .value("--now", valueName: "TIME", help: "Measure at this ISO 8601 time instead of now."),
            TimeZoneOption.spec,
            .flag("--json", help: "Print the report as JSON (times in UTC, due times also local)."),
        ],
        examples: ["kb sla --customer \"Autopartes del Bajío\" --severity 1 --severity 2", "kb sla --assignee ana --tz America/Bogota"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let now = try arguments.value("--now").map { try SearchCommand.day($0, option: "--now") } ?? context.now
        let until = try arguments.value("--until").map { try SearchCommand.day($0, option: "--until") }
        let since = try arguments.value("--since").map { try SearchCommand.day($0, option: "--since") }
            ?? Timestamp(seconds: (until ?? now).seconds - 30 * 86_400)
        let end = until ?? now
        guard since < end else {
            throw UsageError("--since \(since.utcString) is not before " + (until == nil ? "--now \(now.utcString)" : "--until \(end.utcString)"))
        }
        let clock = try TimeZoneOption.clock(arguments)
        var filter = SLABoardFilter()
        for field in SLABoardFilter.Field.allCases { filter.values[field] = arguments.all("--" + field.rawValue) }
        filter = SLABoardFilter(values: filter.values)
        let workspace = try context.workspace(arguments)
        let policy = try workspace.loadPolicy()
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let report: SLAReport
        do {
            report = try SLAReport.build(store: store, policy: policy, now: now, since: since, until: until,
                                         filter: filter, all: arguments.flag("--all"))
        } catch let error as SLABoardError {
            throw UsageError(error.description)
        }
        if arguments.flag("--json") {
            context.stdout.line(report.jsonText(clock: clock))
        } else {
            for line in report.textLines(clock: clock) { context.stdout.line(line) }
        }
        return KB.success
    }
}
