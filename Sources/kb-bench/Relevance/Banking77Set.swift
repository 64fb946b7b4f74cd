import Foundation
import KBCore

/// BANKING77 (PolyAI, CC BY 4.0): 13,083 English customer messages in 77 intents. The training messages become
/// tickets (title = message, tag = intent); each test message is a query, and a ticket of its intent is relevant.
/// The figure the issue names is top-1: the best ticket has the query's intent.
struct Banking77Set {
    let folder: URL

    static let name = "banking77"

    func run(workspaceLanguage: Language) throws -> [RelevanceRow] {
        let train = try CSVTable(path: folder.appendingPathComponent("train.csv").path)
        let test = try CSVTable(path: folder.appendingPathComponent("test.csv").path)
        var intentOf: [String: String] = [:]
        var lines: [String] = []
        let baselines = try PlainFTS5Index.Tokenizer.allCases.map { try PlainFTS5Index(tokenizer: $0) }
        for (index, row) in train.rows.enumerated() {
            let id = "B-" + String(index + 1).leftPadded(5).replacingOccurrences(of: " ", with: "0")
            let text = train.value(row, "text")
            let intent = train.value(row, "category")
            intentOf[id] = intent
            lines.append(BenchWorkspace.TicketLine(id: id, title: text, tags: [intent]).json)
            for baseline in baselines { try baseline.add(id: id, title: text, body: "") }
        }
        for baseline in baselines { try baseline.finish() }
        var ticketsOf: [String: [String: Double]] = [:]
        for (id, intent) in intentOf { ticketsOf[intent, default: [:]][id] = 1 }
        let label = Banking77Set.name + " (" + workspaceLanguage.rawValue + " workspace)"
        let workspace = try BenchWorkspace(name: Banking77Set.name, language: workspaceLanguage, ticketLines: lines)
        defer { workspace.close() }
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        var kb = RankingMetrics()
        var plain = baselines.map { _ in RankingMetrics() }
        for row in test.rows {
            let query = test.value(row, "text")
            let relevant = ticketsOf[test.value(row, "category")] ?? [:]
            kb.add(ranking: try workspace.engine.search(query, filters: filters).results.map(\.id), relevant: relevant)
            for (index, baseline) in baselines.enumerated() {
                plain[index].add(ranking: try baseline.search(query), relevant: relevant)
            }
        }
        return [RelevanceRow(set: label, system: "kb", metrics: kb)]
            + zip(baselines, plain).map { RelevanceRow(set: label, system: $0.tokenizer.label, metrics: $1) }
    }
}
