/// Ranking's first phase over kb's own posting lists (`ticket_postings`): the best tickets by BM25, exactly, with
/// MaxScore (Turtle and Flood, 1995), without FTS5.
///
/// FTS5 (which indexed tickets until schema 9) read each matching row with its word positions and called `kb_rank` once per row: on a million tickets a
/// query's common words cost hundreds of thousands of such rows. BM25 needs no positions: per ticket and term, the
/// term's count in the title and in the other columns, and the ticket's length, which kb keeps beside the index
/// (`TicketPosting`). Here the query terms' lists are walked in rowid order; a ticket holding only terms whose
/// upper bounds add up to less than the `limit`-th best score so far is never scored (those terms' lists are only
/// probed, whole blocks skipped, for tickets the other terms bring). The scores are `kb_rank`'s without
/// proximity, to the last bit: each term's part is added in term order with the same formula
/// (`RankFunction.total`), the average length is the index's (`Store.ticketIndexTotals`), so the result equals `kb_rank`'s
/// over an FTS5 index of the same text (the tests compare them).
struct TicketPostingsRanker {
    /// One query term: the tickets holding any of its phrases, in rowid order, each with the phrases' weighted counts
    /// added up (as `kb_rank` adds a term's phrases' matches; a phrase given twice counts twice, as FTS5 matches it twice).
    ///
    /// A phrase of several words lists the tickets holding its words, each with the fewest times one of them occurs (per
    /// column group): a superset of the phrase's tickets, and counts at least the phrase's. Such postings are
    /// `estimated`, and a ticket scored with one is scored again from its text (`exactFrequencies`) before it is kept.
    struct TermList {
        var phrases: [PostingCursor]
        let idf: Double
        /// More than the term can add to any ticket's score (`SearchEngine.RankedTerm.bound`).
        let bound: Double


        /// The lowest rowid any phrase is at (`Int64.max`: none left).
        var rowid: Int64 {
            var lowest = Int64.max
            for phrase in phrases where phrase.rowid < lowest { lowest = phrase.rowid }
            return lowest
        }

        /// The term's weighted count and the ticket's length at `rowid`, which the term is at, and whether the count is
        /// estimated; moves past it.
        mutating func take(_ rowid: Int64) throws -> (frequency: Double, length: Int32, estimated: Bool) {
            var frequency = 0.0
            var length: Int32 = 0
            var estimated = false
            for index in phrases.indices where phrases[index].rowid == rowid {
                frequency += phrases[index].frequency
                length = phrases[index].length
                estimated = estimated || phrases[index].estimated
                try phrases[index].next()
            }
            return (frequency, length, estimated)
        }

        /// Moves every phrase to its first ticket at `rowid` or above.
        mutating func seek(_ rowid: Int64) throws {
            for index in phrases.indices { try phrases[index].seek(rowid) }
        }
    }

    var lists: [TermList]
    let averageLength: Double
    /// Whether a ticket must hold every term (`QueryMode.all`) rather than any.
    let requireAll: Bool
    /// The rowids a ticket may have (a search's period, `SearchEngine.rowidBounds`); the lists start at its lower end
    /// (`termLists(…rowids:)`), the walk stops past its upper end.
    var rowids: ClosedRange<Int64>? = nil
    /// Whether the ticket at a rowid passes the search's filters (`TicketFilterCheck`); nil when nothing is filtered.
    /// Asked only of tickets whose score would enter the best: the threshold is then the `limit`-th best score among
    /// the tickets that pass, and pruning against it stays exact.
    var accepts: ((Int64) throws -> Bool)? = nil
    /// Whether tickets that cannot enter the best are skipped (MaxScore); without it every ticket of every list is
    /// scored (counts checked against the text where estimated), the reference pruning is compared with.
    var prunes = true
    /// A ticket's weighted count of each term and its length, from its text (`TicketRescorer.frequencies`): for tickets
    /// whose counts are estimated.
    let exactFrequencies: (Int64) throws -> (frequencies: [Double], tokens: Int)?

    /// The weight of a match in the title; every other column weighs 1 (`SearchEngine.ticketWeights`).
    static let titleWeight = 1.5
    /// How many times more tickets than its rarest word a phrase's word may be in and still be read (see `termLists`).
    static let phraseWordSpread = 4
    /// The most index terms a prefix phrase is read as lists of (one cursor each); past it their postings are merged in
    /// memory into one list first (`mergedPostings`).
    static let maximumPrefixTerms = 64

    /// The term lists of `match` from rowid `rowids.lowerBound` on (all of them without `rowids`); nil only when a phrase
    /// names a term the match has not (a malformed expression). `documentFrequency` says how many tickets hold an index
    /// term.
    ///
    /// A prefix phrase (`"contr" *`) is a list per index term starting with it: FTS5 counts each token the prefix
    /// matches, so a ticket's count is the sum of those terms' counts, as `TermList.take` adds its phrases' up. A prefix
    /// standing for more than `maximumPrefixTerms` terms is read as one list, their postings merged.
    ///
    /// A phrase of several words the index lists (`IndexedPhrases`) is read from its own list. Any other is listed from its rarer words only (those in at most `phraseWordSpread` times as
    /// many tickets as its rarest): still a superset with bounding counts, without reading the lists of the function
    /// words phrases often hold ("inicio de sesión", "fuera de servicio"), which run through most of the store. When it
    /// ends in a prefix (`"inicio de ses" *`), its last word is the merged list of the terms it starts.
    static func termLists(match: MatchExpression, terms: [SearchEngine.RankedTerm], store: Store, rowids: ClosedRange<Int64>? = nil,
                          documentFrequency: (String) throws -> Int) throws -> [TermList]? {
        var phrasesOfTerm = Array(repeating: [PostingCursor](), count: terms.count)
        let lower = rowids?.lowerBound ?? .min
        for phrase in match.phrases {
            guard phrase.term < terms.count else { return nil }
            let analysed = PhraseLocator.queryTerms(phrase.text, tokenizer: store.tokenizer)
            if !phrase.isPrefix, let key = try store.indexedPhraseKey(analysed) {
                // A phrase the index lists (a synonym's): its own list, exact.
                phrasesOfTerm[phrase.term].append(try PostingCursor(store: store, term: key, titleWeight: titleWeight, from: lower))
                continue
            }
            var words: [String] = []
            for term in analysed {
                guard let term = String(validating: term, as: UTF8.self) else { return nil }
                words.append(term)
            }
            // A prefix's index terms, and for one of several words the tickets holding any of them (the last word's list).
            var expanded: [String] = []
            var prefixList: [TicketPosting]?
            if phrase.isPrefix, let prefix = words.last {
                expanded = try store.ticketPostingTerms(withPrefix: prefix, limit: .max) ?? []
                if words.count > 1 || expanded.count > maximumPrefixTerms {
                    prefixList = try mergedPostings(expanded, store: store, rowids: rowids)
                }
                words.removeLast()
            }
            switch (words.count, phrase.isPrefix) {
            case (0, true) where prefixList == nil:
                for term in expanded {
                    phrasesOfTerm[phrase.term].append(try PostingCursor(store: store, term: term, titleWeight: titleWeight, from: lower))
                }
                // No term starts with it: the phrase matches nowhere.
                if expanded.isEmpty {
                    phrasesOfTerm[phrase.term].append(PostingCursor(postings: [], estimated: false, titleWeight: titleWeight))
                }
            case (0, true):
                phrasesOfTerm[phrase.term].append(PostingCursor(postings: prefixList ?? [], estimated: false, titleWeight: titleWeight))
            case (0, false):
                // FTS5 matches a phrase without terms nowhere.
                phrasesOfTerm[phrase.term].append(PostingCursor(postings: [], estimated: false, titleWeight: titleWeight))
            case (1, false):
                phrasesOfTerm[phrase.term].append(try PostingCursor(store: store, term: words[0], titleWeight: titleWeight, from: lower))
            default:
                var frequencies = try words.map(documentFrequency)
                if let prefixList { frequencies.append(prefixList.count) }
                let rarest = frequencies.min() ?? 0
                let chosen = Set(words.indices.filter { frequencies[$0] <= max(1, rarest) * phraseWordSpread }.map { words[$0] })
                var lists = try chosen.sorted().map { try store.ticketPostings(of: $0, rowids: rowids) }
                if let prefixList, prefixList.count <= max(1, rarest) * phraseWordSpread || lists.isEmpty { lists.append(prefixList) }
                let postings = lists.count == 1 ? lists[0] : intersection(lists)
                phrasesOfTerm[phrase.term].append(PostingCursor(postings: postings, estimated: true, titleWeight: titleWeight))
            }
        }
        return zip(phrasesOfTerm, terms).map { TermList(phrases: $0, idf: $1.idf, bound: $1.bound) }
    }

    /// The postings of every one of `terms` (within `rowids`) as one list: per ticket, their counts added up, as FTS5
    /// counts each token a prefix matches. Memory holds one posting per ticket holding any of them.
    static func mergedPostings(_ terms: [String], store: Store, rowids: ClosedRange<Int64>?) throws -> [TicketPosting] {
        var merged: [Int64: TicketPosting] = [:]
        for term in terms {
            for posting in try store.ticketPostings(of: term, rowids: rowids) {
                if let held = merged[posting.rowid] {
                    merged[posting.rowid] = TicketPosting(rowid: posting.rowid, titleCount: held.titleCount + posting.titleCount,
                                                          otherCount: held.otherCount + posting.otherCount, length: posting.length)
                } else {
                    merged[posting.rowid] = posting
                }
            }
        }
        return merged.values.sorted { $0.rowid < $1.rowid }
    }

    /// The tickets holding every one of `words`, each with the fewest title and other-column occurrences of any of them.
    private static func intersection(_ words: [[TicketPosting]]) -> [TicketPosting] {
        let ordered = words.sorted { $0.count < $1.count }
        var result: [TicketPosting] = []
        var cursors = Array(repeating: 0, count: ordered.count)
        outer: for posting in ordered[0] {
            var titleCount = posting.titleCount
            var otherCount = posting.otherCount
            for index in 1..<ordered.count {
                let list = ordered[index]
                let found = PostingCursor.firstIndex(in: list, from: cursors[index], reaching: posting.rowid) { $0.rowid }
                cursors[index] = found
                guard found < list.count, list[found].rowid == posting.rowid else { continue outer }
                titleCount = min(titleCount, list[found].titleCount)
                otherCount = min(otherCount, list[found].otherCount)
            }
            result.append(TicketPosting(rowid: posting.rowid, titleCount: titleCount, otherCount: otherCount, length: posting.length))
        }
        return result
    }

    /// The best `limit` tickets by BM25, best first (equal scores: highest rowid first). `heldTerms` gets, for each
    /// ticket kept at some point, the terms it holds as bits (queries of up to 64 terms): the second phase bounds
    /// what proximity can add to it by them.
    mutating func top(_ limit: Int, heldTerms: inout [Int64: UInt64]) throws -> [(rowid: Int64, score: Double)] {
        guard limit > 0, !lists.isEmpty else { return [] }
        var best = TopScores(limit: limit)
        let termCount = lists.count
        // Terms from the weakest bound up: `prefixBounds[i]` is what terms order[0..<i] can add together.
        let order = lists.indices.sorted { lists[$0].bound != lists[$1].bound ? lists[$0].bound < lists[$1].bound : $0 < $1 }
        var prefixBounds = [0.0]
        for term in order { prefixBounds.append(prefixBounds.last! + lists[term].bound) }
        let frequencies = UnsafeMutablePointer<Double>.allocate(capacity: termCount)
        let proximity = UnsafeMutablePointer<Double>.allocate(capacity: termCount)
        let idf = UnsafeMutablePointer<Double>.allocate(capacity: termCount)
        defer {
            frequencies.deallocate()
            proximity.deallocate()
            idf.deallocate()
        }
        proximity.initialize(repeating: 0, count: termCount)
        for term in 0..<termCount { idf[term] = lists[term].idf }
        /// BM25 of the counts in `frequencies` for a ticket of `tokens` tokens.
        func score(tokens: Int32) -> Double {
            RankFunction.total(lengthNorm: RankFunction.lengthNorm(tokens: Double(tokens), averageLength: averageLength),
                               termCount: termCount, termIDF: idf, proximityWeight: 0, frequencies: frequencies, proximity: proximity)
        }
        // Tickets scored with estimated counts, each with its estimate (at least its real score).
        var deferred: [(rowid: Int64, bound: Double)] = []
        // Terms order[0..<firstEssential] cannot lift a ticket above the threshold on their own: only tickets holding an
        // essential term are visited.
        var firstEssential = requireAll ? termCount - 1 : 0
        let lastRowid = rowids?.upperBound ?? .max
        while true {
            // The next ticket: the lowest rowid any essential term's list is at.
            var rowid = Int64.max
            for position in firstEssential..<termCount { rowid = min(rowid, lists[order[position]].rowid) }
            guard rowid != .max, rowid <= lastRowid else { break }
            frequencies.initialize(repeating: 0, count: termCount)
            var length: Int32 = -1
            var estimated = false
            for position in firstEssential..<termCount {
                let term = order[position]
                guard lists[term].rowid == rowid else { continue }
                let taken = try lists[term].take(rowid)
                frequencies[term] = taken.frequency
                length = taken.length
                estimated = estimated || taken.estimated
            }
            // The essential terms' own parts (all terms share the ticket's length), then the other terms, strongest
            // first, while their bounds can still lift the ticket above the threshold. The parts are summed in another
            // order than the score's and may round differently: a relative margin keeps the test on the safe side.
            let lengthNorm = RankFunction.lengthNorm(tokens: Double(length), averageLength: averageLength)
            func part(_ term: Int) -> Double {
                let frequency = frequencies[term]
                return frequency > 0 ? RankFunction.termScore(idf: idf[term], frequency: frequency, lengthNorm: lengthNorm) * (1 + 1e-9) : 0
            }
            var reachable = 0.0
            for position in firstEssential..<termCount { reachable += part(order[position]) }
            let threshold = prunes ? best.threshold : -.infinity
            var skipped = false
            var position = firstEssential - 1
            while position >= 0 {
                if !requireAll && reachable + prefixBounds[position + 1] < threshold {
                    skipped = true
                    break
                }
                let term = order[position]
                try lists[term].seek(rowid)
                if lists[term].rowid == rowid {
                    let taken = try lists[term].take(rowid)
                    frequencies[term] = taken.frequency
                    estimated = estimated || taken.estimated
                    reachable += part(term)
                } else if requireAll {
                    skipped = true
                    break
                }
                position -= 1
            }
            if skipped || reachable < threshold || length < 0 { continue }
            // Estimated counts are at least the real ones, so they give a score at least the real one: a ticket that
            // might still enter with them waits, its estimate a bound on its score, until the walk ends (see below).
            let total = score(tokens: length)
            guard total >= threshold else { continue }
            if let accepts, try !accepts(rowid) { continue }
            if estimated {
                deferred.append((rowid, total))
                continue
            }
            guard best.keep(rowid: rowid, score: total) else { continue }
            if termCount <= 64 { heldTerms[rowid] = Self.held(frequencies, termCount) }
            while prunes, !requireAll, firstEssential < termCount, prefixBounds[firstEssential + 1] < best.threshold { firstEssential += 1 }
            if firstEssential == termCount { break }
        }
        // The tickets whose counts the lists only estimate, read from their text best bound first: once a bound falls
        // below the `limit`-th score, no ticket after it can enter. Reading them at the end rather than as the walk
        // meets them reads only those near the top (a synonym "no funciona" estimated from every ticket holding "no"
        // and "funciona" met thousands on the way whose bound beat the threshold of that moment).
        deferred.sort { $0.bound != $1.bound ? $0.bound > $1.bound : $0.rowid > $1.rowid }
        for (rowid, bound) in deferred {
            if prunes && bound < best.threshold { break }
            guard let exact = try exactFrequencies(rowid) else { continue }
            // The lists hold every ticket holding a term: the text's counts replace theirs.
            var holdsAll = true
            var holdsAny = false
            for term in 0..<termCount {
                frequencies[term] = exact.frequencies[term]
                holdsAll = holdsAll && frequencies[term] > 0
                holdsAny = holdsAny || frequencies[term] > 0
            }
            guard requireAll ? holdsAll : holdsAny else { continue }
            guard best.keep(rowid: rowid, score: score(tokens: Int32(exact.tokens))) else { continue }
            if termCount <= 64 { heldTerms[rowid] = Self.held(frequencies, termCount) }
        }
        return best.sorted()
    }

    /// The terms a ticket holds, as bits (queries of up to 64 terms).
    private static func held(_ frequencies: UnsafeMutablePointer<Double>, _ termCount: Int) -> UInt64 {
        var held: UInt64 = 0
        for term in 0..<termCount where frequencies[term] > 0 { held |= 1 << UInt64(term) }
        return held
    }

}
