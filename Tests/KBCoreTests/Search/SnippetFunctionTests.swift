import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// `kb_snippet`: the window is chosen from the index's match positions, and only the chosen column is tokenized.
@Suite struct SnippetFunctionTests {
    typealias Hit = SnippetFunction.Hit

    /// The window holding the most distinct phrases wins over one holding more repeats of one phrase.
    @Test func windowPrefersDistinctPhrases() {
        let hits = [
            Hit(phrase: 0, column: 1, offset: 2, size: 1), Hit(phrase: 0, column: 1, offset: 4, size: 1),
            Hit(phrase: 0, column: 1, offset: 6, size: 1), Hit(phrase: 0, column: 2, offset: 40, size: 1),
            Hit(phrase: 1, column: 2, offset: 45, size: 1),
        ]
        let window = SnippetFunction.window(hits: hits, tokens: 10)
        #expect(window.column == 2)
        // Centred: hits span 40…45 (6 tokens), 4 spare tokens, 2 before.
        #expect(window.start == 38)
    }

    @Test func windowStartsAtTheColumnStartWhenHitsAreEarly() {
        let window = SnippetFunction.window(hits: [Hit(phrase: 0, column: 0, offset: 1, size: 1)], tokens: 24)
        #expect(window == SnippetFunction.Window(column: 0, start: 0))
        #expect(SnippetFunction.window(hits: [], tokens: 24) == SnippetFunction.Window(column: 0, start: 0))
    }

    /// Highlighted runs share one pair of marks; text before the window and after it becomes "…".
    @Test func renderMarksRunsAndCuts() {
        let text = Array("uno dos tres cuatro cinco".utf8)
        let tokens: [(start: Int, end: Int, position: Int32)] = [(4, 7, 1), (8, 12, 2), (13, 19, 3)]
        let output = text.withUnsafeBufferPointer {
            SnippetFunction.render($0, tokens: tokens, highlighted: [1, 2], cutBefore: true, cutAfter: true)
        }
        #expect(String(decoding: output, as: UTF8.self) == "…\u{2}dos tres\u{3} cuatro…")
        let whole = text.withUnsafeBufferPointer {
            SnippetFunction.render($0, tokens: [(0, 3, 0), (4, 7, 1)], highlighted: [0], cutBefore: false, cutAfter: false)
        }
        #expect(String(decoding: whole, as: UTF8.self) == "\u{2}uno\u{3} dos tres cuatro cinco")
    }

    /// Through search: a match deep in a long description is shown with its neighbours, marked, and cut on both sides.
    @Test func searchShowsTheMatchInALongDescription() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let filler = Array(repeating: "texto de relleno sin nada especial", count: 30).joined(separator: " ")
        let line = TicketFixtures.line(id: "T-LONG", title: "Consulta general")
            .replacingOccurrences(of: "La pantalla queda en blanco", with: filler + " el certificado del portal expiró ayer " + filler)
        _ = try store.upsert(Ticket(json: JSONParser().parse(line)))
        let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!))
        let match = try #require(engine.builder.match(words: engine.builder.words(in: "certificado expirado"), mode: .any))
        let result = try #require(try engine.searchTickets(match: match, filters: SearchFilters()).first)
        #expect(result.snippet.hasPrefix("…"))
        #expect(result.snippet.hasSuffix("…"))
        #expect(result.snippet.contains("\u{2}certificado\u{3}"))
        #expect(result.snippet.contains("\u{2}expiró\u{3}"))
        #expect(result.snippet.contains("portal"))
    }

    /// Search places snippets from the listed tickets' analysed text (`PhraseLocator`); FTS5's own match positions
    /// (`kb_snippet`) must give the same snippets, whatever the mode, synonyms (multi-word ones too), prefixes and
    /// the tickets' languages (English ones, with apostrophes, among Spanish ones).
    @Test func snippetsMatchTheIndexPositions() throws {
        let (directory, knowledgeBase) = try SuggesterTests.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let store = try knowledgeBase.store()
        let english = [
            ("E-1", "The customer's VPN doesn't connect", "Agents can't reach the VPN since yesterday's certificate change."),
            ("E-2", "Calls dropped on the SIP trunk", "The trunk drops calls; the customer's agents can't hear callers."),
        ]
        for (id, title, description) in english {
            let line = TicketFixtures.line(id: id, title: title, extra: #""language":"en""#)
                .replacingOccurrences(of: "La pantalla queda en blanco", with: description)
            _ = try store.upsert(Ticket(json: JSONParser().parse(line)))
        }
        let engine = try SearchEngine(store: store, builder: try knowledgeBase.workspace.queryBuilder(for: store))
        try FullTextOracle.build(store)
        var filters = SearchFilters()
        filters.limit = 20
        var queries: [(String, QueryMode)] = [
            ("sin servicio", .any), ("fuera de servicio caída", .any), ("la VPN no conecta", .any), ("VPN certificado", .all),
            ("cert", .prefix), ("llam entrant", .prefix), ("troncal sip", .phrase), ("customer's VPN doesn't connect", .any),
            ("agents can't hear", .any), ("ERR-401 login", .any),
        ]
        queries += try store.tickets(TicketFilter()).prefix(40).map { ($0.title, .any) }
        var compared = 0
        for (query, mode) in queries {
            guard let match = try engine.ticketMatch(for: query, mode: mode) else { continue }
            let results = try engine.searchTickets(match: match, filters: filters)
            let reference = try FullTextOracle.snippets(store, match: match, ids: results.map(\.id))
            #expect(results.map(\.snippet) == reference, "\(query) (\(mode))")
            compared += results.count
        }
        #expect(compared > 300)
    }
}
