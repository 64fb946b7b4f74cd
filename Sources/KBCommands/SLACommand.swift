import Foundation
import KBCore

/// `kb sla`: the board of open tickets by SLA time left; compliance by severity and plan.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "sla",
        abstract: "Show open tickets by SLA time left (breached, at risk, paused too long) and compliance.",
        discussion: """
            At risk means 75% or more of a target (first response, update, resolution) consumed, in the
            business hours of the customer's plan with its country's holidays. Each ticket shows the escalation
            the manual's rules call for; a ticket paused longer than its severity's pause_limits is flagged.
            Filters match ignoring case and accents; repeat one for alternatives. Compliance counts resolved and
            closed tickets created in the period (default: the 30 days before --until or --now).
            """,
        examples: ["kb sla --customer \"Autopartes del Bajío\" --severity 1 --severity 2", "kb sla --assignee ana --tz America/Bogota"])

    @Option(valueName: "NAME", help: "Only this customer's tickets.") var customer: [String]
    @Option(valueName: "N", help: "Only tickets of this severity (1-5).") var severity: [String]
    @Option(help: "Only tickets of this service.") var service: [String]
    @Option(valueName: "NAME", help: "Only tickets assigned to this person.") var assignee: [String]
    @Option(help: "Only tickets under this plan (12x5, 24x7).") var plan: [String]
    @Flag(help: "List every open ticket, not only those needing attention.") var all: Bool
    @Option(help: "Compliance period start (default: 30 days before --until or --now).") var since: Timestamp?
    @Option(help: "Compliance period end, exclusive.") var until: Timestamp?
    @Option(valueName: "TIME", help: "Measure at this ISO 8601 time instead of now.") var now: Timestamp?
    @OptionGroup var zone: TimeZoneOption
    @OptionGroup var output: JSONOption

    func run(_ context: CommandContext) throws -> Int32 {
        let end = until ?? now ?? context.now
        if let since, since.seconds >= end.seconds {
            throw UsageError("--since \(since.utcString) is not before " + (until == nil ? "--now \(end.utcString)" : "--until \(end.utcString)"))
        }
        let filter = SLABoardFilter(values: [.customer: customer, .severity: severity, .service: service,
                                             .assignee: assignee, .plan: plan])
        let report: SLAReport
        do {
            report = try context.knowledgeBase().sla(SLARequest(now: now, since: since, until: until, filter: filter, all: all))
        } catch let error as SLABoardError {
            throw UsageError(error.description)
        }
        output.print(report, or: report.textLines(clock: zone.tz).map { $0 + "\n" }.joined(), to: context)
        return KB.success
    }
}
