import Foundation
import KBCore

/// `kb-bench block-max-estimate --work DIR [--queries N] [--first N]`: how many tickets block-max pruning (BMW over
/// blocks of consecutive rowids) would still have to score, measured before building it.
///
/// For each query it reads, per query term, every ticket's weighted frequency and raw count from the index
/// (`fts5vocab` instances; a phrase of several words counts as its rarest word, an upper bound) and every ticket's
/// length (`tickets_fts_docsize`), and derives what a block-max table would hold: per block and term the largest
/// weighted frequency and count and the shortest length among the block's tickets holding the term. A block whose
/// terms' bounds add up to less than the exact 10th score cannot hold a top-10 ticket; the rest would be ranked.
/// It prints the matches, the tickets in surviving blocks for blocks of 64, 128 and 256 rowids, and the tickets a
/// per-ticket bound (exact frequencies and length, no positions) leaves — the least any bound-based pruning scores.
///
/// It also times what kb-owned postings would allow, on the same postings held in memory: an exact BM25 top 100
/// (no proximity) scored in Swift over every posting of the query's terms (no pruning: an upper bound on what a
/// WAND pass costs), then those 100 re-scored with `kb_rank`'s proximity through FTS5 (`rowid IN`, a second phase as
/// Lucene's rescorer or Vespa's second phase does), against kb's pruned ranking of today; and how often the
/// two-phase top 10 equals today's (ids, in order).
struct BlockMaxEstimate {
    let work: URL
    let queries: Int
    let first: Int

    static let blockSizes: [Int64] = [64, 128, 256]
    /// BM25's parameters as `kb_rank` uses them.
    static let k1 = 1.2, b = 0.75

    init(arguments: [String]) throws {
        let parsed = try BenchArguments(arguments, allowed: ["--work", "--queries", "--first"])
        guard let work = parsed.value("--work") else { throw BenchError(description: "block-max-estimate needs --work DIR") }
        self.work = URL(fileURLWithPath: work)
        queries = try parsed.int("--queries", 40)
        first = try parsed.int("--first", 1) - 1
    }

    /// What the index says about one ticket for one query term.
    struct Posting {
        var weighted = 0.0
        var count = 0
    }

    func run() throws {
        let workspace = Workspace(root: work)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let builder = try workspace.queryBuilder(for: store)
        let engine = try SearchEngine(store: store, builder: builder)
        let connection = store.connection
        // A reader's connection is `query_only`; the vocabulary table lives in the connection's temporary schema only.
        try connection.execute("PRAGMA query_only = OFF")
        try connection.execute("CREATE VIRTUAL TABLE IF NOT EXISTS temp.kbb_instance USING fts5vocab(main, tickets_fts, instance)")
        try connection.execute("PRAGMA query_only = ON")
        let weights = [1.5, 1, 1, 1, 1]
        var lengths: [Int64: Int32] = [:]
        var totalLength = 0.0
        try connection.prepare("SELECT id, sz FROM tickets_fts_docsize").forEachRow { row in
            let length = row.withBlob(1) { bytes in Self.varintSum(bytes) }
            lengths[row.int64(0)] = Int32(length)
            totalLength += Double(length)
        }
        let averageLength = totalLength / Double(max(1, lengths.count))
        let instances = try connection.prepare("SELECT doc, col FROM temp.kbb_instance WHERE term = ?")
        let columns = ["title", "description", "resolution", "root_cause", "events_text"]
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        let k1 = Self.k1, b = Self.b, proximityWeight = 0.5
        print("block-max-estimate: \(lengths.count) tickets, average length \(fixed(averageLength, 1)); load \(fixed(loadAverage(), 2))")
        print("matches, then tickets left for blocks of \(Self.blockSizes.map(String.init).joined(separator: "/")) rowids, then per ticket; query")
        var totals = Array(repeating: 0, count: Self.blockSizes.count + 2)
        var todayTimes: [Double] = []
        var firstPhaseTimes: [Double] = []
        var secondPhaseTimes: [Double] = []
        var sameTopTen = 0
        var compared = 0
        let maximumRowid = lengths.keys.max() ?? 0
        var denseLengths = [Int32](repeating: 0, count: Int(maximumRowid) + 1)
        for (rowid, length) in lengths { denseLengths[Int(rowid)] = length }
        var accumulator = [Double](repeating: 0, count: Int(maximumRowid) + 1)
        for query in ScaleBenchmark.benchmarkQueries().dropFirst(first).prefix(queries) {
            guard let match = try engine.ticketMatch(for: query), !match.phrases.contains(where: \.isPrefix) else { continue }
            let termCount = (match.phrases.map(\.term).max() ?? -1) + 1
            var idfs: [Double] = []
            var postings: [[Int64: Posting]] = []
            for term in 0..<termCount {
                let phrases = match.phrases.filter { $0.term == term }
                let single = phrases.count == 1 ? builder.terms(in: phrases[0].text) : []
                let idf = single.count == 1
                    ? try engine.statistics.idf(QueryBuilder.Word(original: phrases[0].text, term: single[0]))
                    : try engine.statistics.idf(ofGroup: phrases)
                idfs.append(idf * (phrases.first?.weight ?? 1))
                var group: [Int64: Posting] = [:]
                for phrase in phrases {
                    // A phrase occurs no more often in a ticket (per column) than its rarest word.
                    var phrasePostings: [Int64: [Int]]?
                    for word in Set(builder.terms(in: phrase.text)) {
                        var perColumn: [Int64: [Int]] = [:]
                        try instances.forEachRow([word]) { row in
                            guard let column = columns.firstIndex(of: row.text(1)) else { return }
                            perColumn[row.int64(0), default: Array(repeating: 0, count: columns.count)][column] += 1
                        }
                        if let known = phrasePostings {
                            var both: [Int64: [Int]] = [:]
                            for (doc, counts) in known {
                                guard let other = perColumn[doc] else { continue }
                                both[doc] = zip(counts, other).map { min($0, $1) }
                            }
                            phrasePostings = both
                        } else {
                            phrasePostings = perColumn
                        }
                    }
                    for (doc, counts) in phrasePostings ?? [:] {
                        var posting = group[doc] ?? Posting()
                        for (column, count) in counts.enumerated() {
                            posting.weighted += Double(count) * weights[column]
                            posting.count += count
                        }
                        group[doc] = posting
                    }
                }
                postings.append(group)
            }
            var ranked: [SearchResult] = []
            todayTimes.append(try Self.cpuMilliseconds { ranked = try engine.searchTickets(match: match, filters: filters, snippets: false) })
            // Postings as a search engine would store them: per term, rowids ascending with the weighted frequency.
            let termPostings = postings.map { group in group.map { (rowid: $0.key, weighted: $0.value.weighted) }.sorted { $0.rowid < $1.rowid } }
            var firstPhase: [(rowid: Int64, score: Double)] = []
            firstPhaseTimes.append(Self.cpuMilliseconds {
                firstPhase = Self.bm25TopK(termPostings, idfs: idfs, lengths: denseLengths, averageLength: averageLength,
                                           accumulator: &accumulator, k: Self.rescored)
            })
            let idfArgument = match.phrases.map { String(idfs[$0.term]) }.joined(separator: " ")
            let termArgument = match.phrases.map { String($0.term) }.joined(separator: " ")
            var rescored: [(rowid: Int64, score: Double)] = []
            secondPhaseTimes.append(try Self.cpuMilliseconds {
                let list = firstPhase.map { String($0.rowid) }.joined(separator: ",")
                rescored = try connection.prepare("""
                    SELECT rowid, kb_rank(tickets_fts, '1.5 1 1 1 1', ?, \(proximityWeight), ?) AS score FROM tickets_fts
                    WHERE tickets_fts MATCH ? AND rowid IN (\(list.isEmpty ? "NULL" : list)) ORDER BY score DESC, rowid DESC LIMIT 10
                    """).map([idfArgument, termArgument, match.text]) { (rowid: $0.int64(0), score: $0.double(1)) }
            })
            let todayRowids = try ranked.map { result in
                try connection.scalarInt("SELECT rowid FROM tickets WHERE id = ?", [result.id])
            }
            compared += 1
            if rescored.map({ Int($0.rowid) }) == todayRowids { sameTopTen += 1 }
            let threshold = ranked.count == filters.limit ? ranked[filters.limit - 1].score : 0
            var documents = Set<Int64>()
            for group in postings { documents.formUnion(group.keys) }
            let strongestOther = (0..<termCount).map { term in (0..<termCount).filter { $0 != term }.map { idfs[$0] }.max() ?? 0 }
            /// A bound on what `term` adds to a ticket with weighted frequency `weighted`, `count` occurrences and `length`.
            func bound(_ term: Int, weighted: Double, count: Int, length: Int32) -> Double {
                let norm = k1 * (1 - b + b * Double(length) / averageLength)
                let near = 2 * Double(count) * strongestOther[term]
                return idfs[term] * weighted * (k1 + 1) / (weighted + norm)
                    + (near > 0 ? proximityWeight * min(1, idfs[term]) * near * (k1 + 1) / (near + norm) : 0)
            }
            var left: [Int] = []
            for size in Self.blockSizes {
                // Per block and term: largest weighted frequency, largest count, shortest length of the tickets holding it.
                var blocks: [Int64: [(weighted: Double, count: Int, length: Int32)]] = [:]
                for (term, group) in postings.enumerated() {
                    for (doc, posting) in group {
                        var entry = blocks[doc / size] ?? Array(repeating: (0, 0, Int32.max), count: termCount)
                        entry[term].weighted = max(entry[term].weighted, posting.weighted)
                        entry[term].count = max(entry[term].count, posting.count)
                        entry[term].length = min(entry[term].length, lengths[doc] ?? 0)
                        blocks[doc / size] = entry
                    }
                }
                let surviving = Set(blocks.compactMap { block, entry -> Int64? in
                    let total = entry.indices.reduce(0.0) { sum, term in
                        entry[term].count == 0 ? sum : sum + bound(term, weighted: entry[term].weighted, count: entry[term].count, length: entry[term].length)
                    }
                    return total * (1 + 1e-9) >= threshold ? block : nil
                })
                left.append(documents.filter { surviving.contains($0 / size) }.count)
            }
            let perTicket = documents.filter { doc in
                let total = postings.indices.reduce(0.0) { sum, term in
                    guard let posting = postings[term][doc] else { return sum }
                    return sum + bound(term, weighted: posting.weighted, count: posting.count, length: lengths[doc] ?? 0)
                }
                return total * (1 + 1e-9) >= threshold
            }.count
            let row = [documents.count] + left + [perTicket]
            for (index, value) in row.enumerated() { totals[index] += value }
            print(row.map(String.init).joined(separator: "\t") + "\t" + query)
        }
        print("total\t" + totals.map(String.init).joined(separator: "\t"))
        print("two-phase estimate over \(compared) queries (CPU ms a query, p50 / p99 / mean):")
        for (name, times) in [("today's pruned ranking over FTS5", todayTimes),
                              ("BM25 top \(Self.rescored) over in-memory postings, every posting scored", firstPhaseTimes),
                              ("those \(Self.rescored) re-scored with proximity through FTS5", secondPhaseTimes)] {
            let mean = times.reduce(0, +) / Double(max(1, times.count))
            print("  \(name.padding(toLength: 62, withPad: " ", startingAt: 0)) \(fixed(percentile(times, 0.5), 2)) / \(fixed(percentile(times, 0.99), 2)) / \(fixed(mean, 2))")
        }
        print("  two-phase top 10 identical to today's (ids in order): \(sameTopTen) of \(compared)")
    }

    /// How many first-phase rows the second phase re-scores.
    static let rescored = 100

    static func cpuMilliseconds(_ body: () throws -> Void) rethrows -> Double {
        let start = threadCPUSeconds()
        try body()
        return (threadCPUSeconds() - start) * 1000
    }

    /// The `k` best rows by BM25 (`kb_rank` without proximity, same formula), every posting scored term at a time
    /// into a dense accumulator; ties: highest rowid first.
    static func bm25TopK(_ postings: [[(rowid: Int64, weighted: Double)]], idfs: [Double], lengths: [Int32], averageLength: Double,
                         accumulator: inout [Double], k: Int) -> [(rowid: Int64, score: Double)] {
        let k1 = Self.k1, b = Self.b
        var touched: [Int] = []
        accumulator.withUnsafeMutableBufferPointer { scores in
            lengths.withUnsafeBufferPointer { lengths in
                for (term, list) in postings.enumerated() {
                    let idf = idfs[term]
                    for posting in list {
                        let row = Int(posting.rowid)
                        let norm = k1 * (1 - b + b * Double(lengths[row]) / averageLength)
                        if scores[row] == 0 { touched.append(row) }
                        scores[row] += idf * (posting.weighted * (k1 + 1)) / (posting.weighted + norm)
                    }
                }
            }
        }
        var best: [(rowid: Int64, score: Double)] = []
        for row in touched {
            let candidate = (rowid: Int64(row), score: accumulator[row])
            accumulator[row] = 0
            if best.count == k, let last = best.last, candidate.score < last.score || (candidate.score == last.score && candidate.rowid < last.rowid) {
                continue
            }
            let index = best.firstIndex { candidate.score > $0.score || (candidate.score == $0.score && candidate.rowid > $0.rowid) } ?? best.count
            best.insert(candidate, at: index)
            if best.count > k { best.removeLast() }
        }
        return best
    }

    /// The sum of the SQLite varints in `bytes` (a `docsize` record: one token count per column).
    static func varintSum(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var sum = 0
        var index = 0
        while index < bytes.count {
            var value = 0
            var length = 0
            while index < bytes.count {
                let byte = Int(bytes[index])
                index += 1
                length += 1
                if length == 9 {
                    value = (value << 8) | byte
                    break
                }
                value = (value << 7) | (byte & 0x7F)
                if byte & 0x80 == 0 { break }
            }
            sum += value
        }
        return sum
    }
}
