import Foundation
import KBCore

/// Builds a workspace from each retrieval set, runs its queries through kb's search, scores the rankings.
struct RetrievalBenchmark {
    let dataDirectory: URL
    let sets: [String]

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--data", "--set"])
        let defaultData = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("../shared/testdata/retrieval").standardizedFileURL
        dataDirectory = parsed.value("--data").map { URL(fileURLWithPath: $0) } ?? defaultData
        sets = parsed.all("--set").isEmpty ? ["xquad-es", "xquad-en", "cranfield"] : parsed.all("--set")
    }

    func run() throws {
        guard FileManager.default.fileExists(atPath: dataDirectory.path) else {
            throw BenchError(description: "no retrieval data at \(dataDirectory.path); run from the repository root next to ../shared")
        }
        print("set         queries  MRR@10  nDCG@10  p50 ms  p99 ms")
        for name in sets {
            let score = try evaluate(set: name)
            print(name.padding(toLength: 12, withPad: " ", startingAt: 0)
                  + String(score.queries).leftPadded(7) + "  " + fixed(score.mrr, 4) + "  " + fixed(score.ndcg, 4)
                  + "  " + fixed(score.p50, 2).leftPadded(6) + "  " + fixed(score.p99, 2).leftPadded(6))
        }
    }

    struct Score {
        let queries: Int
        let mrr: Double
        let ndcg: Double
        let p50: Double
        let p99: Double
    }

    func evaluate(set name: String) throws -> Score {
        let folder = dataDirectory.appendingPathComponent(name)
        let language: Language = name.hasSuffix("-es") ? .spanish : .english
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("kb-retrieval-\(name)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: work.appendingPathComponent("kb"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: work) }
        try Data("{\"language\": \"\(language.rawValue)\"}\n".utf8).write(to: work.appendingPathComponent("kb/policy.json"))

        // The corpus becomes closed tickets: title and text as the ticket's title and description.
        var lines = ""
        for row in try tsv(folder.appendingPathComponent("corpus.tsv")) where row.count >= 3 {
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("id", row[0])
            writer.member("title", row[1].replacingOccurrences(of: "_", with: " "))
            writer.member("description", row[2])
            writer.member("severity", 3)
            writer.member("status", "closed")
            writer.member("created_at", "2026-01-01T00:00:00Z")
            writer.endObject()
            lines += writer.text + "\n"
        }
        let corpusFile = work.appendingPathComponent("corpus.jsonl")
        try Data(lines.utf8).write(to: corpusFile)
        let workspace = Workspace(root: work)
        let store = try workspace.openStore()
        defer { try? store.close() }
        let report = try TicketImporter(store: store).importFiles([corpusFile.path])
        guard report.rejected.isEmpty else { throw BenchError(description: "corpus rejected: \(report.rejected[0])") }

        var relevant: [String: [String: Double]] = [:]
        for row in try tsv(folder.appendingPathComponent("qrels.tsv")) where row.count >= 4 {
            guard let gain = Double(row[3]), gain > 0 else { continue }
            relevant[row[0], default: [:]][row[2]] = gain
        }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        var reciprocalRanks: [Double] = []
        var gains: [Double] = []
        var latencies: [Double] = []
        for row in try tsv(folder.appendingPathComponent("queries.tsv")) where row.count >= 2 {
            guard let judged = relevant[row[0]] else { continue }
            let start = DispatchTime.now().uptimeNanoseconds
            let ranking = try engine.search(row[1], filters: filters).results.map(\.id)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            let firstHit = ranking.firstIndex { judged[$0] != nil }
            reciprocalRanks.append(firstHit.map { 1.0 / Double($0 + 1) } ?? 0)
            var dcg = 0.0
            for (rank, id) in ranking.enumerated() { dcg += (judged[id] ?? 0) / log2(Double(rank + 2)) }
            var ideal = 0.0
            for (rank, gain) in judged.values.sorted(by: >).prefix(10).enumerated() { ideal += gain / log2(Double(rank + 2)) }
            gains.append(ideal > 0 ? dcg / ideal : 0)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return Score(queries: gains.count, mrr: mean(reciprocalRanks), ndcg: mean(gains), p50: percentile(0.5), p99: percentile(0.99))
    }

    private func tsv(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}")) }
        }
    }

    private func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    private func fixed(_ value: Double, _ decimals: Int = 3) -> String {
        String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
    }
}

extension String {
    func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: " ", count: width - count) + self
    }
}
