import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// kb's posting lists answer a MATCH expression as FTS5 does: the same tickets, highest rowid first, for random queries
/// in every mode, with synonyms of several words, spellings in another language, prefixes and phrases.
@Suite struct TicketMatcherTests {
    /// A store of Spanish and English tickets, and a query builder that also looks words up in English and expands
    /// "contraseña" and "portal" to synonyms of several words.
    static func makeStore(_ directory: TemporaryDirectory, count: Int) throws -> (Store, QueryBuilder) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path, language: .spanish)
        let lines = TicketPostingsTests.lines(count: count)
        _ = try TicketPostingsTests.importLines(lines, into: store, in: directory)
        try FullTextOracle.build(store)
        let builder = QueryBuilder(termSource: Store.defaultTermSources[.spanish]!, synonyms: { term in
            switch term {
            case "contrasen": ["clave", "inicio de sesión"]
            case "portal": ["sitio web", "the reporting website"]
            default: []
            }
        }, otherLanguages: [.english: Store.defaultTermSources[.english]!])
        return (store, builder)
    }

    /// FTS5's matches of `match` (`FullTextOracle`, built beforehand), highest rowid first.
    static func fullTextMatches(_ store: Store, _ match: MatchExpression) throws -> [Int64] {
        try store.connection.prepare("SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC")
            .map([match.text]) { $0.int64(0) }
    }

    static func matches(_ store: Store, _ match: MatchExpression, atMost bound: Int64 = .max) throws -> [Int64] {
        var matcher = try TicketMatcher(match: match, store: store)
        var rowids: [Int64] = []
        while let rowid = try matcher.next(atMost: bound) { rowids.append(rowid) }
        return rowids
    }

    @Test(arguments: [QueryMode.any, .all, .phrase, .prefix])
    func matchesWhatFullTextIndexMatches(mode: QueryMode) throws {
        let directory = try TemporaryDirectory()
        let (store, builder) = try Self.makeStore(directory, count: 1_500)
        defer { try? store.close() }
        let words = try PrunedRankingPropertyTests.vocabulary(store) + ["portal", "website", "log", "billing"]
        let phrases = ["contraseña", "inicio de sesión", "keeps failing", "the customer cannot", "se reinició", "billing workers", "portal"]
        var random = PrunedRankingPropertyTests.SeededGenerator(state: 17)
        var matched = 0
        var verified = 0
        for index in 0..<120 {
            let length = Int.random(in: 1...(mode == .phrase ? 3 : 4), using: &random)
            var query = (0..<length).map { _ in words.randomElement(using: &random)! }.joined(separator: " ")
            if index % 2 == 0 { query = phrases.randomElement(using: &random)! + (index % 4 == 0 ? "" : " " + query) }
            if mode == .prefix { query = query.split(separator: " ").map { String($0.prefix(Int.random(in: 2...5, using: &random))) }.joined(separator: " ") }
            guard let match = builder.match(words: builder.words(in: query), mode: mode) else { continue }
            let expected = try Self.fullTextMatches(store, match)
            let found = try Self.matches(store, match)
            #expect(found == expected, "\(mode) '\(query)' \(match.text): \(found.count) against FTS5's \(expected.count)")
            // Resumed from a bound inside the list, the rest of it.
            if expected.count > 2 {
                let bound = expected[expected.count / 2] - 1
                #expect(try Self.matches(store, match, atMost: bound) == expected.filter { $0 <= bound }, "\(mode) '\(query)' from \(bound)")
            }
            var matcher = try TicketMatcher(match: match, store: store)
            #expect(try matcher.count() == expected.count)
            if !expected.isEmpty { matched += 1 }
            if match.phrases.contains(where: { PhraseLocator.queryTerms($0.text, tokenizer: store.tokenizer).count > 1 }) { verified += 1 }
        }
        #expect(matched >= 40)
        // Phrases of several words: in phrase mode the query itself, otherwise the synonyms of "contraseña" and "portal".
        if mode != .prefix { #expect(verified >= (mode == .phrase ? 60 : 10)) }
    }

    /// Expressions the builder rarely makes: a prefix phrase of several words, a prefix standing for many index terms, a
    /// phrase without any term, a word found nowhere, and a phrase whose words are all there but never in a row.
    @Test(arguments: [
        #""inicio de ses" *"#, #""c" *"#, #""re" * OR "billing""#, #""¿?" OR "portal""#, #""zzzqqq""#,
        #""billing the""#, #""reset the password""#, #""the" AND "billing" AND "keeps failing""#,
    ])
    func unusualExpressions(text: String) throws {
        let directory = try TemporaryDirectory()
        let (store, _) = try Self.makeStore(directory, count: 400)
        defer { try? store.close() }
        var phrases: [MatchExpression.Phrase] = []
        var term = 0
        var anyTerm = true
        for part in text.components(separatedBy: " OR ").flatMap({ $0.components(separatedBy: " AND ") }) {
            let quoted = part.split(separator: "\"", omittingEmptySubsequences: false)
            phrases.append(.init(text: String(quoted[1]), isPrefix: part.hasSuffix("*"), term: term))
            term += 1
        }
        if text.contains(" AND ") { anyTerm = false }
        var match = MatchExpression(text: text, phrases: phrases)
        match.matchesAnyTerm = anyTerm
        let expected = try Self.fullTextMatches(store, match)
        #expect(try Self.matches(store, match) == expected, "\(text): FTS5 \(expected.count)")
    }

    /// A phrase is checked against the ticket's own text: tickets holding its words apart are not listed, and the
    /// check reads only the tickets holding all its words.
    @Test func phraseOfSeveralWordsNeedsThemInARow() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.storeOfScatteredWords(directory)
        defer { try? store.close() }
        try FullTextOracle.build(store)
        #expect(try Self.matches(store, Self.fueraDeServicio) == [3, 1])
        #expect(try Self.fullTextMatches(store, Self.fueraDeServicio) == [3, 1])
    }

    static let fueraDeServicio = MatchExpression(text: #""fuera de servicio""#, phrases: [.init(text: "fuera de servicio", isPrefix: false)])

    /// Five tickets holding "fuera", "de" and "servicio" but the phrase in 1 and 3 only (4 lacks "servicio").
    static func storeOfScatteredWords(_ directory: TemporaryDirectory) throws -> Store {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path, language: .spanish)
        let lines = [
            TicketFixtures.line(id: "T-1", title: "Fuera de servicio la central"),
            TicketFixtures.line(id: "T-2", title: "El servicio quedó fuera de la red"),
            TicketFixtures.line(id: "T-3", title: "Servicio normal", extra: #""resolution":"Estaba fuera de servicio""#),
            TicketFixtures.line(id: "T-4", title: "Fuera de horario"),
            TicketFixtures.line(id: "T-5", title: "Servicio caído", extra: #""resolution":"Se reinició, fuera de plazo""#),
        ]
        _ = try TicketPostingsTests.importLines(lines, into: store, in: directory)
        return store
    }

    /// A matcher allowed `textChecks` texts reads no more: it lists the matches found with them and then stops at the
    /// candidate whose text would be one too many, having examined every candidate above it.
    @Test(arguments: [0, 1, 2])
    func textChecksAreBounded(allowed: Int) throws {
        let directory = try TemporaryDirectory()
        let store = try Self.storeOfScatteredWords(directory)
        defer { try? store.close() }
        var matcher = try TicketMatcher(match: Self.fueraDeServicio, store: store, textChecks: allowed)
        // Candidates (tickets holding all three words), newest first: 5 (no), 3 (yes), 2 (no), 1 (yes).
        let candidates: [Int64] = [5, 3, 2, 1]
        var found: [Int64] = []
        var stoppedAt: Int64?
        do {
            while let rowid = try matcher.next() { found.append(rowid) }
        } catch let stop as TicketMatcher.TextChecksExhausted {
            stoppedAt = stop.rowid
        }
        #expect(stoppedAt == candidates[allowed])
        #expect(found == [3].filter { candidates.prefix(allowed).contains($0) })
    }
}
