import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The first phase over kb's own posting lists against FTS5 ranking every match by BM25: same tickets, same scores,
/// same order, for random queries mixing common and rare words, synonyms of several words and both modes.
@Suite struct TicketPostingsRankerTests {
    @Test(arguments: [(seed: UInt64(3), count: 900, reversed: false), (seed: 4, count: 2_000, reversed: true)])
    func postingsTopKEqualsFTS5EveryMatchScored(seed: UInt64, count: Int, reversed: Bool) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: count, reversed: reversed)
        defer { try? store.close() }
        // "contraseña" brings its synonyms, one of several words ("inicio de sesión"), which FTS5 reads as a phrase.
        let phrases = ["contraseña", "contraseña caducada", "clave de acceso", "contraseña", "06:40"]
        let words = try PrunedRankingPropertyTests.vocabulary(store)
        var random = PrunedRankingPropertyTests.SeededGenerator(state: seed)
        var answered = 0
        var estimated = 0
        for index in 0..<200 {
            let length = Int.random(in: 1...6, using: &random)
            var query = (0..<length).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            if index % 2 == 0 { query += " " + phrases.randomElement(using: &random)! }
            let mode: QueryMode = index % 5 == 4 ? .all : .any
            var filters = SearchFilters()
            filters.limit = [1, 10, 100].randomElement(using: &random)!
            guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
            let terms = try engine.rankedTerms(match)
            let every = try engine.firstPhase(match, terms: terms, filters: filters, exhaustive: true)
            let postings = try #require(try engine.postingsFirstPhase(match, terms: terms, filters: filters), "'\(query)'")
            #expect(postings.map(\.rowid) == every.map(\.rowid), "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)")
            #expect(postings.map(\.score) == every.map(\.score), "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)")
            answered += 1
            if match.phrases.contains(where: { PhraseLocator.queryTerms($0.text, tokenizer: store.tokenizer).count > 1 }) { estimated += 1 }
        }
        #expect(answered >= 150)
        #expect(estimated >= 40)
    }

    /// Prefixes and filters are left to FTS5 (nil), which the search then uses.
    @Test func prefixesAndFiltersAreLeftToFTS5() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 200)
        defer { try? store.close() }
        let prefix = try #require(try engine.ticketMatch(for: "contra", mode: .prefix))
        #expect(try engine.postingsFirstPhase(prefix, terms: try engine.rankedTerms(prefix), filters: SearchFilters()) == nil)
        let plain = try #require(try engine.ticketMatch(for: "portal lento"))
        var filters = SearchFilters()
        filters.statuses = ["closed"]
        #expect(try engine.postingsFirstPhase(plain, terms: try engine.rankedTerms(plain), filters: filters) == nil)
        #expect(try engine.postingsFirstPhase(plain, terms: try engine.rankedTerms(plain), filters: SearchFilters()) != nil)
    }
}
