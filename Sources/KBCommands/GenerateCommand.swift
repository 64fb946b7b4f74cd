import Foundation
import KBCore

/// `kb generate --tickets N`: deterministic demo tickets as JSON Lines.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "generate",
        abstract: "Write deterministic, realistic demo tickets as JSON Lines on standard output.",
        discussion: """
            Spanish support tickets across the manual's services, severities 1-5, customers on 12x5 and
            24x7 plans, full timelines and recurring problem families. The same seed always gives the
            same output; kb/demo/tickets.jsonl is 'kb generate --tickets 600 --seed 42'.
            """,
        examples: ["kb generate --tickets 600 --seed 42 > tickets.jsonl", "kb generate --tickets 1000 --seed 7"])

    @Option(help: "How many tickets to write.", range: 0...100_000_000) var tickets: Int
    @Option(valueName: "S", help: "Random seed.") var seed: UInt64 = 42

    func run(_ context: CommandContext) throws -> Int32 {
        TicketGenerator(seed: seed).writeJSONLines(count: tickets) { context.stdout.line($0) }
        return KB.success
    }
}
