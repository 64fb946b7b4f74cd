import Foundation
import KBCore

/// `kb show ID…`: tickets with their timelines.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show tickets with their timeline, or articles.",
        discussion: "With --json: an array of tickets with all fields, events and SLA state, then the articles.")

    @Argument(name: "id", help: "Ticket ids (T-1042) or article ids (KB-0007).") var ids: [String]
    @OptionGroup var output: JSONOption
    @Option(valueName: "TIME", help: "Measure open tickets' SLA at this ISO 8601 time (default: now).") var now: Timestamp?
    @OptionGroup var zone: TimeZoneOption

    func run(_ context: CommandContext) throws -> Int32 {
        let result = try context.knowledgeBase().show(ShowRequest(ids: ids, now: now))
        output.print(result, or: result.terminalText(clock: zone.tz), to: context)
        return KB.success
    }
}
