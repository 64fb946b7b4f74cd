import Foundation
import KBCore

/// `kb policy`: check the SLA policy and manage its holiday calendars.
struct PolicyCommand: ParsableCommand {
    static var children: [any Subcommand.Type] {
        [PolicyCheckCommand.self, PolicyHolidaysCommand.self]
    }

    static let configuration = CommandConfiguration(
            name: "policy",
            abstract: "Check the SLA policy (kb/policy.json) and manage its holiday calendars.",
            discussion: """
                kb/policy.json holds SLA targets, business calendars, plans, customers and holiday calendars.
                kb ships the national holidays of Chile, Mexico, Peru, Colombia, Argentina, Spain and the
                United States; each customer's country picks its calendar. See docs/policy.md.
                """,
            examples: ["kb policy check", "kb policy holidays list MX --year 2026",
                       "kb policy holidays import madrid-2027.ics --calendar ES-MD"])

    /// Without a subcommand: the group's help.
    func run(_ context: CommandContext) throws -> Int32 {
        context.stdout.write(HelpRenderer.help(Self.spec, path: ["kb", "policy"]))
        return KB.success
    }

    /// The policy file as the user names it in messages.
    static let displayPath = "kb/policy.json"

    /// The year of `now` in UTC, for "the current year".
    static func year(of now: Timestamp) -> Int {
        Int(now.day().prefix(4)) ?? 2_026
    }

    /// A year option (`--year`, `--through`) from 1900 to 2200.
    static func checkYear(_ year: Int?, option: String) throws {
        if let year, !(1_900...2_200).contains(year) {
            throw UsageError("\(option) needs a year from 1900 to 2200, not '\(year)'")
        }
    }
}
