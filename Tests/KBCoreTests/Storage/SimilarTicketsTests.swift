import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Reviews' similar-ticket reads over kb's posting lists give what FTS5 gave: the same counts, and BM25 with column
/// weights (`bm25()` of `tickets_fts`) to the last bits, scored from the tickets' text.
@Suite struct SimilarTicketsTests {
    static let weights = IncidentHistoryFinder.weights

    @Test(arguments: [QueryMode.any, .all])
    func countsAndScoresAreFullTextIndexes(mode: QueryMode) throws {
        let directory = try TemporaryDirectory()
        let (store, builder) = try TicketMatcherTests.makeStore(directory, count: 1_400)
        defer { try? store.close() }
        let words = try PrunedRankingPropertyTests.vocabulary(store) + ["portal", "billing", "website"]
        var random = PrunedRankingPropertyTests.SeededGenerator(state: 5)
        let weightList = Self.weights.map { "\($0)" }.joined(separator: ", ")
        var scored = 0
        for round in 0..<40 {
            let query = (0..<Int.random(in: 1...(mode == .all ? 2 : 5), using: &random)).map { _ in words.randomElement(using: &random)! }
            var match = try #require(builder.match(words: builder.words(in: query.joined(separator: " ")), mode: mode,
                                                   expandSynonyms: false, acrossLanguages: false))
            if round % 8 == 7 {
                // A phrase of several words among them: its counts are in no one list, so every match is scored from its text.
                let phrases = match.phrases + [MatchExpression.Phrase(text: "billing workers", isPrefix: false, term: match.phrases.count)]
                match = MatchExpression(text: match.text + (mode == .all ? " AND " : " OR ") + #""billing workers""#, phrases: phrases,
                                        matchesAnyTerm: mode == .any)
            }
            let hits = try store.connection.prepare("""
                SELECT rowid, -bm25(tickets_fts, \(weightList)) FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC
                """).map([match.text]) { (rowid: $0.int64(0), score: $0.double(1)) }
            #expect(try store.ticketMatchCount(match, limit: 25) == min(25, hits.count), "\(match.text)")
            if let middle = hits.dropFirst(hits.count / 2).first {
                #expect(try store.ticketMatchCount(match, before: middle.rowid, limit: .max) == hits.count { $0.rowid < middle.rowid })
            }
            for hit in hits.prefix(60) {
                let score = try #require(try store.ticketScore(match, rowID: hit.rowid, weights: Self.weights))
                #expect(abs(score - hit.score) <= 1e-12 * max(1, abs(hit.score)), "\(match.text) rowid \(hit.rowid): \(score) against \(hit.score)")
                scored += 1
            }
            // The best matches: FTS5's order (equal scores, newest first), then closed ones only.
            let best = try store.bestClosedMatches(match, weights: Self.weights, limit: 30, excluding: "",
                                                   createdBefore: Timestamp(seconds: .max))
            let expected = try store.connection.prepare("""
                SELECT t.id FROM (SELECT rowid, bm25(tickets_fts, \(weightList)) AS score FROM tickets_fts
                                  WHERE tickets_fts MATCH ? ORDER BY score, rowid DESC LIMIT 30) AS hits
                JOIN tickets t ON t.rowid = hits.rowid WHERE t.status = 'closed' ORDER BY hits.score, hits.rowid DESC
                """).map([match.text]) { $0.text(0) }
            #expect(best.map(\.id) == expected, "\(match.text)")
            let latest = try store.latestClosedMatches(match, before: nil, limit: 30, excluding: "", createdBefore: Timestamp(seconds: .max))
            let expectedLatest = try store.connection.prepare("""
                SELECT t.id FROM (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC LIMIT 30) AS hits
                JOIN tickets t ON t.rowid = hits.rowid WHERE t.status = 'closed' ORDER BY hits.rowid DESC
                """).map([match.text]) { $0.text(0) }
            #expect(latest.map(\.id) == expectedLatest, "\(match.text)")
        }
        #expect(scored >= 200)
    }

    /// A ticket that holds none of the phrases has no score; one that is not stored neither.
    @Test func ticketsWithoutThePhrasesHaveNoScore() throws {
        let directory = try TemporaryDirectory()
        let (store, builder) = try TicketMatcherTests.makeStore(directory, count: 50)
        defer { try? store.close() }
        let word = try #require(try PrunedRankingPropertyTests.vocabulary(store).first)
        let match = try #require(builder.match(words: builder.words(in: word), mode: .any, expandSynonyms: false,
                                               acrossLanguages: false))
        let holders = try TicketMatcherTests.matches(store, match)
        let other = try #require(try store.connection.prepare("SELECT rowid FROM tickets ORDER BY rowid").map { $0.int64(0) }
            .first { !holders.contains($0) })
        #expect(try store.ticketScore(match, rowID: other, weights: Self.weights) == nil)
        #expect(try store.ticketScore(match, rowID: 1_000_000, weights: Self.weights) == nil)
        #expect(try store.ticketScore(match, rowID: try #require(holders.first), weights: Self.weights) != nil)
    }
}
