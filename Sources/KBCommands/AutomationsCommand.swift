import Foundation
import KBCore

/// `kb automations`: automation proposals mined from closed severity 1–2 incidents.
struct AutomationsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "automations",
        abstract: "Propose automations from repeated work in closed severity 1-2 incidents.",
        discussion: """
            Looks at closed severity 1-2 tickets (and closed severity-5 requests) created in the period for
            repeated manual actions (runbooks), recurring causes (problem records, articles), incidents
            customers reported before monitoring did, repeated or slow escalations, evidence asked for again
            and again, SLA breaches clustered in time and frequent requests (self-service). Each proposal
            lists its evidence tickets, occurrences, manual minutes, estimated hours saved per month and a
            confidence, its evidence with creation dates and how its hours saved were computed; proposals of one kind
            that say the same thing (by stems, synonyms, shared vendor, article or tag) are merged, and titles name
            no person. The rules behind the figures are printed with the report; --format html gives a
            self-contained HTML document. With --format json:
            {"proposals":[{"kind","title","rationale","evidence","occurrences","manual_minutes",
            "hours_saved_per_month","confidence",…}…],"language","since","until","months","rules",…}. With --template-data: the
            JSON templates/LANG/automations.md.mustache is rendered from (for 'kb render').
            """,
        examples: ["kb automations", "kb automations --since 2026-01-01 --min-occurrences 5",
                   "kb automations --format json --lang en", "kb automations --since 2026-01-01 --format html"])

    @OptionGroup var period: PeriodOptions
    @Option(help: "Evidence tickets a proposal needs.", range: 2...1_000_000)
    var minOccurrences = AutomationsRequest.defaultMinimumOccurrences
    @OptionGroup var format: FormatOptions<ReportFormat>
    @OptionGroup var language: LanguageOption
    @OptionGroup var templateData: TemplateDataOption

    func validate() throws {
        try templateData.refuse([(format.resolved == .json, "--format json")])
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let knowledgeBase = try context.knowledgeBase()
        let report = try knowledgeBase.automations(AutomationsRequest(since: period.since, until: period.until,
                                                                      minimumOccurrences: minOccurrences,
                                                                      language: language.language))
        context.endProgress()
        if templateData.templateData {
            templateData.print(report.templateValue, to: context)
        } else if format.resolved == .json {
            context.printJSON(report)
        } else {
            context.stdout.write(try knowledgeBase.automationsDocument(report, html: format.resolved == .html))
        }
        return KB.success
    }
}
