import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Hostile queries through `kb search` itself (arguments, filters, and a `--queries` batch file with raw bytes):
/// exit 0 with results or "no results", or a usage error (64) saying there is nothing searchable or naming an unknown
/// filter value; never an FTS5 or SQL error. The engine-level fuzz with 5,000 queries is
/// `KBCoreTests.QueryFuzzTests`.
@Suite struct SearchCLIFuzzTests {
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        var lines = ""
        for (index, title) in ["No carga el login del portal", "Contraseña caducada ERR-401", "AND OR NOT NEAR title: *"].enumerated() {
            lines += TicketFixtures.line(id: "T-\(index)", title: title) + "\n"
        }
        try directory.write("t.jsonl", lines)
        try directory.write("kb/articles/a.md", "---\nid: KB-0001\ntitle: Login del portal\nstate: validated\naudience: customer\n---\n## Problema\nNo carga.\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    @Test func hostileArgumentsAreSearchedOrRefusedAsUsage() throws {
        let directory = try Self.workspace()
        var generator = SeededGenerator(seed: 0xC11)
        for round in 0..<300 {
            // A real command line cannot carry NUL (that is a usage error, tested in PathSafetyTests).
            var query = HostileText.string(using: &generator).replacingOccurrences(of: "\u{0}", with: "")
            if query.trimmingCharacters(in: .whitespaces).isEmpty { query = "portal" }
            var arguments = ["search"]
            if round % 3 == 0 { arguments += ["--mode", generator.pick(QueryMode.allCases).rawValue] }
            if round % 4 == 0 { arguments += ["--json"] }
            if round % 5 == 0 {
                let value = HostileText.string(using: &generator, pieces: 1...2).replacingOccurrences(of: "\u{0}", with: "")
                arguments += [generator.pick(["--customer", "--service", "--status"]), value.isEmpty ? "x" : value]
            }
            let result = runKB(arguments + ["--", query], in: directory.url)
            let refused = result.code == 64
                && (result.stderr.hasPrefix("error: nothing searchable in ") || result.stderr.hasPrefix("error: no --"))
            #expect(result.code == 0 || refused, "round \(round) \(String(reflecting: query)): \(result.code) \(result.stderr)")
            #expect(!result.stderr.contains("fts5") && !result.stderr.contains("sqlite"), "round \(round): \(result.stderr)")
        }
    }

    @Test func hostileBatchFileAnswersEveryLineOrNamesIt() throws {
        let directory = try Self.workspace()
        var generator = SeededGenerator(seed: 0xBA7C4)
        var bytes: [UInt8] = Array("qid\tquery\n".utf8)
        for index in 0..<300 {
            bytes += Array("q\(index)\t".utf8) + Array(HostileText.string(using: &generator).utf8.filter { $0 != 0x0A })
            if index % 25 == 0 { bytes += [0xFF, 0xFE, 0xC3, 0x28, 0x00, 0xED, 0xA0, 0x80] }
            bytes.append(0x0A)
        }
        try Data(bytes).write(to: directory.url.appendingPathComponent("queries.tsv"))
        let result = runKB(["search", "--queries", "queries.tsv", "--json"], in: directory.url)
        let problems = result.stderr.split(separator: "\n")
        #expect(result.code == (problems.isEmpty ? 0 : 1), "\(result.stderr.prefix(1_000))")
        #expect(result.stdout.split(separator: "\n").count + problems.count == 300)
        for problem in problems {
            #expect(problem.hasPrefix("queries.tsv:") && problem.contains(": error: nothing searchable in "), "\(problem)")
        }
    }
}
