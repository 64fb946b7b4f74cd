import Foundation

/// Document frequencies of index terms, for query planning and ranking: exact, whatever the store's size.
///
/// The ticket index keeps every term's document count (`ticket_terms`), updated in the same transaction as the
/// tickets, so a frequency is one indexed lookup and never a walk over the term's postings. Words found in most
/// tickets make a query slow while adding almost nothing to BM25 (their idf is clamped near zero), so planning
/// drops such terms and ranks the rest by tf·idf, as Lucene's MoreLikeThis does.
public final class TermStatistics {
    let store: Store
    private var cache: [String: Int] = [:]
    /// Number of tickets in the index.
    public let documentCount: Int

    public init(store: Store) throws {
        self.store = store
        self.documentCount = try store.indexedTicketCount()
    }

    /// Tickets containing `term` (an analyzed term).
    public func documentFrequency(_ term: String) throws -> Int {
        if let known = cache[term] { return known }
        let count = try store.ticketIndex.termInfo(term)?.documents ?? 0
        cache[term] = count
        return count
    }

    /// Tickets containing the word's term.
    public func documentFrequency(_ word: QueryBuilder.Word) throws -> Int {
        try documentFrequency(word.term)
    }

    /// Inverse document frequency, as BM25 computes it (never below a small positive floor).
    public func idf(_ word: QueryBuilder.Word) throws -> Double {
        try idf(word.term)
    }

    /// Inverse document frequency of an analyzed term.
    public func idf(_ term: String) throws -> Double {
        RankFunction.idf(documentFrequency: try documentFrequency(term), documentCount: max(documentCount, 1))
    }

    /// The words worth matching: those found in at most `maximumShare` of tickets (all of them when none is).
    public func selective(_ words: [QueryBuilder.Word], maximumShare: Double = 0.5) throws -> [QueryBuilder.Word] {
        guard documentCount > 0 else { return words }
        let limit = Int(Double(documentCount) * maximumShare)
        let kept = try words.filter { try documentFrequency($0) <= limit }
        return kept.isEmpty ? words : kept
    }
}
