/// Reads for finding tickets like one another (post-incident reviews): bounded counts, BM25 over a bounded set of
/// matches, and the latest matches in import order — over kb's posting lists (`TicketMatcher`), each match scored from
/// its stored text. `match` is always built by `QueryBuilder`.
extension Store {
    /// Tickets matching `match`, counted up to `limit` (a common word stops the count early), among those imported
    /// before the ticket at `rowID` when given.
    public func ticketMatchCount(_ match: MatchExpression, before rowID: Int64? = nil, limit: Int) throws -> Int {
        var matcher = try TicketMatcher(match: match, store: self)
        let bound = rowID.map { $0 - 1 } ?? .max
        var count = 0
        while count < limit, try matcher.next(atMost: bound) != nil { count += 1 }
        return count
    }

    /// The BM25 score (with `weights` per column, higher is better) of the ticket at `rowID` for `match`, or nil when
    /// none of its phrases is in the ticket.
    public func ticketScore(_ match: MatchExpression, rowID: Int64, weights: [Double]) throws -> Double? {
        let scorer = try WeightedBM25(match: match, weights: weights, store: self)
        let score = try scorer.score(rowID: rowID)
        return score > 0 ? score : nil
    }

    /// The `limit` best matches of `match` by BM25 (with `weights`), then only those closed, not `excluding` and
    /// created before `createdBefore`; best first (equal scores: the latest imported first).
    public func bestClosedMatches(_ match: MatchExpression, weights: [Double], limit: Int, excluding id: String,
                                  createdBefore: Timestamp) throws -> [TicketExcerpt] {
        guard limit > 0 else { return [] }
        let scorer = try WeightedBM25(match: match, weights: weights, store: self)
        var matcher = try TicketMatcher(match: match, store: self)
        var matches: [Int64] = []
        while let rowid = try matcher.next() { matches.append(rowid) }
        let better = { (lhs: (rowid: Int64, score: Double), rhs: (rowid: Int64, score: Double)) in
            lhs.score != rhs.score ? lhs.score > rhs.score : lhs.rowid > rhs.rowid
        }
        guard let bounds = try scorer.upperBounds(of: matches) else {
            let scored = try matches.map { (rowid: $0, score: try scorer.score(rowID: $0)) }.sorted(by: better)
            return try closedExcerpts(scored.prefix(limit), excluding: id, createdBefore: createdBefore)
        }
        // Best bound first: once `limit` tickets are scored from their text and the next bound falls below the
        // `limit`-th score, no ticket left can enter (the posting lists give each term's title and other counts, so a
        // bound weighs the other count with the heaviest of the other columns' weights).
        var best = TopScores(limit: limit)
        for candidate in zip(matches, bounds).map({ (rowid: $0, score: $1) }).sorted(by: better) {
            if candidate.score < best.threshold { break }
            _ = best.keep(rowid: candidate.rowid, score: try scorer.score(rowID: candidate.rowid))
        }
        return try closedExcerpts(best.sorted()[...], excluding: id, createdBefore: createdBefore)
    }

    /// The `limit` latest matches of `match` imported before the ticket at `rowID` (all, when nil), then only those
    /// closed, not `excluding` and created before `createdBefore`; unranked (score 0), latest first.
    public func latestClosedMatches(_ match: MatchExpression, before rowID: Int64?, limit: Int, excluding id: String,
                                    createdBefore: Timestamp) throws -> [TicketExcerpt] {
        var matcher = try TicketMatcher(match: match, store: self)
        let bound = rowID.map { $0 - 1 } ?? .max
        var latest: [(rowid: Int64, score: Double)] = []
        while latest.count < limit, let rowid = try matcher.next(atMost: bound) { latest.append((rowid, 0)) }
        return try closedExcerpts(latest[...], excluding: id, createdBefore: createdBefore)
    }

    /// FTS5's `bm25()` with column weights, from the tickets' stored text: each phrase weighs with its own idf over the
    /// index, a ticket's length is all its columns' tokens, and the index's average length comes from its totals — the
    /// numbers FTS5 adds up, in its order (`TicketRescorer` with neither proximity nor title match).
    struct WeightedBM25 {
        private let rescorer: TicketRescorer
        private let store: Store
        private let weights: [Double]
        private let idf: [Double]
        private let averageLength: Double
        /// Each phrase's one index term, when every phrase is one plain word (not a prefix).
        private let listTerms: [String]?

        init(match: MatchExpression, weights: [Double], store: Store) throws {
            let totals = try store.ticketIndexTotals()
            let documents = Int(max(totals.rows, 1))
            var phrases = match.phrases
            var idf: [Double] = []
            var listTerms: [String]? = []
            for index in phrases.indices {
                phrases[index].term = 0
                let alone = phrases[index]
                let terms = PhraseLocator.queryTerms(alone.text, tokenizer: store.tokenizer)
                let frequency: Int
                if !alone.isPrefix, terms.count == 1, let term = String(validating: terms[0], as: UTF8.self) {
                    frequency = try store.ticketDocumentFrequency(of: term)
                    listTerms?.append(term)
                } else {
                    listTerms = nil
                    var matcher = try TicketMatcher(match: MatchExpression(text: QueryBuilder.either([alone]), phrases: [alone]), store: store)
                    frequency = try matcher.count()
                }
                idf.append(RankFunction.idf(documentFrequency: frequency, documentCount: documents))
                phrases[index].term = index
            }
            averageLength = RankFunction.averageLength(rows: totals.rows, tokens: totals.tokens)
            rescorer = TicketRescorer(match: MatchExpression(text: match.text, phrases: phrases), idf: idf, tokenizer: store.tokenizer,
                                      columnWeights: weights, averageLength: averageLength, proximityWeight: 0)
            self.store = store
            self.weights = weights
            self.idf = idf
            self.listTerms = listTerms
        }

        /// For each of `rowids`, at least its score, from the posting lists alone; nil when a phrase is not one plain
        /// word (its counts are not in one list).
        func upperBounds(of rowids: [Int64]) throws -> [Double]? {
            guard let listTerms else { return nil }
            let index = Dictionary(uniqueKeysWithValues: rowids.enumerated().map { ($1, $0) })
            var weighted = Array(repeating: Array(repeating: 0.0, count: listTerms.count), count: rowids.count)
            var lengths = Array(repeating: Int32(0), count: rowids.count)
            let titleWeight = weights.first ?? 1, otherWeight = weights.dropFirst().max() ?? 1
            for (phrase, term) in listTerms.enumerated() {
                for posting in try store.ticketPostings(of: term) {
                    guard let position = index[posting.rowid] else { continue }
                    weighted[position][phrase] += titleWeight * Double(posting.titleCount) + otherWeight * Double(posting.otherCount)
                    lengths[position] = posting.length
                }
            }
            return rowids.indices.map { position in
                let lengthNorm = RankFunction.lengthNorm(tokens: Double(lengths[position]), averageLength: averageLength)
                var total = 0.0
                for phrase in listTerms.indices where weighted[position][phrase] > 0 {
                    total += RankFunction.termScore(idf: idf[phrase], frequency: weighted[position][phrase], lengthNorm: lengthNorm)
                }
                // Summed in another order than the exact score: a relative margin keeps the bound above it.
                return total * (1 + 1e-9)
            }
        }

        /// The ticket's score; 0 when it holds none of the phrases or is not stored.
        func score(rowID: Int64) throws -> Double {
            try store.connection.cached("SELECT packed, language FROM tickets WHERE rowid = ?").first([rowID]) { row in
                let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                return rescorer.score(columns: columns, language: row.optionalText(1).flatMap(Language.init(rawValue:)))
            } ?? 0
        }
    }
}
