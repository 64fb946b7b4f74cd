import Foundation

/// Document frequencies of index terms, read from the `fts5vocab` table, for query planning.
///
/// FTS5 scores every document that matches any OR'ed term, so a term found in most tickets makes a
/// query slow while adding nothing to BM25 (its idf is clamped to almost zero). Planning drops such
/// terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
public final class TermStatistics {
    let store: Store
    private var cache: [String: Int] = [:]
    /// Number of tickets in the index.
    public let documentCount: Int

    public init(store: Store) throws {
        self.store = store
        self.documentCount = try store.ticketCount()
    }

    /// Tickets containing `term` (an analyzed term).
    public func documentFrequency(_ term: String) throws -> Int {
        if let known = cache[term] { return known }
        let count = try store.connection.scalarInt("SELECT doc FROM tickets_vocab WHERE term = ?", [term])
        cache[term] = count
        return count
    }

    /// Inverse document frequency, as BM25 computes it (never below a small positive floor).
    public func idf(_ term: String) throws -> Double {
        RankFunction.idf(documentFrequency: try documentFrequency(term), documentCount: max(documentCount, 1))
    }

    /// The words worth matching: those found in at most `maximumShare` of tickets (all of them when none is).
    public func selective(_ words: [QueryBuilder.Word], maximumShare: Double = 0.5) throws -> [QueryBuilder.Word] {
        guard documentCount > 0 else { return words }
        let limit = Int(Double(documentCount) * maximumShare)
        let kept = try words.filter { try documentFrequency($0.term) <= limit }
        return kept.isEmpty ? words : kept
    }
}
