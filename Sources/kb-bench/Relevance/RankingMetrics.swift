import Foundation

/// MRR@10, nDCG@10, success@5 and top-1 accuracy over a set of ranked queries, accumulated one query at a time.
struct RankingMetrics {
    private(set) var queries = 0
    private var reciprocalRanks = 0.0
    private var gains = 0.0
    private var successes = 0
    private var firstHits = 0

    /// Adds one query: its ranking (best first) and the gain of each relevant document (absent: not relevant).
    mutating func add(ranking: [String], relevant: [String: Double]) {
        queries += 1
        let top = Array(ranking.prefix(10))
        if let first = top.firstIndex(where: { relevant[$0] != nil }) {
            reciprocalRanks += 1 / Double(first + 1)
            if first < 5 { successes += 1 }
            if first == 0 { firstHits += 1 }
        }
        var dcg = 0.0
        for (rank, id) in top.enumerated() { dcg += (relevant[id] ?? 0) / log2(Double(rank + 2)) }
        var ideal = 0.0
        for (rank, gain) in relevant.values.sorted(by: >).prefix(10).enumerated() { ideal += gain / log2(Double(rank + 2)) }
        gains += ideal > 0 ? dcg / ideal : 0
    }

    var mrr: Double { average(reciprocalRanks) }
    var ndcg: Double { average(gains) }
    var successAt5: Double { average(Double(successes)) }
    var topOne: Double { average(Double(firstHits)) }

    private func average(_ total: Double) -> Double { queries == 0 ? 0 : total / Double(queries) }
}
