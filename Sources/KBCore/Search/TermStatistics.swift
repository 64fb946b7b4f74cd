import Foundation

/// Document frequencies of index terms, for query planning and ranking.
///
/// FTS5 scores every document that matches any OR'ed term, so a term found in most tickets makes a
/// query slow while adding nothing to BM25 (its idf is clamped to almost zero). Planning drops such
/// terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
///
/// The `fts5vocab` table gives exact counts, but counting reads the term's whole doclist: a word in 300,000
/// of a million tickets costs tens of milliseconds, per word, per query. On stores of `samplingThreshold`
/// tickets or more the count is therefore estimated: the term's doclist is read from the newest ticket back,
/// `sampledMatches` matches at most, and the count is those matches scaled by the share of tickets they span.
/// A word with fewer matches is counted exactly. The estimate's relative error is about 1/√`sampledMatches`
/// (3% for 1,000), ±0.03 in idf = log(N/df); smaller stores stay exact.
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

    private func estimatedFrequency(expression: String) throws -> Int {
        // The oldest of the newest `sampledMatches` matches, and how many there are (FTS5 walks the doclist backwards).
        let sample = try store.connection.cached("""
            SELECT count(*), coalesce(min(rowid), 0) FROM
                (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
            """).first([expression, sampledMatches]) { (count: $0.int(0), oldest: $0.int64(1)) } ?? (count: 0, oldest: 0)
        guard sample.count >= sampledMatches else { return sample.count }
        let span = try rowidSpan()
        // Tickets in the sampled rowid range, assuming rowids are spread as evenly as over the whole table.
        let density = Double(documentCount) / Double(max(1, span.newest - span.first + 1))
        let spanned = max(1.0, Double(span.newest - sample.oldest + 1) * density)
        return min(documentCount, Int((Double(sample.count) * Double(documentCount) / spanned).rounded()))
    }
}
