import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// The second phase of ticket ranking against FTS5: the score `TicketRescorer` computes from a ticket's text is the one
/// `kb_rank` with proximity gives its row, to the last bit, and the two phases keep the first phase's exactness.
@Suite struct TicketRescorerTests {
    static let queries = SearchRankingTests.queries + [
        "portal lento", "sin servicio en las llamadas", "contraseña", "cortes de audio en llamadas salientes",
        "el cliente no puede iniciar sesión en el portal", "webc*",
    ]

    @Test(arguments: [QueryMode.any, .all, .phrase, .prefix])
    func rescoredScoresEqualKbRankWithProximity(mode: QueryMode) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 600)
        defer { try? store.close() }
        let totals = try store.ticketIndexTotals()
        #expect(totals.rows == 600)
        let texts = try store.connection.prepare("SELECT packed, language FROM tickets WHERE rowid = ?")
        var compared = 0
        for query in Self.queries {
            guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
            let terms = try engine.rankedTerms(match)
            let rescorer = TicketRescorer(match: match, idf: terms.map(\.idf), tokenizer: store.tokenizer,
                                          columnWeights: [1.5, 1, 1, 1, 1],
                                          averageLength: Double(totals.tokens) / Double(totals.rows),
                                          proximityWeight: SearchEngine.proximityWeight)
            let rows = try store.connection.prepare("""
                SELECT rowid, kb_rank(tickets_fts, '\(SearchEngine.ticketWeights)', ?, \(SearchEngine.proximityWeight), ?)
                FROM tickets_fts WHERE tickets_fts MATCH ?
                """).map([match.phrases.map { String(terms[$0.term].idf) }.joined(separator: " "),
                          match.phrases.map { String($0.term) }.joined(separator: " "), match.text]) { ($0.int64(0), $0.double(1)) }
            for (rowid, expected) in rows {
                let score = try texts.first([rowid]) { row in
                    let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                    return rescorer.score(columns: columns, language: row.optionalText(1).flatMap(Language.init(rawValue:)))
                }
                #expect(score == expected, "'\(query)' \(mode) row \(rowid)")
                compared += 1
            }
        }
        #expect(compared > 100)
    }

    /// The second phase stops rescoring once no ticket left can enter; what it returns is what rescoring the whole
    /// window and sorting it gives.
    @Test(arguments: [1, 3, 10, 40])
    func stoppingEarlyEqualsRescoringTheWholeWindow(limit: Int) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_200)
        defer { try? store.close() }
        let totals = try store.ticketIndexTotals()
        let texts = try store.connection.prepare("SELECT packed, language FROM tickets WHERE rowid = ?")
        for query in Self.queries {
            guard let match = try engine.ticketMatch(for: query) else { continue }
            let terms = try engine.rankedTerms(match)
            var window = SearchFilters()
            // As ranking hands the second phase: the window, or more when more results are asked for.
            window.limit = max(limit, SearchEngine.rescoreWindow)
            let rescorer = TicketRescorer(match: match, idf: terms.map(\.idf), tokenizer: store.tokenizer, columnWeights: [1.5, 1, 1, 1, 1],
                                          averageLength: Double(totals.tokens) / Double(totals.rows), proximityWeight: SearchEngine.proximityWeight)
            let everyOne = try engine.firstPhase(match, terms: terms, filters: window, exhaustive: true).map { candidate in
                let score = try texts.first([candidate.rowid]) { row in
                    let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                    return rescorer.score(columns: columns, language: row.optionalText(1).flatMap(Language.init(rawValue:)))
                }
                return (rowid: candidate.rowid, score: try #require(score))
            }
            let expected = everyOne.sorted { $0.score != $1.score ? $0.score > $1.score : $0.rowid > $1.rowid }.prefix(limit)
            var filters = SearchFilters()
            filters.limit = limit
            let ranked = try engine.rank(match, filters: filters, exhaustive: false)
            #expect(ranked.map(\.rowid) == expected.map(\.rowid), "'\(query)' limit \(limit)")
            #expect(ranked.map(\.score) == expected.map(\.score), "'\(query)' limit \(limit)")
        }
    }

    /// The first phase alone: pruned BM25 top-k equals BM25 over every match, for windows larger than what is shown.
    @Test(arguments: [1, 10, 100])
    func firstPhaseEqualsEveryMatchScored(limit: Int) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try SearchRankingTests.makeStore(directory, count: 1_500, reversed: true)
        defer { try? store.close() }
        var filters = SearchFilters()
        filters.limit = limit
        for query in Self.queries {
            guard let match = try engine.ticketMatch(for: query) else { continue }
            let terms = try engine.rankedTerms(match)
            let pruned = try engine.firstPhase(match, terms: terms, filters: filters, exhaustive: false)
            let every = try engine.firstPhase(match, terms: terms, filters: filters, exhaustive: true)
            #expect(pruned.map(\.rowid) == every.map(\.rowid), "'\(query)' limit \(limit)")
            #expect(pruned.map(\.score) == every.map(\.score), "'\(query)' limit \(limit)")
        }
    }

    /// What search shows is the window's best by full score: a ticket whose words stand together outranks a slightly
    /// shorter one that holds the same words apart, which BM25 alone ranks first.
    @Test func proximityReordersTheWindow() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        try store.write {
            for index in 0..<20 {
                try store.upsert(DocumentLanguageTests.ticket("F-\(index)", "Consulta \(index)", "Pregunta sobre telefonía y reportes mensuales."))
            }
            try store.upsert(DocumentLanguageTests.ticket("T-1", "Aviso", "Portal caído, factura pendiente, sistema lento."))
            try store.upsert(DocumentLanguageTests.ticket("T-2", "Aviso", "Portal lento con factura, revisar hoy mismo."))
        }
        let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!))
        let match = try #require(try engine.ticketMatch(for: "portal lento factura"))
        var filters = SearchFilters()
        filters.limit = 2
        let bm25 = try engine.firstPhase(match, terms: try engine.rankedTerms(match), filters: filters, exhaustive: true)
        let ids = try store.connection.prepare("SELECT id FROM tickets WHERE rowid = ?")
        #expect(try bm25.map { hit in try ids.first([hit.rowid]) { $0.text(0) } } == ["T-1", "T-2"])
        #expect(try engine.searchTickets(match: match, filters: filters, snippets: false).map(\.id) == ["T-2", "T-1"])
    }

    /// English tickets in a Spanish store are analysed in English for the second phase too.
    @Test func rescoringFollowsEachTicketsLanguage() throws {
        let directory = try TemporaryDirectory()
        let (store, workspace) = try DocumentLanguageTests.makeStore(directory)
        defer { try? store.close() }
        try FullTextOracle.build(store)
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        let totals = try store.ticketIndexTotals()
        for query in ["cancel subscription", "cancelar plan", "refund order cancelled", "portal lento"] {
            let match = try #require(try engine.ticketMatch(for: query))
            let terms = try engine.rankedTerms(match)
            let rescorer = TicketRescorer(match: match, idf: terms.map(\.idf), tokenizer: store.tokenizer, columnWeights: [1.5, 1, 1, 1, 1],
                                          averageLength: Double(totals.tokens) / Double(totals.rows), proximityWeight: SearchEngine.proximityWeight)
            let rows = try store.connection.prepare("""
                SELECT t.packed, t.language, kb_rank(tickets_fts, '\(SearchEngine.ticketWeights)', ?, \(SearchEngine.proximityWeight), ?)
                FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid WHERE tickets_fts MATCH ?
                """).map([match.phrases.map { String(terms[$0.term].idf) }.joined(separator: " "),
                          match.phrases.map { String($0.term) }.joined(separator: " "), match.text]) { row in
                let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                return (rescorer.score(columns: columns, language: row.optionalText(1).flatMap(Language.init(rawValue:))), row.double(2))
            }
            #expect(!rows.isEmpty, "'\(query)'")
            for (score, expected) in rows { #expect(score == expected, "'\(query)'") }
        }
    }
}
