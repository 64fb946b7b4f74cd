import CSQLite
import Foundation

/// `kb_rank(fts_table, weights, idfs, proximity, terms)`: FTS5's BM25 with inverse document frequencies given by the
/// caller, plus a term-proximity bonus.
///
/// FTS5's own `bm25()` counts, before scoring the first row, how many rows hold each phrase by walking the
/// phrase's whole doclist (`xQueryPhrase`). On a million tickets a query of common words spends most of its
/// time there, even when only a few hundred rows are then scored. kb already knows those counts: the
/// `fts5vocab` table stores each term's document count, so the caller passes each phrase's idf and only
/// phrases it cannot know (several words, prefixes: `-`) are counted the slow way. With `proximity` 0 the
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
    final class QueryData {
        var weights: [Double] = []
        /// The term each phrase counts for, or -1 for a phrase that is not scored.
        var termOfPhrase: [Int] = []
        /// Each term's idf.
        var idf: [Double] = []
        var averageLength = 1.0
        var frequencies: [Double] = []
        var proximity: [Double] = []
        var proximityWeight = 0.0
    }

    /// Registers `kb_rank` through the connection's `fts5_api`.
    static func register(on connection: Connection) throws {
        let api = try connection.fts5API()
        guard let create = api.pointee.xCreateFunction else { throw StoreError.missingFTS5 }
        let code = create(api, name, nil, { extensionAPI, context, result, argumentCount, arguments in
            guard let extensionAPI, let context, let result else { return }
            let code = RankFunction.score(api: extensionAPI, context: context, result: result,
                                          arguments: UnsafeBufferPointer(start: arguments, count: Int(argumentCount)))
            if code != SQLITE_OK { sqlite3_result_error_code(result, code) }
        }, nil)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code) }
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

        for index in data.frequencies.indices {
            data.frequencies[index] = 0
            data.proximity[index] = 0
        }
        var instanceCount: Int32 = 0
        var code = functions.xInstCount(context, &instanceCount)
        guard code == SQLITE_OK else { return code }
        var previous: (term: Int, column: Int32, offset: Int32)?
        for instance in 0..<instanceCount {
            var phrase: Int32 = 0
            var column: Int32 = 0
            var offset: Int32 = 0
            code = functions.xInst(context, instance, &phrase, &column, &offset)
            guard code == SQLITE_OK else { return code }
            let term = data.termOfPhrase[Int(phrase)]
            guard term >= 0 else { continue }
            let weight = Int(column) < data.weights.count ? data.weights[Int(column)] : 1
            data.frequencies[term] += weight
            if data.proximityWeight > 0, let last = previous, last.column == column, last.term != term, offset > last.offset {
                let distance = Double(offset - last.offset)
                data.proximity[last.term] += data.idf[term] / (distance * distance)
                data.proximity[term] += data.idf[last.term] / (distance * distance)
            }
            previous = (term, column, offset)
        }
        var tokens: Int32 = 0
        code = functions.xColumnSize(context, -1, &tokens)
        guard code == SQLITE_OK else { return code }
        let lengthNorm = k1 * (1 - b + b * Double(tokens) / data.averageLength)
        var total = 0.0
        for (phrase, frequency) in data.frequencies.enumerated() where frequency > 0 {
            total += data.idf[phrase] * ((frequency * (k1 + 1)) / (frequency + lengthNorm))
            let near = data.proximity[phrase]
            if near > 0 { total += data.proximityWeight * min(1, data.idf[phrase]) * (near * (k1 + 1)) / (near + lengthNorm) }
        }
        sqlite3_result_double(result, total)
        return SQLITE_OK
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
        data.averageLength = rows > 0 && tokens > 0 ? Double(tokens) / Double(rows) : 1
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
        data.frequencies = Array(repeating: 0, count: termCount)
        data.proximity = Array(repeating: 0, count: termCount)
        return SQLITE_OK
    }

    /// Space-separated numbers; `-` or anything unreadable is nil.
    private static func numbers(_ value: OpaquePointer?) -> [Double?] {
        guard let value, let text = sqlite3_value_text(value) else { return [] }
        return String(cString: text).split(separator: " ").map { Double($0) }
    }
}
