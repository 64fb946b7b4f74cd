import Foundation
import KBCore

/// `kb policy check`: validates kb/policy.json and warns about holiday calendars that run out.
struct PolicyCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "check",
        abstract: "Validate kb/policy.json and warn about holiday calendars in use that lack holidays.",
        discussion: """
            An invalid policy is an error naming its JSON path (exit 1). A valid one is checked for the current
            year and the next: a holiday calendar in use with no holidays for either, a customer whose country
            has no holiday calendar or whose time zone names no country, and fixed holidays every customer
            gets whatever its country. Notes say what a government has not published yet (bridge days).
            """)

    @Option(valueName: "YEAR", help: "Check this year and the next instead of the current one.")
    var year: Int?
    @Flag(help: "Exit 1 when there are warnings.") var strict: Bool
    @OptionGroup var output: JSONOption

    func validate() throws {
        try PolicyCommand.checkYear(year, option: "--year")
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let knowledgeBase = try context.knowledgeBase()
        let exists = FileManager.default.fileExists(atPath: knowledgeBase.workspace.policyFile.path)
        let year = year ?? PolicyCommand.year(of: context.now)
        let check = PolicyCheck(policy: try knowledgeBase.policy(), year: year)
        if output.json {
            context.stdout.line(check.jsonText(file: PolicyCommand.displayPath))
        } else {
            let state = exists ? "valid" : "absent, so kb uses the defaults"
            context.stdout.line("\(PolicyCommand.displayPath): \(state); \(check.warnings.count) warning\(check.warnings.count == 1 ? "" : "s"), \(check.notes.count) note\(check.notes.count == 1 ? "" : "s") for \(year)–\(year + 1)")
            for finding in check.findings { context.stdout.line("\(finding.level.rawValue): \(finding.message)") }
        }
        return strict && !check.warnings.isEmpty ? KB.failure : KB.success
    }
}
