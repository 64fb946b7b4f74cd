import Foundation
import KBCore

/// `kb policy`: check the SLA policy and manage its holiday calendars.
struct PolicyCommand: Subcommand {
    static var children: [any Subcommand.Type] {
        [PolicyCheckCommand.self, PolicyHolidaysCommand.self]
    }

    static var spec: CommandSpec {
        CommandSpec(
            name: "policy",
            abstract: "Check the SLA policy (kb/policy.json) and manage its holiday calendars.",
            discussion: """
                kb/policy.json holds SLA targets, business calendars, plans, customers and holiday calendars.
                kb ships the national holidays of Chile, Mexico, Peru, Colombia, Argentina, Spain and the
                United States; each customer's country picks its calendar. See docs/policy.md.
                """,
            subcommands: children.map { $0.spec },
            examples: ["kb policy check", "kb policy holidays list MX --year 2026",
                       "kb policy holidays import madrid-2027.ics --calendar ES-MD"])
    }

    /// Without a subcommand: the group's help.
    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        context.stdout.write(HelpRenderer.help(spec, path: ["kb", "policy"]))
        return KB.success
    }

    /// The policy file as the user names it in messages.
    static let displayPath = "kb/policy.json"

    /// The year of `now` in UTC, for "the current year".
    static func year(of now: Timestamp) -> Int {
        Int(now.day().prefix(4)) ?? 2_026
    }

    /// A `--year`-style option: a year from 1900 to 2200.
    static func year(_ arguments: ParsedArguments, _ name: String, default fallback: Int) throws -> Int {
        try arguments.int(name, default: fallback, range: 1_900...2_200)
    }
}
