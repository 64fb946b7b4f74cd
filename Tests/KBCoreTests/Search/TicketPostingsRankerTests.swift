import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The first phase over kb's own posting lists against FTS5 ranking every match by BM25: same tickets, same scores,
/// same order, for random queries mixing common and rare words, synonyms of several words and both modes.
@Suite struct TicketPostingsRankerTests {
    /// Expects the posting-list first phase of `match` to give the tickets and scores FTS5 gives ranking every match, and
    /// returns FTS5's; nil when the posting lists leave the query to FTS5.
    static func compareWithEveryMatch(_ engine: SearchEngine, _ match: MatchExpression, _ filters: SearchFilters,
                                      _ context: String) throws -> [(rowid: Int64, score: Double)]? {
        let terms = try engine.rankedTerms(match)
        guard let postings = try engine.postingsFirstPhase(match, terms: terms, filters: filters) else { return nil }
        let every = try engine.firstPhase(match, terms: terms, filters: filters, exhaustive: true)
        #expect(postings.map(\.rowid) == every.map(\.rowid), "\(context)")
        #expect(postings.map(\.score) == every.map(\.score), "\(context)")
        return every
    }

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
            try #require(try Self.compareWithEveryMatch(engine, match, filters,
                                                        "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)") != nil)
            answered += 1
            if match.phrases.contains(where: { PhraseLocator.queryTerms($0.text, tokenizer: store.tokenizer).count > 1 }) { estimated += 1 }
        }
        #expect(answered >= 150)
        #expect(estimated >= 40)
    }

    /// With filters (services, severities, customer, statuses, a period; tickets stored newest first, so a period's
    /// rowids are not in creation order), the posting lists keep the same tickets and scores as FTS5 joined with
    /// `tickets` ranking every match.
    @Test(arguments: [(seed: UInt64(7), reversed: false), (seed: 8, reversed: true)])
    func filteredTopKEqualsFTS5EveryMatchScored(seed: UInt64, reversed: Bool) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_200, reversed: reversed)
        defer { try? store.close() }
        func values(_ column: String) throws -> [String] {
            try store.connection.prepare("SELECT DISTINCT \(column) FROM tickets ORDER BY 1").map { $0.text(0) }
        }
        let services = try values("service"), customers = try values("customer"), statuses = try values("status")
        let times = try #require(try store.connection.prepare("SELECT min(created_at), max(created_at) FROM tickets")
            .first { ($0.int64(0), $0.int64(1)) })
        let words = try PrunedRankingPropertyTests.vocabulary(store)
        var random = PrunedRankingPropertyTests.SeededGenerator(state: seed)
        var answered = 0
        var filteredOut = 0
        for index in 0..<150 {
            let query = (0..<Int.random(in: 1...5, using: &random)).map { _ in words.randomElement(using: &random)! }
                .joined(separator: " ") + (index % 3 == 0 ? " contraseña" : "")
            var filters = SearchFilters()
            filters.limit = [1, 10, 50].randomElement(using: &random)!
            switch index % 6 {
            case 0: filters.services = Array(services.shuffled(using: &random).prefix(Int.random(in: 1...2, using: &random)))
            case 1: filters.severities = [Int.random(in: 1...5, using: &random)]
            case 2: filters.customer = customers.randomElement(using: &random)
            case 3: filters.statuses = [statuses.randomElement(using: &random)!]
            case 4:
                let start = Int64.random(in: times.0...times.1, using: &random)
                filters.since = Timestamp(seconds: start)
                filters.until = Timestamp(seconds: start + Int64.random(in: 86_400...(60 * 86_400), using: &random))
            default:
                filters.statuses = ["resolved", "closed"]
                filters.since = Timestamp(seconds: Int64.random(in: times.0...times.1, using: &random))
            }
            guard let match = try engine.ticketMatch(for: query, mode: index % 5 == 4 ? .all : .any) else { continue }
            let every = try #require(try Self.compareWithEveryMatch(engine, match, filters,
                                                                    "seed \(seed) query \(index) '\(query)' \(filters)"))
            answered += 1
            var unfiltered = SearchFilters()
            unfiltered.limit = filters.limit
            if try engine.firstPhase(match, terms: try engine.rankedTerms(match), filters: unfiltered, exhaustive: true).map(\.rowid)
                != every.map(\.rowid) {
                filteredOut += 1
            }
        }
        #expect(answered >= 120)
        // The filters changed most results: the comparison is not between two unfiltered rankings.
        #expect(filteredOut >= 90)
    }

    /// Prefix queries (each word a prefix phrase, read as a list per index term it starts) rank as FTS5 ranks them
    /// scoring every match; a prefix of more terms than `maximumPrefixTerms` is left to FTS5 (nil).
    @Test func prefixTopKEqualsFTS5EveryMatchScored() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 900)
        defer { try? store.close() }
        let words = try PrunedRankingPropertyTests.vocabulary(store).filter { $0.count >= 4 }
        var random = PrunedRankingPropertyTests.SeededGenerator(state: 11)
        var answered = 0
        var expanded = 0
        for index in 0..<120 {
            let query = (0..<Int.random(in: 1...3, using: &random)).map { _ in
                let word = words.randomElement(using: &random)!
                return String(word.prefix(Int.random(in: 3...max(3, word.count), using: &random)))
            }.joined(separator: " ")
            var filters = SearchFilters()
            filters.limit = [1, 10, 50].randomElement(using: &random)!
            if index % 4 == 0 { filters.statuses = ["closed"] }
            guard let match = try engine.ticketMatch(for: query, mode: .prefix) else { continue }
            guard try Self.compareWithEveryMatch(engine, match, filters, "query \(index) '\(query)' limit \(filters.limit)") != nil
            else { continue }
            answered += 1
            for phrase in match.phrases {
                let analysed = PhraseLocator.queryTerms(phrase.text, tokenizer: store.tokenizer)
                if analysed.count == 1, let prefix = String(validating: analysed[0], as: UTF8.self),
                   (try store.ticketPostingTerms(withPrefix: prefix, limit: 64)?.count ?? 0) > 1 { expanded += 1 }
            }
        }
        #expect(answered >= 80)
        // Prefixes standing for several index terms were among them (their lists summed).
        #expect(expanded >= 30)
        // A prefix standing for more index terms than `maximumPrefixTerms` is one merged list, ranked the same way.
        #expect(try store.ticketPostingTerms(withPrefix: "c", limit: TicketPostingsRanker.maximumPrefixTerms) == nil)
        for (query, limit) in [("c", 10), ("c", 200), ("re", 50), ("c port", 20)] {
            let broad = try #require(try engine.ticketMatch(for: query, mode: .prefix))
            var filters = SearchFilters()
            filters.limit = limit
            #expect(try Self.compareWithEveryMatch(engine, broad, filters, "prefix '\(query)' limit \(limit)") != nil)
        }
    }

    /// A prefix phrase of several words (`"inicio de ses" *`, the last word a prefix) ranks as FTS5 ranks it: the
    /// tickets holding its words, the last one's index terms merged, checked against their text.
    @Test(arguments: ["inicio de ses", "no car", "error 5", "la contr", "portal de cl"])
    func prefixPhraseOfSeveralWordsEqualsFTS5EveryMatchScored(phrase: String) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 900)
        defer { try? store.close() }
        let alone = MatchExpression(text: QueryBuilder.quote(phrase) + " *", phrases: [.init(text: phrase, isPrefix: true)])
        var withWord = MatchExpression(text: QueryBuilder.quote(phrase) + " * OR \"portal\"",
                                       phrases: [.init(text: phrase, isPrefix: true), .init(text: "portal", isPrefix: false, term: 1)])
        withWord.matchesAnyTerm = true
        var found = 0
        for match in [alone, withWord] {
            for limit in [1, 10, 100] {
                var filters = SearchFilters()
                filters.limit = limit
                let every = try #require(try Self.compareWithEveryMatch(engine, match, filters, "'\(match.text)' limit \(limit)"))
                found += every.count
            }
        }
        #expect(found > 0)
    }
}
