import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Pruned top-k ranking against scoring every match, on random queries over generated stores: any difference in
/// ids, order or scores is a pruning bug (ties are broken by rowid, so both orders are deterministic).
@Suite struct PrunedRankingPropertyTests {
    /// A deterministic generator (SplitMix64), so a failure names a reproducible query.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var value = state
            value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
            value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
            return value ^ (value >> 31)
        }
    }

    /// Words of the store's own text (titles and descriptions), so random queries mix common and rare terms, plus
    /// the words with synonyms (a group of one word and a multi-word phrase).
    static func vocabulary(_ store: Store) throws -> [String] {
        let texts = try store.connection.prepare("SELECT packed FROM tickets ORDER BY rowid").map { row in
            let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
            return String(decoding: columns[0], as: UTF8.self) + " " + String(decoding: columns[1], as: UTF8.self)
        }
        var words = Set<String>()
        for text in texts {
            for word in text.split(whereSeparator: { !$0.isLetter && !$0.isNumber }) where word.count > 2 {
                words.insert(String(word))
            }
        }
        return words.sorted() + ["contraseña", "clave", "sesión"]
    }

    @Test(arguments: [(seed: UInt64(1), count: 800), (seed: 2, count: 2_000)])
    func prunedTopKEqualsEveryMatchScored(seed: UInt64, count: Int) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: count, reversed: seed % 2 == 0)
        defer { try? store.close() }
        let words = try Self.vocabulary(store)
        let statuses = try store.connection.prepare("SELECT DISTINCT status FROM tickets ORDER BY status").map { $0.text(0) }
        var random = SeededGenerator(state: seed)
        var compared = 0
        var pruned = 0
        for index in 0..<250 {
            let length = Int.random(in: 1...7, using: &random)
            let query = (0..<length).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            let mode: QueryMode = index % 5 == 4 ? .all : .any
            var filters = SearchFilters()
            filters.limit = [1, 5, 10, 10, 20, 50].randomElement(using: &random)!
            if index % 7 == 3 { filters.statuses = [statuses.randomElement(using: &random)!] }
            guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
            let fast = try engine.searchTickets(match: match, filters: filters, snippets: false)
            let every = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true)
            #expect(fast.map(\.id) == every.map(\.id), "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)")
            #expect(fast.map(\.score) == every.map(\.score), "seed \(seed) query \(index) '\(query)' \(mode) limit \(filters.limit)")
            compared += 1
            if mode == .any, match.phrases.map(\.term).max() ?? 0 > 0 { pruned += 1 }
        }
        #expect(compared >= 200)
        #expect(pruned >= 100)
    }
}
