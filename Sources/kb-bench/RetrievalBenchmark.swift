import Foundation
import KBCore

/// Builds a workspace from each retrieval set, runs its queries through kb's search, scores the rankings.
struct RetrievalBenchmark {
    let dataDirectory: URL
    let sets: [String]

    static let defaultSets = ["xquad-es", "xquad-en", "cranfield"]

    init(dataDirectory: URL, sets: [String]) {
        self.dataDirectory = dataDirectory
        self.sets = sets
    }

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--data", "--set"])
        let defaultData = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
            .appendingPathComponent("../shared/testdata/retrieval").standardizedFileURL
        dataDirectory = parsed.value("--data").map { URL(fileURLWithPath: $0) } ?? defaultData
        sets = parsed.all("--set").isEmpty ? Self.defaultSets : parsed.all("--set")
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
        let p50: Double
        let p99: Double
        /// MRR@10, nDCG@10, success@5 and top-1 of the rankings.
        let metrics: RankingMetrics

        var queries: Int { metrics.queries }
        var mrr: Double { metrics.mrr }
        var ndcg: Double { metrics.ndcg }
    }

    func evaluate(set name: String) throws -> Score {
        let folder = dataDirectory.appendingPathComponent(name)
        let language: Language = name.hasSuffix("-es") ? .spanish : .english
        // The corpus becomes closed tickets: title and text as the ticket's title and description.
        let lines = try tsv(folder.appendingPathComponent("corpus.tsv")).filter { $0.count >= 3 }.map { row in
            BenchWorkspace.TicketLine(id: row[0], title: row[1].replacingOccurrences(of: "_", with: " "), description: row[2]).json
        }
        let workspace = try BenchWorkspace(name: "retrieval-" + name, language: language, ticketLines: lines)
        defer { workspace.close() }

        var relevant: [String: [String: Double]] = [:]
        for row in try tsv(folder.appendingPathComponent("qrels.tsv")) where row.count >= 4 {
            guard let gain = Double(row[3]), gain > 0 else { continue }
            relevant[row[0], default: [:]][row[2]] = gain
        }
        let engine = workspace.engine
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        var latencies: [Double] = []
        var metrics = RankingMetrics()
        for row in try tsv(folder.appendingPathComponent("queries.tsv")) where row.count >= 2 {
            guard let judged = relevant[row[0]] else { continue }
            let start = DispatchTime.now().uptimeNanoseconds
            let ranking = try engine.search(row[1], filters: filters).results.map(\.id)
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            metrics.add(ranking: ranking, relevant: judged)
        }
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            latencies.isEmpty ? 0 : latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]
        }
        return Score(p50: percentile(0.5), p99: percentile(0.99), metrics: metrics)
    }

    private func tsv(_ url: URL) throws -> [[String]] {
        let text = try String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n", omittingEmptySubsequences: true).dropFirst().map {
            $0.split(separator: "\t", omittingEmptySubsequences: false).map { String($0).trimmingCharacters(in: CharacterSet(charactersIn: "\r\u{FEFF}")) }
        }
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
