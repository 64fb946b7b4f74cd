import Foundation
import KBCore

/// `kb review ID` and `kb review --since DATE`: post-incident reviews.
struct ReviewCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "review",
        abstract: "Write the post-incident review of a closed severity 1-2 ticket, or of every one in a period.",
        discussion: """
            A review holds the incident's timeline (UTC and the customer's local time), SLA metrics against the
            plan's targets (business time for 12x5 plans) with the events each came from, detection, escalation
            and the manual's escalation rules, root cause, workaround or fix, related past incidents and their
            recurrence, lessons to fill in, pre-filled actions and an evidence appendix. Timeline problems (events
            out of order, times in the future, missing milestones) are listed as warnings, never computed around.
            Documents are Spanish by default. With --since, every closed severity 1-2 ticket created in the
            period is reviewed into the folder --out DIR with a period summary and an index.
            With --json: {"ticket","review","metrics","warnings","severity_changes","impact","detection",
            "escalation","resolution","related","recurrence","articles","actions","proposals","training",
            "evidence",…}. With --template-data: the JSON the --format template (md or html) is rendered from, for
            'kb render': of the review, or with --since of the period summary and index.
            """,
        examples: [
            "kb review T-0000593", "kb review T-0000593 --format html --out T-0000593.html",
            "kb review T-0000593 --audience customer --lang en", "kb review T-0000593 --json",
            "kb review --since 2026-08-01 --until 2026-11-01 --out revisiones/2026-q3 --format html",
            "kb review T-0000593 --template-data > review.json",
            "kb review --since 2026-08-01 --until 2026-11-01 --template-data > resumen.json",
        ])

    @Argument(name: "id", help: "The ticket to review (T-1042).") var id: String?
    @OptionGroup var format: FormatOptions<ReviewFormat>
    @OptionGroup var language: LanguageOption
    @Option(help: "internal or customer: public events only, no agent names or other customers, personal data redacted.")
    var audience: ReviewAudience = .internal
    @OptionGroup var output: OutputOptions
    @Option(help: "Review every closed severity 1-2 ticket created on or after DATE (UTC).") var since: Timestamp?
    @Option(help: "With --since: only tickets created before DATE (default: now).") var until: Timestamp?
    @Flag(help: "Review a ticket that is not closed or not severity 1-2; overwrite existing files.") var force: Bool
    @Flag(help: "Include automation proposals even on a store of \(KnowledgeBase.miningLimit) tickets or more (slower).")
    var proposals: Bool
    @OptionGroup var templateData: TemplateDataOption

    func validate() throws {
        try templateData.refuse([(format.resolved == .json, "--format json"), (output.out != nil, "--out")])
        if since != nil { return try validatePeriod() }
        if until != nil { throw UsageError("--until needs --since") }
        if id == nil { throw UsageError("missing expected argument '<id>' (or --since DATE)") }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let destination = try output.checkedDestination(context, kind: since == nil ? .file : .folder, overwrite: force,
                                                        createsFolders: true) { ReviewError($0) }
        let knowledgeBase = try context.knowledgeBase()
        if let since { return try reviewPeriod(since: since, into: destination, knowledgeBase, context) }
        let request = ReviewRequest(ticketID: id ?? "", language: language.language, audience: audience,
                                    format: format.resolved, force: force, alwaysMineProposals: proposals)
        let result = try knowledgeBase.review(request)
        if result.proposalsSkipped {
            context.stderr.line("note: automation proposals skipped on a store of \(KnowledgeBase.miningLimit) tickets or more; "
                + "pass --proposals to include them (takes seconds) or run 'kb automations'")
        }
        for warning in result.review.warnings where request.format != .json {
            context.stderr.line("warning: \(result.review.ticket.id): \(warning.message)")
        }
        if templateData.templateData {
            templateData.print(result.review.templateValue(format: request.format), to: context)
            return KB.success
        }
        guard let destination else {
            context.stdout.write(result.document)
            return KB.success
        }
        try destination.write(result.document)
        context.stdout.line("wrote \(destination.displayPath)")
        return KB.success
    }
}
