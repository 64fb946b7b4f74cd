import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// `SearchOrder.recent`: the matching tickets newest first, compared with a plain SQL sort of every match (FTS5 MATCH
/// + ORDER BY created_at DESC, rowid DESC) on stores whose rowid order is not their creation order.
@Suite struct RecentOrderTests {
    /// Generated tickets stored in creation order or shuffled, a third of them moved to midnight of their day so that
    /// many share a creation second (ties, broken by rowid).
    static func makeStore(_ directory: TemporaryDirectory, count: Int, shuffleSeed: UInt64?) throws -> (Store, SearchEngine) {
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: count, shuffleSeed: shuffleSeed)
        try store.connection.execute("UPDATE tickets SET created_at = created_at - created_at % 86400 WHERE rowid % 3 = 0")
        return (store, engine)
    }

    /// The reference: every match sorted by SQLite, the filters written out independently of the engine's.
    static func reference(_ store: Store, match: String, filters: SearchFilters) throws -> [String] {
        var conditions = ["tickets_fts MATCH ?"]
        var values: [any SQLBindable] = [match]
        let lists: [(column: String, values: [any SQLBindable])] = [("t.status", filters.statuses), ("t.severity", filters.severities),
                                                                    ("t.service", filters.services)]
        for list in lists where !list.values.isEmpty {
            conditions.append(list.column + " IN (" + Array(repeating: "?", count: list.values.count).joined(separator: ",") + ")")
            values += list.values
        }
        // The period as one range, open ends at the extremes.
        conditions.append("t.created_at BETWEEN ? AND ?")
        values += [filters.since?.seconds ?? Int64.min, (filters.until?.seconds).map { $0 - 1 } ?? Int64.max]
        return try store.connection.prepare("""
            SELECT t.id FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE \(conditions.joined(separator: " AND "))
            ORDER BY t.created_at DESC, t.rowid DESC LIMIT ?
            """).map(values + [filters.limit]) { $0.text(0) }
    }

    /// Random queries in every mode, limits from 1 to 1000 and random filters: the same ids in the same order as the
    /// reference, in creation order and shuffled.
    @Test(arguments: [(seed: UInt64(3), shuffled: true), (seed: 4, shuffled: false)])
    func newestFirstEqualsSortingEveryMatch(seed: UInt64, shuffled: Bool) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 1_500, shuffleSeed: shuffled ? seed : nil)
        defer { try? store.close() }
        let words = try PrunedRankingPropertyTests.vocabulary(store)
        let statuses = try store.connection.prepare("SELECT DISTINCT status FROM tickets ORDER BY status").map { $0.text(0) }
        let services = try store.connection.prepare("SELECT DISTINCT service FROM tickets WHERE service IS NOT NULL ORDER BY service")
            .map { $0.text(0) }
        let (oldest, newest) = try #require(try store.connection.prepare("SELECT min(created_at), max(created_at) FROM tickets")
            .first { ($0.int64(0), $0.int64(1)) })
        var random = SeededGenerator(seed: seed)
        var compared = 0, manyMatches = 0
        for index in 0..<200 {
            // Common single words (many matches, where reading stops early) as well as rarer combinations.
            let length = index % 3 == 0 ? 1 : Int.random(in: 1...3, using: &random)
            let query = (0..<length).map { _ in random.pick(words) }.joined(separator: " ")
            let mode = QueryMode.allCases[index % QueryMode.allCases.count]
            var filters = SearchFilters()
            filters.limit = random.pick([1, 3, 10, 10, 50, 1000])
            if index % 5 == 1 { filters.statuses = [random.pick(statuses)] }
            if index % 7 == 2 { filters.severities = [Int.random(in: 1...5, using: &random)] }
            if index % 11 == 3 { filters.services = [random.pick(services)] }
            if index % 6 == 4 {
                let cut = Int64.random(in: oldest...newest, using: &random)
                if Bool.random(using: &random) { filters.since = Timestamp(seconds: cut) } else { filters.until = Timestamp(seconds: cut) }
            }
            guard let match = engine.builder.match(words: engine.builder.words(in: query), mode: mode) else { continue }
            let found = try engine.newestTickets(match: match, filters: filters, snippets: false)
            let expected = try Self.reference(store, match: match.text, filters: filters)
            #expect(found.map(\.id) == expected, "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)")
            let times = found.compactMap { $0.createdAt?.seconds }
            #expect(times.count == found.count && times == times.sorted(by: >))
            #expect(found.allSatisfy { $0.score == 0 })
            compared += 1
            if expected.count == filters.limit, filters.limit >= 10 { manyMatches += 1 }
        }
        #expect(compared >= 150)
        #expect(manyMatches >= 20, "enough queries have more matches than the limit")
    }

    /// Tickets created at the same second: the one stored later (higher rowid) first, whatever the ids.
    @Test func tiesGoToTheTicketStoredLater() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 300, shuffleSeed: 9)
        defer { try? store.close() }
        try store.connection.execute("UPDATE tickets SET created_at = 1767225600")
        let match = try #require(engine.builder.match(words: engine.builder.words(in: "portal"), mode: .all))
        var filters = SearchFilters()
        filters.limit = 1000
        let found = try engine.newestTickets(match: match, filters: filters, snippets: false)
        let rowids = try found.map { result in
            try #require(try store.connection.prepare("SELECT rowid FROM tickets WHERE id = ?").first([result.id]) { $0.int64(0) })
        }
        #expect(found.count > 5)
        #expect(rowids == rowids.sorted(by: >))
        #expect(found.map(\.id) == (try Self.reference(store, match: match.text, filters: filters)))
    }

    /// Without a mode, `recent` requires every word (function words aside) and `relevance` any; an explicit mode wins.
    @Test func recentRequiresEveryWordUnlessAModeIsGiven() throws {
        #expect(SearchRequest(query: "x").mode == .any)
        #expect(SearchRequest(query: "x", order: .recent).mode == .all)
        #expect(SearchRequest(query: "x", mode: .any, order: .recent).mode == .any)
        #expect(SearchRequest(query: "x", mode: .phrase, order: .recent).mode == .phrase)

        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, count: 800, shuffleSeed: 5)
        defer { try? store.close() }
        var filters = SearchFilters()
        filters.limit = 1000
        let query = "portal de clientes"
        let every = try engine.search(query, mode: .all, filters: filters, order: .recent)
        let any = try engine.search(query, mode: .any, filters: filters, order: .recent)
        #expect(every.order == .recent && every.tickets.count > 0)
        #expect(any.tickets.count > every.tickets.count)
        // "de" is not required: the same list as the two content words alone, newest first.
        let content = try #require(engine.builder.match(words: engine.builder.words(in: "portal clientes"), mode: .all))
        #expect(engine.recentMatch(for: query)?.text == content.text)
        #expect(every.tickets.map(\.id) == (try Self.reference(store, match: content.text, filters: filters)))
        // Every result of the all-words list holds both words: it is the any-word list without the others.
        let both = Set(every.tickets.map(\.id))
        #expect(any.tickets.map(\.id).filter { both.contains($0) } == every.tickets.map(\.id))
        #expect(every.results.map(\.id) == every.tickets.map(\.id), "no articles in this store: results are the tickets")
    }

    /// Merged with articles, newest first: an article counts from the start (UTC) of its update day, after the
    /// tickets of that instant.
    @Test func articlesMergeByTheirUpdateDay() throws {
        func ticket(_ id: String, _ seconds: Int64) -> SearchResult {
            var result = SearchResult(type: .ticket, id: id, title: id, score: 0, status: "open", service: nil, severity: 3, snippet: "")
            result.createdAt = Timestamp(seconds: seconds)
            return result
        }
        func article(_ id: String, _ day: String) -> SearchResult {
            var result = SearchResult(type: .article, id: id, title: id, score: 0, status: "published", service: nil, severity: nil, snippet: "")
            result.updated = day
            return result
        }
        let midnight = try #require(Timestamp(day: "2026-03-02")).seconds
        let response = SearchResponse(query: "q", expression: "q",
                                      articles: [article("KB-2", "2026-03-02"), article("KB-1", "2026-03-01")],
                                      tickets: [ticket("T-3", midnight + 60), ticket("T-2", midnight), ticket("T-1", midnight - 60)],
                                      limit: 4, order: .recent)
        #expect(response.results.map(\.id) == ["T-3", "T-2", "KB-2", "T-1"])
    }
}
