import Foundation
import KBCore

/// `kb show ID…`: tickets with their timelines.
struct ShowCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "show",
        abstract: "Show tickets with their timeline, or articles.",
        discussion: """
            A ticket's articles include those linked with 'kb article link'. An id that is neither a
            stored ticket nor an indexed article is reported on stderr as "error: no ticket or article
            'ID'" after the others are shown, and the exit code is 1. With --json: an array of the tickets
            with all their fields, events and SLA state, then the articles,
            [{"id","title","status","articles","events","sla",…}…, {"type":"article","id","path",…}…].
            """,
        examples: ["kb show T-0000001", "kb show T-0000593 KB-0001 --json", "kb show T-0000001 --now 2026-10-31T22:59:59Z"])

    @Argument(name: "id", help: "Ticket ids (T-1042) or article ids (KB-0007).") var ids: [String]
    @OptionGroup var output: JSONOption
    @Option(valueName: "TIME", help: "Measure open tickets' SLA at this ISO 8601 time (default: now).") var now: Timestamp?
    @OptionGroup var zone: TimeZoneOption

    func run(_ context: CommandContext) throws -> Int32 {
        let result = try context.knowledgeBase().show(ShowRequest(ids: ids, now: now))
        if !result.tickets.isEmpty || !result.articles.isEmpty || output.json {
            output.print(result, or: result.terminalText(clock: zone.tz), to: context)
        }
        for id in result.missing { context.stderr.line("error: no ticket or article '\(id)'") }
        return result.missing.isEmpty ? KB.success : KB.failure
    }
}
