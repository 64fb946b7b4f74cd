import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb search --sort recent`: every matching ticket newest first, with its creation date, the filters and the limit.
@Suite struct SearchSortCommandTests {
    /// Tickets imported in an order that is not their creation order: (id, title, severity, created_at).
    static let tickets: [(id: String, title: String, severity: Int, created: String)] = [
        ("T-1", "La impresora no imprime", 3, "2026-01-10T08:00:00Z"),
        ("T-2", "Impresora atascada en el piso 3", 2, "2026-02-20T15:30:00-03:00"),
        ("T-3", "La impresora no imprime en color", 3, "2026-01-05T12:00:00Z"),
        ("T-4", "No imprime la factura del portal", 3, "2026-02-25T10:00:00Z"),
        ("T-5", "Impresora de etiquetas no imprime", 1, "2026-02-01T09:00:00Z"),
        ("T-6", "La impresora no imprime nada", 3, "2026-01-10T08:00:00Z"),
    ]

    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        #expect(runKB(["init"], in: directory.url).code == 0)
        let lines = tickets.map { ticket in
            TicketFixtures.line(id: ticket.id, title: ticket.title, severity: ticket.severity)
                .replacingOccurrences(of: "\"created_at\":\"2026-03-02T09:14:00-03:00\"", with: "\"created_at\":\"\(ticket.created)\"")
        }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: directory.url.appendingPathComponent("tickets.jsonl"))
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        return directory
    }

    static func json(_ arguments: [String], in directory: URL) throws -> [String: Any] {
        let result = runKB(["search", "--json"] + arguments, in: directory)
        #expect(result.code == 0, "\(result.stderr)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func results(_ object: [String: Any]) -> [[String: Any]] {
        object["results"] as? [[String: Any]] ?? []
    }

    /// Newest first by creation time (T-2 was created at 18:30 UTC), ties by import order (T-6 after T-1), every
    /// word required ("impresora imprime": T-2 and T-4 hold one of them), with `created_at` in UTC.
    @Test func recentListsEveryMatchNewestFirst() throws {
        let directory = try Self.workspace()
        let answer = try Self.json(["--sort", "recent", "impresora", "imprime"], in: directory.url)
        #expect(answer["sort"] as? String == "recent")
        let results = Self.results(answer)
        #expect(results.map { $0["id"] as? String } == ["T-5", "T-6", "T-1", "T-3"])
        #expect(results.map { $0["created_at"] as? String }
                == ["2026-02-01T09:00:00Z", "2026-01-10T08:00:00Z", "2026-01-10T08:00:00Z", "2026-01-05T12:00:00Z"])
        #expect(results.allSatisfy { ($0["score"] as? Double) == 0 })
        // --mode any lists the tickets holding either word, still newest first.
        let any = Self.results(try Self.json(["--sort", "recent", "--mode", "any", "impresora", "imprime"], in: directory.url))
        #expect(any.map { $0["id"] as? String } == ["T-4", "T-2", "T-5", "T-6", "T-1", "T-3"])
    }

    @Test func filtersAndLimitApplyBeforeTheOrder() throws {
        let directory = try Self.workspace()
        let severe = Self.results(try Self.json(["--sort", "recent", "--severity", "3", "--limit", "2", "imprime"], in: directory.url))
        #expect(severe.map { $0["id"] as? String } == ["T-4", "T-6"])
        let period = Self.results(try Self.json(["--sort", "recent", "--since", "2026-01-06", "--until", "2026-02-21", "impresora"],
                                                in: directory.url))
        #expect(period.map { $0["id"] as? String } == ["T-2", "T-5", "T-6", "T-1"])
    }

    /// By relevance the answer is ranked as before and gains `sort` and `created_at` (additive).
    @Test func relevanceAnswersGainTheDateToo() throws {
        let directory = try Self.workspace()
        let answer = try Self.json(["impresora"], in: directory.url)
        #expect(answer["sort"] as? String == "relevance" && answer["lists"] as? String == "merged")
        let results = Self.results(answer)
        #expect(results.count == 5 && results.allSatisfy { $0["created_at"] is String && $0["score"] != nil })
    }

    @Test func terminalLinesShowTheCreationDate() throws {
        let directory = try Self.workspace()
        let recent = runKB(["search", "--sort", "recent", "impresora", "atascada"], in: directory.url)
        #expect(recent.code == 0)
        #expect(recent.stdout.hasPrefix("1. [ticket] T-2  Impresora atascada en el piso 3  (closed, severity 2, portal, created 2026-02-20 18:30 UTC)\n"),
                "\(recent.stdout)")
        let ranked = runKB(["search", "impresora", "atascada"], in: directory.url)
        #expect(ranked.stdout.contains("score ") && !ranked.stdout.contains("created "))
    }

    @Test func anUnknownSortIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        let result = runKB(["search", "--sort", "newest", "impresora"], in: directory.url)
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix("error: 'newest' is not a valid value for --sort; choose one of: relevance, recent"), "\(result.stderr)")
        let help = runKB(["search", "--help"], in: directory.url).stdout
        #expect(help.contains("--sort <SORT>") && help.contains("(values: relevance, recent) (default: relevance)"), "\(help)")
    }

    /// Articles by the day they were last updated, newest first (ties: id).
    @Test func articlesComeByTheirUpdateDay() throws {
        let directory = try SearchListsCommandTests.demoWorkspace()
        let articles = Self.results(try Self.json(["--sort", "recent", "--type", "article", "--mode", "any", "--limit", "50",
                                                   "portal", "correo", "llamadas"], in: directory.url))
        #expect(articles.count >= 5)
        let keys = articles.map { ($0["updated"] as? String ?? "", $0["id"] as? String ?? "") }
        #expect(keys.allSatisfy { !$0.0.isEmpty })
        #expect(keys.map(\.0) == keys.map(\.0).sorted(by: >))
        #expect(zip(keys, keys.dropFirst()).allSatisfy { $0.0 != $1.0 || $0.1 < $1.1 })
        // Merged with tickets: every result newest first by its date.
        let merged = Self.results(try Self.json(["--sort", "recent", "--mode", "any", "--limit", "40", "portal", "correo"], in: directory.url))
        let days = merged.map { ($0["created_at"] as? String).map { String($0.prefix(10)) } ?? $0["updated"] as? String ?? "" }
        #expect(days == days.sorted(by: >) && merged.contains { $0["type"] as? String == "ticket" })
    }
}
