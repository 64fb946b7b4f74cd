import Foundation

/// Document frequencies of index terms, for query planning and ranking.
///
/// FTS5 scores every document that matches any OR'ed term, so a term found in most tickets makes a
/// query slow while adding nothing to BM25 (its idf is clamped to almost zero). Planning drops such
/// terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
///
/// Counts come from kb's posting lists (`ticket_postings`): a word's is its blocks' counts added up, but that reads its
/// whole list (a word in 300,000 of a million tickets is 2,400 blocks), per word, per query. On stores of
/// `samplingThreshold` tickets or more the count is therefore estimated: the term's list is read from the newest
/// ticket back, `sampledMatches` postings at most, and the count is those scaled by the share of tickets they span.
/// A word with fewer matches is counted exactly. The estimate's relative error is about 1/√`sampledMatches`
/// (3% for 1,000), ±0.03 in idf = log(N/df); smaller stores stay exact. A group of phrases is counted the same way
/// over its matches (`TicketMatcher`); one holding a phrase of several words, by FTS5 (see `idf(ofGroup:)`).
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
    /// languages, its synonyms, multi-word ones too) or of a prefix: the tickets matching any of them count once, so
    /// the group weighs as one word. Counted once per engine and kept; on stores of `samplingThreshold` tickets or more
    /// estimated from a sample, as single words are.
    public func idf(ofGroup phrases: [MatchExpression.Phrase]) throws -> Double {
        let group = MatchExpression(text: QueryBuilder.either(phrases), phrases: phrases.map { phrase in
                                        var alone = phrase
                                        alone.term = 0
                                        return alone
                                    })
        let frequency: Int
        if let known = cache[group.text] {
            frequency = known
        } else if phrases.contains(where: { PhraseLocator.queryTerms($0.text, tokenizer: store.tokenizer).count > 1 }) {
            // A phrase of several words is counted by FTS5, whose positions place it: the posting lists would check the
            // text of every ticket holding its words ("caída" and its synonyms "sin servicio", "fuera de servicio" on
            // 50,000 tickets: a search of 0.73 s against 0.09).
            frequency = documentCount < samplingThreshold
                ? try store.connection.cached("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?").first([group.text]) { $0.int(0) } ?? 0
                : try fullTextEstimate(group.text)
            cache[group.text] = frequency
        } else {
            var matcher = try TicketMatcher(match: group, store: store)
            frequency = documentCount < samplingThreshold ? try matcher.count() : try estimatedFrequency(&matcher)
            cache[group.text] = frequency
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
        try store.ticketDocumentFrequency(of: term)
    }

    private func estimatedFrequency(_ word: QueryBuilder.Word) throws -> Int {
        let sample = try store.newestTicketPostings(of: word.term, limit: sampledMatches)
        return try scaled(sample)
    }

    /// The group's matches among the newest, `sampledMatches` at most, scaled as a word's postings are.
    private func estimatedFrequency(_ matcher: inout TicketMatcher) throws -> Int {
        var sample = (count: 0, oldest: Int64(0))
        while sample.count < sampledMatches, let rowid = try matcher.next() {
            sample = (sample.count + 1, rowid)
        }
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

    /// The estimate of `expression`'s matches from FTS5's newest `sampledMatches` (it walks its doclists backwards).
    private func fullTextEstimate(_ expression: String) throws -> Int {
        let sample = try store.connection.cached("""
            SELECT count(*), coalesce(min(rowid), 0) FROM
                (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT ?)
            """).first([expression, sampledMatches]) { (count: $0.int(0), oldest: $0.int64(1)) } ?? (count: 0, oldest: 0)
        return try scaled(sample)
    }

    /// The count of the newest `sample.count` matches, the lowest rowid among them `sample.oldest`: exact when there are
    /// fewer than `sampledMatches`, else scaled by the share of the store's tickets their rowids span.
    private func scaled(_ sample: (count: Int, oldest: Int64)) throws -> Int {
        guard sample.count >= sampledMatches else { return sample.count }
        let span = try rowidSpan()
        // Tickets in the sampled rowid range, assuming rowids are spread as evenly as over the whole table.
        let density = Double(documentCount) / Double(max(1, span.newest - span.first + 1))
        let spanned = max(1.0, Double(span.newest - sample.oldest + 1) * density)
        return min(documentCount, Int((Double(sample.count) * Double(documentCount) / spanned).rounded()))
    }
}
