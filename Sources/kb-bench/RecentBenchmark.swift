import Foundation
import KBCore

/// `kb-bench recent --work DIR [--runs N] [--limit N]`: `kb search --sort recent` on an existing store, read only,
/// against plain FTS5 as the anchor (the scale run's `raw.sqlite`: the same texts under `unicode61`, its newest matches
/// of the query's words, `ORDER BY rowid DESC`): median ms of each per query and kb's matches. That the tickets are the
/// right ones is the tests' part (`RecentOrderTests`).
struct RecentBenchmark {
    let work: URL
    let runs: Int
    let limit: Int

    /// Common words (hundreds of thousands of matches at 1M), two-word queries and rarer ones.
    static let queries = ["problema", "error", "llamadas", "portal", "no funciona el portal", "correo rebota",
                          "certificado vencido", "contraseña caducada", "troncal sip", "webhook", "exportar reporte excel",
                          "impresora"]

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--work", "--runs", "--limit"])
        guard let work = parsed.value("--work") else { throw BenchError(description: "recent needs --work DIR") }
        self.work = URL(fileURLWithPath: work)
        runs = try parsed.int("--runs", 5)
        limit = try parsed.int("--limit", 10)
    }

    func run() throws {
        let workspace = Workspace(root: work)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = limit
        let raw = try Connection(path: work.appendingPathComponent("raw.sqlite").path, mode: .readOnly)
        defer { try? raw.close() }
        let plain = try raw.prepare("SELECT rowid FROM raw WHERE raw MATCH ? ORDER BY rowid DESC LIMIT ?")
        print("query\tmatches\tkb recent ms (search, snippets)\tkb ranked ms\tplain FTS5 ms")
        for query in Self.queries {
            guard let match = engine.recentMatch(for: query) else { continue }
            let matches = try store.ticketMatchCount(match, limit: .max)
            // The query's words as plain FTS5 reads them: each one quoted, all required.
            let words = query.split(separator: " ").map { "\"" + $0 + "\"" }.joined(separator: " AND ")
            let recent = try Self.time(runs) { _ = try engine.search(query, mode: .all, filters: filters, order: .recent) }
            let ranked = try Self.time(runs) { _ = try engine.search(query, mode: .any, filters: filters) }
            let anchor = try Self.time(runs) { _ = try plain.map([words, limit]) { $0.int64(0) } }
            print("\(query)\t\(matches)\t\(fixed(recent, 2))\t\(fixed(ranked, 2))\t\(fixed(anchor, 2))")
        }
    }

    /// Median wall time of `runs` calls, in ms, after one call that warms the caches.
    static func time(_ runs: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        return median(try (0..<max(1, runs)).map { _ in try measure(body) * 1000 })
    }
}
