import Foundation
import KBCore

/// `kb-bench recent --work DIR [--runs N] [--limit N]`: `kb search --sort recent` on an existing store, read only,
/// against plain SQL (FTS5 MATCH + ORDER BY created_at DESC, rowid DESC) as the anchor: median ms of each per query,
/// the matches, and whether both list the same tickets.
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
        let plain = try store.connection.prepare("""
            SELECT t.id FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE tickets_fts MATCH ?
            ORDER BY t.created_at DESC, t.rowid DESC LIMIT ?
            """)
        let count = try store.connection.prepare("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?")
        print("query\tmatches\tkb recent ms (search, snippets)\tkb ranked ms\tplain SQL ms\tsame")
        for query in Self.queries {
            let response = try engine.search(query, mode: .all, filters: filters, order: .recent)
            guard let match = engine.recentMatch(for: query) else { continue }
            let matches = try count.first([match.text]) { $0.int(0) } ?? 0
            let expected = try plain.map([match.text, limit]) { $0.text(0) }
            let recent = try Self.time(runs) { _ = try engine.search(query, mode: .all, filters: filters, order: .recent) }
            let ranked = try Self.time(runs) { _ = try engine.search(query, mode: .any, filters: filters) }
            let anchor = try Self.time(runs) { _ = try plain.map([match.text, limit]) { $0.text(0) } }
            let same = response.tickets.map(\.id) == expected
            print("\(query)\t\(matches)\t\(fixed(recent, 2))\t\(fixed(ranked, 2))\t\(fixed(anchor, 2))\t\(same ? "yes" : "NO")")
        }
    }

    /// Median wall time of `runs` calls, in ms, after one call that warms the caches.
    static func time(_ runs: Int, _ body: () throws -> Void) throws -> Double {
        try body()
        return median(try (0..<max(1, runs)).map { _ in try measure(body) * 1000 })
    }
}
