import Foundation
import KBCore

/// `kb-bench search-profile --work DIR`: where a search's time goes, on a store an earlier scale run left in DIR.
///
/// Runs the scale benchmark's 1,000 queries through one engine, phase by phase (engine creation, query planning
/// and term statistics, ticket ranking, titles and snippets of the shown rows, articles), and prints each phase's
/// CPU time per query; `--loops N` repeats the whole set, for `perf record`; `--worst N` lists the N queries whose whole
/// search took the most CPU time (the p99 tail), with their term count.
struct SearchProfile {
    let work: URL
    let loops: Int
    let worst: Int
    /// SQLite's `mmap_size` for the store's connection, in MiB (`--mmap-mb`; 0: none; by default what every kb reader
    /// maps, `Store.readerMemoryMapBytes`).
    let mmapMiB: Int

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--work", "--loops", "--worst", "--mmap-mb"])
        guard let work = parsed.value("--work") else { throw BenchError(description: "search-profile needs --work DIR") }
        self.work = URL(fileURLWithPath: work)
        loops = try parsed.int("--loops", 1)
        worst = try parsed.int("--worst", 0)
        mmapMiB = try parsed.int("--mmap-mb", Int(Store.readerMemoryMapBytes >> 20))
    }

    func run() throws {
        let workspace = Workspace(root: work)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        _ = try store.connection.scalarInt("PRAGMA mmap_size = \(mmapMiB << 20)")
        let builder = try workspace.queryBuilder(for: store)
        let tickets = try store.ticketCount()
        let queries = ScaleBenchmark.benchmarkQueries()
        var phases: [(name: String, seconds: Double)] = [
            ("new engine", 0), ("query words and ticket MATCH (term statistics)", 0), ("ticket ranking (pruned)", 0),
            ("titles and snippets of the shown tickets", 0), ("articles", 0), ("whole search, warm engine", 0),
        ]
        func timed<T>(_ phase: Int, _ body: () throws -> T) rethrows -> T {
            let start = threadCPUSeconds()
            defer { phases[phase].seconds += threadCPUSeconds() - start }
            return try body()
        }
        var filters = SearchFilters()
        filters.type = .ticket
        let warm = try SearchEngine(store: store, builder: builder)
        var perQuery: [(query: String, milliseconds: Double, terms: Int)] = []
        for _ in 0..<loops {
            for query in queries {
                let engine = try timed(0) { try SearchEngine(store: store, builder: builder) }
                guard let match = try timed(1, { try engine.ticketMatch(for: query) }) else { continue }
                let ranked = try timed(2) { try engine.searchTickets(match: match, filters: filters, snippets: false) }
                let shown = try timed(3) { try engine.searchTickets(match: match, filters: filters) }
                precondition(shown.map(\.id) == ranked.map(\.id))
                _ = try timed(4) {
                    try engine.searchArticles(query: query, words: engine.builder.words(in: query), mode: .any, filters: SearchFilters())
                }
                let before = phases[5].seconds
                _ = try timed(5) { try warm.search(query) }
                perQuery.append((query, (phases[5].seconds - before) * 1000, (match.phrases.map(\.term).max() ?? -1) + 1))
            }
        }
        let count = Double(queries.count * loops)
        print("search-profile: \(tickets) tickets, \(queries.count) queries × \(loops), CPU time per query (ms); mmap \(mmapMiB) MiB; load \(fixed(loadAverage(), 2))")
        print("(snippets: the second ranking of the same query plus its rows' details, minus the ranking alone)")
        for (index, phase) in phases.enumerated() {
            var value = phase.seconds
            if index == 3 { value -= phases[2].seconds }
            print("  \(phase.name.padding(toLength: 48, withPad: " ", startingAt: 0)) \(fixed(value / count * 1000, 3))")
        }
        let wholeSearch = perQuery.map(\.milliseconds)
        print("whole search, warm engine, CPU ms per query: p50 \(fixed(percentile(wholeSearch, 0.5), 2)), p99 \(fixed(percentile(wholeSearch, 0.99), 2))")
        if worst > 0 {
            print("slowest whole searches (CPU ms, query terms, query):")
            for entry in perQuery.sorted(by: { $0.milliseconds > $1.milliseconds }).prefix(worst) {
                print("  \(fixed(entry.milliseconds, 2))  \(entry.terms)  \(entry.query)")
            }
        }
    }
}
