import Foundation
import KBCore

/// `kb automations`: automation proposals mined from closed severity 1–2 incidents.
struct AutomationsCommand: Subcommand {
    static let spec = CommandSpec(
        name: "automations",
        abstract: "Propose automations from repeated work in closed severity 1-2 incidents.",
        discussion: """
            Looks at closed severity 1-2 tickets (and closed severity-5 requests) created in the period for
            repeated manual actions (runbooks), recurring causes (problem records, articles), incidents
            customers reported before monitoring did, repeated or slow escalations, evidence asked for again
            and again, SLA breaches clustered in time and frequent requests (self-service). Each proposal
            lists its evidence tickets, occurrences, manual minutes, estimated hours saved per month and a
            confidence; the rules behind the figures are printed with the report.
            """,
        options: [
            .value("--since", valueName: "DATE", help: "Only tickets created on or after DATE (YYYY-MM-DD); default: all."),
            .value("--until", valueName: "DATE", help: "Only tickets created before DATE (YYYY-MM-DD); default: all."),
            .value("--min-occurrences", valueName: "N", help: "Evidence tickets a proposal needs (default 3, at least 2)."),
            .value("--format", valueName: "FORMAT", help: "Output format (default md).", choices: ["md", "json"]),
            .flag("--json", help: "Same as --format json."),
            .value("--lang", valueName: "LANG", help: "Language of the report (default: the workspace's).", choices: Language.allCases.map(\.rawValue)),
        ],
        examples: ["kb automations", "kb automations --since 2026-01-01 --min-occurrences 5",
                   "kb automations --format json --lang en"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let since = try arguments.value("--since").map { try SearchCommand.day($0, option: "--since") }
        let until = try arguments.value("--until").map { try SearchCommand.day($0, option: "--until") }
        if let since, let until, since.seconds >= until.seconds {
            throw UsageError("--since \(since.day()) must be before --until \(until.day())")
        }
        let minimum = try arguments.int("--min-occurrences", default: 3, range: 2...1_000_000)
        let json = arguments.flag("--json") || arguments.value("--format") == "json"
        if arguments.flag("--json"), arguments.value("--format") == "md" { throw UsageError("--json conflicts with --format md") }

        let workspace = try context.workspace(arguments)
        let policy = try workspace.loadPolicy()
        let language = arguments.value("--lang").flatMap(Language.init(rawValue:)) ?? policy.language
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }

        let options = AutomationOptions(now: context.now, since: since, until: until, minimumOccurrences: minimum,
                                        language: language, analyzerLanguage: policy.language)
        context.progress("mining closed incidents…")
        let report = try AutomationMiner(policy: policy, options: options).report(store: store)
        context.endProgress()
        if json {
            context.stdout.line(report.jsonText())
        } else {
            let templates = try workspace.templates(language: language)
            context.stdout.write(try templates.render("automations.md", context: report.templateValue))
        }
        return KB.success
    }
}
