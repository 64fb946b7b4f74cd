import Foundation
import KBCore

/// Scratch: pruned vs exhaustive (not committed).
struct Explore {
    let work: String
    let count: Int
    func run() throws {
        let workspace = Workspace(root: URL(fileURLWithPath: work))
        let store = try workspace.openStore(create: false)
        let builder = try workspace.queryBuilder(for: store)
        let bench = try ScaleBenchmark(arguments: ["--tickets", "1000000"])
        let queries = Array(bench.benchmarkQueries().prefix(count))
        var same = 0
        var pruned: [Double] = []
        var full: [Double] = []
        for query in queries {
            let engine = try SearchEngine(store: store, builder: builder)
            guard let match = try engine.ticketMatch(for: query) else { continue }
            var filters = SearchFilters()
            filters.type = .ticket
            var a: [SearchResult] = []
            var b: [SearchResult] = []
            pruned.append(try measure { a = try engine.searchTickets(match: match, filters: filters, snippets: false) } * 1000)
            if ProcessInfo.processInfo.environment["PRUNED"] == nil && (full.count < 50 || ProcessInfo.processInfo.environment["FULL"] != nil) {
                full.append(try measure { b = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true) } * 1000)
                if a.map(\.id) == b.map(\.id) && a.map(\.score) == b.map(\.score) { same += 1 } else {
                    print("DIFF \(query)\n  \(a.map { "\($0.id):\($0.score)" })\n  \(b.map { "\($0.id):\($0.score)" })")
                }
            }
        }
        print("identical \(same)/\(full.count); pruned p50 \(percentile(pruned, 0.5)) p99 \(percentile(pruned, 0.99)) max \(pruned.max() ?? 0); full p50 \(percentile(full, 0.5))")
    }
}

struct ExploreCheck {
    static func run(_ work: String) throws {
        let store = try Workspace(root: URL(fileURLWithPath: work)).openStore(create: false)
        do { try store.checkTicketIndex(deep: true); print("index ok") } catch { print("\(error)") }
    }
}
