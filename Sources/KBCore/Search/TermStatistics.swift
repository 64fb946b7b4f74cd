import Foundation

/// Document frequencies of index terms, for query planning and ranking.
///
/// FTS5 scores every document that matches any OR'ed term, so a term found in most tickets makes a
/// query slow while adding nothing to BM25 (its idf is clamped to almost zero). Planning drops such
/// terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
///
/// The `fts5vocab` table gives exact counts, but counting reads the term's whole doclist: a word in 300,000
/// of a million tickets costs tens of milliseconds, per word, per query. On stores of `samplingThreshold`
/// tickets or more the count is therefore estimated from the `sampleSize` most recent tickets (one bounded
/// doclist seek), and counted exactly only when the word is rare there. idf = log(N/df) hardly moves with the
/// sample's error (±10% in df is ±0.1 in idf for a word in 1% of tickets); smaller stores stay exact.
public final class TermStatistics {
    let store: Store
    private var cache: [String: Int] = [:]
    /// Number of tickets in the index.
    public let documentCount: Int
    /// Stores with at least this many tickets estimate frequencies from a sample.
    public var samplingThreshold = 100_000
    /// How many of the most recent tickets the sample holds.
    public var sampleSize = 20_000
    /// Below this many sampled matches a word is counted exactly (up to `countLimit`).
    static let minimumSampledMatches = 20
    /// Exact counting of a word rare in the sample stops here; the estimate is then this many tickets.
    static let countLimit = 5_000

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
    /// languages, its synonyms, multi-word ones too) or of a prefix: the tickets matching any of them (the
    /// MATCH expression `expression`) count once, so the group weighs as one word. Counted once per engine and
    /// kept; on stores of `samplingThreshold` tickets or more estimated from a sample, as single words are.
    public func idf(ofGroup expression: String) throws -> Double {
        let frequency: Int
        if let known = cache[expression] {
            frequency = known
        } else {
            frequency = documentCount < samplingThreshold
                ? try store.connection.cached("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?").first([expression]) { $0.int(0) } ?? 0
                : try estimatedFrequency(expression: expression)
            cache[expression] = frequency
        }
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
        try store.connection.scalarInt("SELECT doc FROM tickets_vocab WHERE term = ?", [term])
    }

    private func estimatedFrequency(_ word: QueryBuilder.Word) throws -> Int {
        try estimatedFrequency(expression: QueryBuilder.quote(word.phrase))
    }

    private func estimatedFrequency(expression: String) throws -> Int {
        let newest = try store.connection.cached("SELECT coalesce(max(rowid), 0) FROM tickets").first { $0.int64(0) } ?? 0
        let sampled = try store.connection.cached(
            "SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid > ?"
        ).first([expression, newest - Int64(sampleSize)]) { $0.int(0) } ?? 0
        let sampleRows = min(sampleSize, documentCount)
        if sampled >= Self.minimumSampledMatches {
            return min(documentCount, Int((Double(sampled) * Double(documentCount) / Double(max(sampleRows, 1))).rounded()))
        }
        // Rare lately: count from the oldest match on, stopping at `countLimit` (exact below it).
        return try store.connection.cached(
            "SELECT count(*) FROM (SELECT 1 FROM tickets_fts WHERE tickets_fts MATCH ? LIMIT ?)"
        ).first([expression, Self.countLimit]) { $0.int(0) } ?? 0
    }
}
