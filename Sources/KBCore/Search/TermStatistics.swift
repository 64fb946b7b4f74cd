import Foundation

/// Document frequencies of index terms, for query planning and ranking.
///
/// Ranking scores every ticket that matches any OR'ed term, so a term found in most tickets makes a
/// query slow while adding nothing to BM25 (its idf is clamped to almost zero). Planning drops such
/// terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
///
/// Counts come from kb's posting lists (`ticket_postings`): a word's is its blocks' counts added up, but that reads its
/// whole list (a word in 300,000 of a million tickets is 2,400 blocks), per word, per query. On stores of
/// `samplingThreshold` tickets or more the count is therefore estimated: the term's list is read from the newest
/// ticket back, `sampledMatches` postings at most, and the count is those scaled by the share of tickets they span.
/// A word with fewer matches is counted exactly. The estimate's relative error is about 1/√`sampledMatches`
/// (3% for 1,000), ±0.03 in idf = log(N/df); smaller stores stay exact. A group of phrases is counted the same way
/// over its matches (`TicketMatcher`); one holding a phrase of several words reads at most `textCheckBudget` tickets'
/// texts to check it, and past that is estimated from the stretch of the store it walked.
public final class TermStatistics {
    let store: Store
    private var cache: [String: Int] = [:]
    private var span: (newest: Int64, first: Int64)?
    /// Number of tickets in the index.
    public let documentCount: Int
    /// Stores with at least this many tickets estimate frequencies from a sample.
    public var samplingThreshold = 100_000
    /// How many of a word's most recent matches the estimate reads; a word with fewer is counted exactly.
    public var sampledMatches = 1_000
    /// How many tickets' texts counting a group with a phrase of several words may read (the posting lists hold no
    /// positions, so each ticket holding the phrase's words is checked against its text, about 20 µs each): past it, the
    /// matches found are scaled by the share of the store walked, as a sample is.
    public var textCheckBudget = 2_000

    public init(store: Store) throws {
        self.store = store
        self.documentCount = try store.indexedTicketCount()
    }

    /// Tickets containing `term` (an analyzed term), counted exactly.
    public func documentFrequency(_ term: String) throws -> Int {
        if let known = cache[term] { return known }
        let count = try exactFrequency(term)
        cache[term] = count
        return count
    }

    /// Tickets containing the word: exact on small stores, estimated from recent tickets on large ones.
    public func documentFrequency(_ word: QueryBuilder.Word) throws -> Int {
        if let known = cache[word.term] { return known }
        let count = documentCount < samplingThreshold ? try exactFrequency(word.term) : try estimatedFrequency(word)
        cache[word.term] = count
        return count
    }

    /// Inverse document frequency, as BM25 computes it (never below a small positive floor).
    public func idf(_ word: QueryBuilder.Word) throws -> Double {
        RankFunction.idf(documentFrequency: try documentFrequency(word), documentCount: max(documentCount, 1))
    }

    /// Inverse document frequency of an analyzed term, counted exactly.
    public func idf(_ term: String) throws -> Double {
        RankFunction.idf(documentFrequency: try documentFrequency(term), documentCount: max(documentCount, 1))
    }

    /// Inverse document frequency of one query term made of several phrases (a word, its spellings in other
    /// languages, its synonyms, multi-word ones too) or of a prefix: the tickets matching any of them count once, so
    /// the group weighs as one word. Counted once per engine and kept; on stores of `samplingThreshold` tickets or more
    /// estimated from a sample, as single words are.
    public func idf(ofGroup phrases: [MatchExpression.Phrase]) throws -> Double {
        let group = MatchExpression(text: QueryBuilder.either(phrases), phrases: phrases.map { phrase in
                                        var alone = phrase
                                        alone.term = 0
                                        return alone
                                    })
        if let known = cache[group.text] {
            return RankFunction.idf(documentFrequency: known, documentCount: max(documentCount, 1))
        }
        var matcher = try TicketMatcher(match: group, store: store, textChecks: textCheckBudget)
        var sample = (count: 0, oldest: Int64(0))
        let frequency: Int
        do {
            let wanted = documentCount < samplingThreshold ? Int.max : sampledMatches
            while sample.count < wanted, let rowid = try matcher.next() {
                sample = (sample.count + 1, rowid)
            }
            frequency = wanted == .max ? sample.count : try scaled(sample)
        } catch let stop as TicketMatcher.TextChecksExhausted {
            // Every candidate above `stop.rowid` was examined: the matches among them, scaled by the share they span.
            frequency = try scaled(count: sample.count, reaching: stop.rowid + 1)
        }
        cache[group.text] = frequency
        return RankFunction.idf(documentFrequency: frequency, documentCount: max(documentCount, 1))
    }

    /// The words worth matching: those found in at most `maximumShare` of tickets (all of them when none is).
    public func selective(_ words: [QueryBuilder.Word], maximumShare: Double = 0.5) throws -> [QueryBuilder.Word] {
        guard documentCount > 0 else { return words }
        let limit = Int(Double(documentCount) * maximumShare)
        let kept = try words.filter { try documentFrequency($0) <= limit }
        return kept.isEmpty ? words : kept
    }

    private func exactFrequency(_ term: String) throws -> Int {
        try store.ticketDocumentFrequency(of: term)
    }

    private func estimatedFrequency(_ word: QueryBuilder.Word) throws -> Int {
        let sample = try store.newestTicketPostings(of: word.term, limit: sampledMatches)
        return try scaled(sample)
    }

    /// The newest and oldest ticket rowids, read once (two single-aggregate subqueries: each is one b-tree seek,
    /// where `SELECT max(rowid), min(rowid)` would scan the table).
    private func rowidSpan() throws -> (newest: Int64, first: Int64) {
        if let span { return span }
        let read = try store.connection.cached("""
            SELECT coalesce((SELECT max(rowid) FROM tickets), 0), coalesce((SELECT min(rowid) FROM tickets), 0)
            """).first { (newest: $0.int64(0), first: $0.int64(1)) } ?? (newest: 0, first: 0)
        span = read
        return read
    }

    /// The count of the newest `sample.count` matches, the lowest rowid among them `sample.oldest`: exact when there are
    /// fewer than `sampledMatches`, else scaled by the share of the store's tickets their rowids span.
    private func scaled(_ sample: (count: Int, oldest: Int64)) throws -> Int {
        guard sample.count >= sampledMatches else { return sample.count }
        return try scaled(count: sample.count, reaching: sample.oldest)
    }

    /// `count` matches found among the tickets from the newest down to rowid `lowest`, scaled to the whole store.
    private func scaled(count: Int, reaching lowest: Int64) throws -> Int {
        let span = try rowidSpan()
        // Tickets in the sampled rowid range, assuming rowids are spread as evenly as over the whole table.
        let density = Double(documentCount) / Double(max(1, span.newest - span.first + 1))
        let spanned = max(1.0, Double(span.newest - lowest + 1) * density)
        return min(documentCount, Int((Double(count) * Double(documentCount) / spanned).rounded()))
    }
}
