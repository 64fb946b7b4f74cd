import Foundation
import KBCore

/// Speed at scale: kb against plain FTS5 on the same generated tickets.
struct ScaleBenchmark {
    let tickets: Int

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--tickets", "--runs", "--work"])
        tickets = try parsed.int("--tickets", 10_000)
    }

    func run() throws {
        throw BenchError(description: "the scale benchmark needs the ticket generator (not merged yet)")
    }
}
