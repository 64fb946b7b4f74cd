extension TicketIndex {
    /// How ranking treats a query's phrases: document frequencies, idfs and bounds, all from stored counts.
    struct RankingOptions {
        var weights: [Double] = TicketIndex.boundWeights
        var proximityWeight = 0.0
        var limit = 10
        /// Only tickets whose rowid lies in this range.
        var lowestRowid: Int64 = 1
        var highestRowid: Int64 = TicketIndexLayout.largestRowid
        /// Score every match (no pruning): the reference the pruned ranking must equal.
        var exhaustive = false
    }

    /// The best `options.limit` tickets for `query` that `accept` lets through (all when nil), best first.
    ///
    /// Each phrase's idf comes from `ticket_terms` (exact document frequencies): a single term's as BM25 computes
    /// it, a phrase of several terms the sum of its terms' idfs (as Lucene scores phrases), a prefix phrase the
    /// idf of the tickets its expansions hold together at most (the sum of their frequencies, capped at the
    /// ticket count). No doclist is walked to count anything.
    func rank(_ query: TicketQuery, options: RankingOptions, accept: ((Int64) throws -> Bool)? = nil) throws -> [TicketRanker.Result] {
        guard let ranker = try ranker(for: query, options: options, accept: accept) else { return [] }
        return try ranker.run(exhaustive: options.exhaustive)
    }

    /// The newest `limit` tickets matching `query` with a rowid in `lowest...highest`, newest first.
    func matches(_ query: TicketQuery, lowest: Int64, highest: Int64, limit: Int) throws -> [Int64] {
        var options = RankingOptions()
        options.lowestRowid = lowest
        options.highestRowid = highest
        guard highest >= lowest, let ranker = try ranker(for: query, options: options, accept: nil) else { return [] }
        return try ranker.matchingRowids(limit: limit)
    }

    private func ranker(for query: TicketQuery, options: RankingOptions, accept: ((Int64) throws -> Bool)?) throws -> TicketRanker? {
        let statistics = try self.statistics()
        guard statistics.documents > 0, !query.phrases.isEmpty else { return nil }
        let scoring = TicketScoring(weights: options.weights, proximityWeight: options.proximityWeight,
                                    documents: statistics.documents, tokens: statistics.tokens)
        // Bounds are stored for the default weights; heavier weights raise f at most in proportion.
        var weightFactor = 1.0
        for column in 0..<TicketIndexLayout.columnCount {
            weightFactor = max(weightFactor, scoring.weight(column) / Self.boundWeights[column])
        }
        var infos: [String: TermInfo?] = [:]
        func info(_ term: String) throws -> TermInfo? {
            if let known = infos[term] { return known }
            let found = try termInfo(term)
            infos[term] = found
            return found
        }
        var matchers: [TicketQuery.Phrase: PhraseMatcher?] = [:]
        var slots: [TicketRanker.Slot?] = []
        for phrase in query.phrases {
            let matcher: PhraseMatcher?
            if let known = matchers[phrase] {
                matcher = known
            } else {
                matcher = try makeMatcher(phrase, documents: statistics.documents, scoring: scoring, options: options,
                                          scanner: !options.exhaustive && !query.requireAll, info: info)
                matchers[phrase] = matcher
            }
            guard let matcher else {
                slots.append(nil)
                continue
            }
            slots.append(TicketRanker.Slot(
                matcher: matcher, idf: matcher.idf,
                bound: scoring.upperBound(idf: matcher.idf, saturation: matcher.saturationBound * weightFactor),
                proximityBound: scoring.proximityBound(idf: matcher.idf)))
        }
        let newest = try connection.cached("SELECT coalesce(max(rowid), 0) FROM tickets").first { $0.int64(0) } ?? 0
        return TicketRanker(index: self, slots: slots, groups: query.groups, requireAll: query.requireAll,
                            scoring: scoring, limit: options.limit, lowest: max(1, options.lowestRowid),
                            highest: min(options.highestRowid, newest, TicketIndexLayout.largestRowid), accept: accept)
    }

    /// The matcher of one phrase, or nil when no ticket can hold it.
    ///
    /// A `scanner` (for windowed ranking) keeps the chunks it reads in a window readable (see `TermCursor`).
    private func makeMatcher(_ phrase: TicketQuery.Phrase, documents: Int, scoring: TicketScoring, options: RankingOptions,
                             scanner: Bool, info: (String) throws -> TermInfo?) throws -> PhraseMatcher? {
        guard !phrase.terms.isEmpty else { return nil }
        let average = scoring.averageLength
        func idf(_ frequency: Int) -> Double {
            RankFunction.idf(documentFrequency: frequency, documentCount: documents)
        }
        if phrase.isPrefix {
            var leading: [TermInfo] = []
            for term in phrase.terms.dropLast() {
                guard let found = try info(term) else { return nil }
                leading.append(found)
            }
            let expansions = try terms(withPrefix: phrase.terms.last!)
            guard !expansions.isEmpty else { return nil }
            let expandedFrequency = min(documents, expansions.reduce(0) { $0 + $1.info.documents })
            let phraseIDF = leading.reduce(idf(expandedFrequency)) { $0 + idf($1.documents) }
            let gathered = try gather(leading: leading, expansions: expansions.map(\.info), options: options, average: average)
            guard gathered.count > 0 else { return nil }
            return PhraseMatcher(source: .gathered(gathered), idf: phraseIDF)
        }
        var infos: [TermInfo] = []
        var phraseIDF = 0.0
        for term in phrase.terms {
            guard let found = try info(term) else { return nil }
            infos.append(found)
            phraseIDF += idf(found.documents)
        }
        let cursors = try infos.map {
            try TermCursor(index: self, info: $0, lowestRowid: options.lowestRowid, averageLength: average,
                           retainsChunks: scanner && infos.count == 1)
        }
        return PhraseMatcher(source: cursors.count == 1 ? .term(cursors[0]) : .sequence(cursors), idf: phraseIDF)
    }

    /// A prefix phrase's postings: tickets where the leading terms are followed by a term of `expansions`.
    private func gather(leading: [TermInfo], expansions: [TermInfo], options: RankingOptions,
                        average: Double) throws -> GatheredPostings {
        func read(_ info: TermInfo) throws -> [Int64: [Int64]] {
            var postings: [Int64: [Int64]] = [:]
            let cursor = try TermCursor(index: self, info: info, lowestRowid: options.lowestRowid, averageLength: average)
            defer { cursor.close() }
            try cursor.advance(to: options.highestRowid)
            while cursor.doc >= 0 {
                var positions: [Int64] = []
                cursor.positions(into: &positions)
                postings[cursor.doc] = positions
                try cursor.next()
            }
            return postings
        }
        var last: [Int64: [Int64]] = [:]
        for expansion in expansions {
            for (rowid, positions) in try read(expansion) { last[rowid, default: []] += positions }
        }
        var sequence = leading.isEmpty ? [] : try leading.map(read)
        sequence.append(last)
        var postings: [(rowid: Int64, positions: [Int64])] = []
        for (rowid, finalPositions) in last {
            if sequence.count == 1 {
                postings.append((rowid, finalPositions))
                continue
            }
            let lists = sequence.map { Set($0[rowid] ?? []) }
            guard let starts = sequence[0][rowid] else { continue }
            let found = starts.filter { start in
                (1..<lists.count).allSatisfy { lists[$0].contains(start + Int64($0)) }
            }
            if !found.isEmpty { postings.append((rowid, found)) }
        }
        return GatheredPostings(postings)
    }
}
