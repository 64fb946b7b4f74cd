import CSQLite
import Foundation

/// `kb_rank(fts_table, weights, idfs, proximity, terms)`: FTS5's BM25 with inverse document frequencies given by the
/// caller, plus a term-proximity bonus.
///
/// FTS5's own `bm25()` counts, before scoring the first row, how many rows hold each phrase by walking the
/// phrase's whole doclist (`xQueryPhrase`). A caller that knows those counts passes each phrase's idf; the
/// phrases it does not (`-`) are counted that way. Articles are ranked with it (`articles_fts`); tickets, since
/// schema 9, by the same formulas over kb's posting lists (`TicketPostingsRanker`, `TicketRescorer`), which the
/// tests compare with `kb_rank` over an FTS5 index of the tickets' text. With `proximity` 0 the
/// score is BM25's exactly (k1 = 1.2, b = 0.75, the same idf formula and floor); higher is better.
///
/// `proximity` > 0 adds Büttcher, Clarke and Lushman's term-proximity score (BM25TP, SIGIR 2006): each pair of
/// neighbouring occurrences of two different query phrases in a column adds the other phrase's idf divided by
/// their distance squared to each one's accumulator, which is then saturated like a term frequency and
/// weighted by min(1, idf). Passages where the question's words stand together win: on the retrieval sets
/// (`kb-bench retrieval`) weight 0.5 raised MRR@10 on xquad-es 0.9599 → 0.9642, xquad-en 0.9650 → 0.9659 and
/// cranfield nDCG@10 0.3716 → 0.3763.
///
/// - `weights`: column weights separated by spaces (`"1.5 1 1 1 1"`); missing columns weigh 1.
/// - `idfs`: one value per phrase of the MATCH expression, in order, `-` for "count it"; when the count of
///   values differs from the expression's phrase count every phrase is counted.
/// - `proximity`: the weight of the proximity score (0 or absent: plain BM25).
/// - `terms` (optional): one value per phrase, the query term it belongs to (0, 1, …) or `-` for a phrase that
///   only selects rows and is not scored. The phrases of one term (a word, its spellings in other languages, its
///   synonyms) count as one term: their frequencies add up and the term has one idf (its first phrase's), so a
///   synonym group weighs what one word weighs. Without it (or when its count differs) every phrase is a term.
enum RankFunction {
    static let name = "kb_rank"
    static let k1 = 1.2
    static let b = 0.75
    /// BM25's idf of a term found in `documentFrequency` of `documentCount` rows, with FTS5's floor.
    static func idf(documentFrequency: Int, documentCount: Int) -> Double {
        let rows = Double(documentCount)
        let hits = Double(documentFrequency)
        let value = log((rows - hits + 0.5) / (hits + 0.5))
        return value > 0 ? value : 1e-6
    }

    /// More than any row can gain from one term of idf `idf`: its BM25 part is below idf·(k1+1) and its proximity
    /// part below `proximityWeight`·min(1, idf)·(k1+1), whatever the frequencies and lengths. The relative margin
    /// covers rounding, so pruning with it never drops a row that ranking every match would keep.
    static func upperBound(idf: Double, proximityWeight: Double) -> Double {
        (k1 + 1) * (idf + proximityWeight * min(1, idf)) * (1 + 1e-9)
    }

    /// The idf list argument: `nil` entries are counted by FTS5.
    static func idfArgument(_ values: [Double?]) -> String {
        values.map { $0.map { String($0) } ?? "-" }.joined(separator: " ")
    }

    /// What one query's scoring needs, computed on its first row and kept as FTS5 auxiliary data.
    ///
    /// The per-row accumulators are raw buffers: `kb_rank` runs once per matching row, and Swift arrays held by a
    /// class would add an exclusivity check and a uniqueness check to every access.
    final class QueryData {
        var weights: [Double] = []
        /// The term each phrase counts for, or -1 for a phrase that is not scored.
        var termOfPhrase: [Int] = []
        /// Each term's idf.
        var idf: [Double] = []
        var averageLength = 1.0
        var proximityWeight = 0.0
        private(set) var termCount = 0
        /// Per term: weighted frequency, then proximity accumulator (`2 × termCount` values).
        private(set) var accumulators = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        /// Per phrase: its term; per column: its weight (read without bounds checks on the hot path).
        private(set) var phraseTerms = UnsafeMutablePointer<Int>.allocate(capacity: 1)
        private(set) var columnWeights = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        private(set) var termIDF = UnsafeMutablePointer<Double>.allocate(capacity: 1)
        /// Per phrase: its iterator over the current row's matches, and its first match (column -1: none).
        private(set) var iterators = UnsafeMutablePointer<Fts5PhraseIter>.allocate(capacity: 1)
        private(set) var firstColumns = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var firstOffsets = UnsafeMutablePointer<Int32>.allocate(capacity: 1)
        private(set) var columnCount = 0
        /// The current row's matches of scored phrases, each `column << 44 | offset << 16 | phrase`.
        private(set) var instances = UnsafeMutablePointer<Int64>.allocate(capacity: 64)
        private var instanceCapacity = 64

        /// Stores `value` as match `index` of the current row, growing the buffer when needed.
        @inline(__always) func append(_ value: Int64, at index: Int) {
            if index == instanceCapacity {
                let grown = UnsafeMutablePointer<Int64>.allocate(capacity: 2 * instanceCapacity)
                grown.moveInitialize(from: instances, count: instanceCapacity)
                instances.deallocate()
                instances = grown
                instanceCapacity *= 2
            }
            instances[index] = value
        }

        /// Copies the arrays into the buffers the scoring loop reads.
        func freeze() {
            release()
            termCount = idf.count
            accumulators = .allocate(capacity: max(1, 2 * termCount))
            accumulators.initialize(repeating: 0, count: max(1, 2 * termCount))
            phraseTerms = .allocate(capacity: max(1, termOfPhrase.count))
            phraseTerms.initialize(repeating: -1, count: max(1, termOfPhrase.count))
            for (index, term) in termOfPhrase.enumerated() { phraseTerms[index] = term }
            columnCount = weights.count
            columnWeights = .allocate(capacity: max(1, columnCount))
            columnWeights.initialize(repeating: 1, count: max(1, columnCount))
            for (index, weight) in weights.enumerated() { columnWeights[index] = weight }
            termIDF = .allocate(capacity: max(1, termCount))
            termIDF.initialize(repeating: 0, count: max(1, termCount))
            for (index, value) in idf.enumerated() { termIDF[index] = value }
            let phraseCount = max(1, termOfPhrase.count)
            iterators = .allocate(capacity: phraseCount)
            iterators.initialize(repeating: Fts5PhraseIter(), count: phraseCount)
            firstColumns = .allocate(capacity: phraseCount)
            firstColumns.initialize(repeating: -1, count: phraseCount)
            firstOffsets = .allocate(capacity: phraseCount)
            firstOffsets.initialize(repeating: 0, count: phraseCount)
        }

        private func release() {
            accumulators.deallocate()
            phraseTerms.deallocate()
            columnWeights.deallocate()
            termIDF.deallocate()
            iterators.deallocate()
            firstColumns.deallocate()
            firstOffsets.deallocate()
        }

        deinit {
            release()
            instances.deallocate()
        }
    }

    /// Registers `kb_rank` through the connection's `fts5_api`.
    static func register(on connection: Connection) throws {
        try connection.createAuxiliaryFunction(name) { api, context, result, arguments in
            score(api: api, context: context, result: result, arguments: arguments)
        }
    }

    private static func score(api: UnsafePointer<Fts5ExtensionApi>, context: OpaquePointer, result: OpaquePointer,
                              arguments: UnsafeBufferPointer<OpaquePointer?>) -> Int32 {
        let functions = api.pointee
        let data: QueryData
        if let stored = functions.xGetAuxdata(context, 0) {
            data = Unmanaged<QueryData>.fromOpaque(stored).takeUnretainedValue()
        } else {
            data = QueryData()
            let code = prepare(data, api: api, context: context, arguments: arguments)
            guard code == SQLITE_OK else { return code }
            let retained = Unmanaged.passRetained(data).toOpaque()
            let stored = functions.xSetAuxdata(context, retained) { pointer in
                guard let pointer else { return }
                Unmanaged<QueryData>.fromOpaque(pointer).release()
            }
            guard stored == SQLITE_OK else { return stored }
        }

        let termCount = data.termCount
        let phraseTerms = data.phraseTerms
        let phraseCount = data.termOfPhrase.count
        // Each scored phrase's first match, its iterator kept for the rest of its matches.
        let iterators = data.iterators
        let firstColumns = data.firstColumns
        let firstOffsets = data.firstOffsets
        for phrase in 0..<phraseCount where phraseTerms[phrase] >= 0 {
            let code = functions.xPhraseFirst(context, Int32(phrase), iterators + phrase, firstColumns + phrase, firstOffsets + phrase)
            guard code == SQLITE_OK else { return code }
        }
        let frequencies = data.accumulators
        let proximity = data.accumulators + termCount
        frequencies.update(repeating: 0, count: 2 * termCount)
        let weights = data.columnWeights
        let columnCount = data.columnCount
        let termIDF = data.termIDF
        let proximityWeight = data.proximityWeight
        // The scored phrases' matches in FTS5's `xInst` order (column, offset, then phrase), read phrase by phrase:
        // `xInst` would merge the selecting phrases' matches too, in time proportional to matches × phrases.
        var instanceCount = 0
        for phrase in 0..<phraseCount where phraseTerms[phrase] >= 0 {
            var column = firstColumns[phrase]
            var offset = firstOffsets[phrase]
            while column >= 0 {
                data.append(Int64(column) << 44 | Int64(offset) << 16 | Int64(phrase), at: instanceCount)
                instanceCount += 1
                functions.xPhraseNext(context, iterators + phrase, &column, &offset)
            }
        }
        let instances = data.instances
        for index in 1..<max(1, instanceCount) {
            let value = instances[index]
            var slot = index
            while slot > 0, instances[slot - 1] > value {
                instances[slot] = instances[slot - 1]
                slot -= 1
            }
            instances[slot] = value
        }
        var neighbour = Neighbour()
        for index in 0..<instanceCount {
            let value = instances[index]
            let column = Int32(truncatingIfNeeded: value >> 44)
            let offset = Int32(truncatingIfNeeded: (value >> 16) & 0x0FFF_FFFF)
            let term = phraseTerms[Int(value & 0xFFFF)]
            accumulate(term: term, column: column, offset: offset, weights: weights, columnCount: columnCount, termIDF: termIDF,
                       proximityWeight: proximityWeight, frequencies: frequencies, proximity: proximity, neighbour: &neighbour)
        }
        var tokens: Int32 = 0
        let code = functions.xColumnSize(context, -1, &tokens)
        guard code == SQLITE_OK else { return code }
        let score = RankFunction.total(lengthNorm: lengthNorm(tokens: Double(tokens), averageLength: data.averageLength),
                                       termCount: termCount, termIDF: termIDF, proximityWeight: proximityWeight,
                                       frequencies: frequencies, proximity: proximity)
        sqlite3_result_double(result, score)
        return SQLITE_OK
    }

    /// The previous match of a row's matches in `xInst` order, which the next one's proximity is measured from.
    struct Neighbour {
        var term = -1
        var column: Int32 = -1
        var offset: Int32 = 0
    }

    /// Adds one match of `term` at `offset` in `column` to a row's accumulators: its column's weight to the term's
    /// frequency and, when the previous match (`neighbour`) is another term's in the same column, each one's idf over
    /// their distance squared to the other's proximity. Called in `xInst` order (column, offset, phrase), by `kb_rank`
    /// and by `TicketRescorer`, so both add the same numbers in the same order.
    @inline(__always)
    static func accumulate(term: Int, column: Int32, offset: Int32, weights: UnsafePointer<Double>, columnCount: Int,
                           termIDF: UnsafePointer<Double>, proximityWeight: Double, frequencies: UnsafeMutablePointer<Double>,
                           proximity: UnsafeMutablePointer<Double>, neighbour: inout Neighbour) {
        frequencies[term] += Int(column) < columnCount ? weights[Int(column)] : 1
        if proximityWeight > 0, neighbour.term >= 0, neighbour.column == column, neighbour.term != term, offset > neighbour.offset {
            let distance = Double(offset - neighbour.offset)
            proximity[neighbour.term] += termIDF[term] / (distance * distance)
            proximity[term] += termIDF[neighbour.term] / (distance * distance)
        }
        neighbour = Neighbour(term: term, column: column, offset: offset)
    }

    /// A row's score from its accumulators with length normalisation `lengthNorm`
    /// (k1 · (1 − b + b · length / average length)); it only falls as `lengthNorm` grows.
    @inline(__always)
    static func total(lengthNorm: Double, termCount: Int, termIDF: UnsafePointer<Double>, proximityWeight: Double,
                      frequencies: UnsafePointer<Double>, proximity: UnsafePointer<Double>) -> Double {
        var total = 0.0
        for term in 0..<termCount where frequencies[term] > 0 {
            total += termScore(idf: termIDF[term], frequency: frequencies[term], lengthNorm: lengthNorm)
            let near = proximity[term]
            if near > 0 { total += proximityWeight * min(1, termIDF[term]) * (near * (k1 + 1)) / (near + lengthNorm) }
        }
        return total
    }

    /// BM25's part of one term of idf `idf` found `frequency` times (weighted) in a row of length normalisation
    /// `lengthNorm`.
    @inline(__always)
    static func termScore(idf: Double, frequency: Double, lengthNorm: Double) -> Double {
        idf * ((frequency * (k1 + 1)) / (frequency + lengthNorm))
    }

    /// BM25's average row length from the index's row and token counts (1 for an empty index).
    static func averageLength(rows: Int64, tokens: Int64) -> Double {
        rows > 0 && tokens > 0 ? Double(tokens) / Double(rows) : 1
    }

    /// BM25's length normalisation of a row of `tokens` tokens.
    @inline(__always)
    static func lengthNorm(tokens: Double, averageLength: Double) -> Double {
        k1 * (1 - b + b * tokens / averageLength)
    }

    private static func prepare(_ data: QueryData, api: UnsafePointer<Fts5ExtensionApi>, context: OpaquePointer,
                                arguments: UnsafeBufferPointer<OpaquePointer?>) -> Int32 {
        let functions = api.pointee
        data.weights = arguments.count > 0 ? numbers(arguments[0]).map { $0 ?? 1 } : []
        data.proximityWeight = arguments.count > 2 ? max(0, sqlite3_value_double(arguments[2])) : 0
        var rows: Int64 = 0
        var tokens: Int64 = 0
        var code = functions.xRowCount(context, &rows)
        guard code == SQLITE_OK else { return code }
        code = functions.xColumnTotalSize(context, -1, &tokens)
        guard code == SQLITE_OK else { return code }
        data.averageLength = averageLength(rows: rows, tokens: tokens)
        let phraseCount = Int(functions.xPhraseCount(context))
        var given = arguments.count > 1 ? numbers(arguments[1]) : []
        if given.count != phraseCount { given = Array(repeating: nil, count: phraseCount) }
        var terms = arguments.count > 3 ? numbers(arguments[3]).map { $0.map { Int($0) } ?? -1 } : []
        if terms.count != phraseCount || terms.contains(where: { $0 >= phraseCount }) { terms = Array(0..<phraseCount) }
        data.termOfPhrase = terms
        let termCount = (terms.max() ?? -1) + 1
        data.idf = Array(repeating: 0, count: termCount)
        var known = Array(repeating: false, count: termCount)
        for phrase in 0..<phraseCount {
            let term = terms[phrase]
            guard term >= 0, !known[term] else { continue }
            known[term] = true
            if let value = given[phrase] {
                data.idf[term] = value
                continue
            }
            var hits: Int64 = 0
            code = functions.xQueryPhrase(context, Int32(phrase), &hits) { _, _, counter in
                counter?.assumingMemoryBound(to: Int64.self).pointee += 1
                return SQLITE_OK
            }
            guard code == SQLITE_OK else { return code }
            data.idf[term] = idf(documentFrequency: Int(hits), documentCount: Int(rows))
        }
        data.freeze()
        return SQLITE_OK
    }

    /// Space-separated numbers; `-` or anything unreadable is nil.
    private static func numbers(_ value: OpaquePointer?) -> [Double?] {
        guard let value, let text = sqlite3_value_text(value) else { return [] }
        return String(cString: text).split(separator: " ").map { Double($0) }
    }
}
