import Foundation
import KBCore

/// `kb generate --tickets N`: deterministic demo tickets as JSON Lines.
struct GenerateCommand: Subcommand {
    static let spec = CommandSpec(
        name: "generate",
        abstract: "Write deterministic, realistic demo tickets as JSON Lines on standard output.",
        discussion: """
            Spanish support tickets across the manual's services, severities 1-5, customers on 12x5 and
            24x7 plans, full timelines and recurring problem families. The same seed always gives the
            same output; kb/demo/tickets.jsonl is 'kb generate --tickets 600 --seed 42'.
            """,
        options: [
            .value("--tickets", valueName: "N", help: "How many tickets to write."),
            .value("--seed", valueName: "S", help: "Random seed (default 42)."),
        ],
        examples: ["kb generate --tickets 1000000 > tickets.jsonl"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        guard arguments.value("--tickets") != nil else { throw UsageError("missing expected option '--tickets <N>'") }
        let count = try arguments.int("--tickets", default: 0, range: 0...100_000_000)
        guard let seed = UInt64(arguments.value("--seed") ?? "42") else {
            throw UsageError("--seed needs a whole number from 0 to \(UInt64.max)")
        }
        TicketGenerator(seed: seed).writeJSONLines(count: count) { context.stdout.line($0) }
        return KB.success
    }
}
