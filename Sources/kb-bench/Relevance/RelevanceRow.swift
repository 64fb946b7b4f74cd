import Foundation

/// One line of `kb-bench relevance`'s table: a set (or a slice of one), a system, its figures.
struct RelevanceRow {
    let setName: String
    let system: String
    let queries: Int
    let mrr: Double
    let ndcg: Double
    let successAt5: Double
    let topOne: Double

    init(set: String, system: String, metrics: RankingMetrics) {
        self.setName = set
        self.system = system
        queries = metrics.queries
        mrr = metrics.mrr
        ndcg = metrics.ndcg
        successAt5 = metrics.successAt5
        topOne = metrics.topOne
    }

    /// A row with only an agreement rate (the share of queries whose best answer is right), shown as top-1.
    init(set: String, system: String, queries: Int, agreement: Double) {
        self.setName = set
        self.system = system
        self.queries = queries
        mrr = .nan
        ndcg = .nan
        successAt5 = .nan
        topOne = agreement
    }

    static let header = "set                      system                queries  MRR@10  nDCG@10  succ@5   top-1"

    var line: String {
        setName.padding(toLength: 25, withPad: " ", startingAt: 0) + system.padding(toLength: 20, withPad: " ", startingAt: 0)
            + String(queries).leftPadded(9) + "  " + Self.number(mrr) + "   " + Self.number(ndcg) + "  " + Self.number(successAt5)
            + "  " + Self.number(topOne)
    }

    private static func number(_ value: Double) -> String {
        value.isNaN ? "     -" : String(format: "%.4f", locale: Locale(identifier: "en_US_POSIX"), value).leftPadded(6)
    }
}
