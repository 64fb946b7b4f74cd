import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A ticket whose whole title a query holds is scored whatever its rank by BM25 alone (`SearchEngine.titledTickets`,
/// found through `tickets.title_key`): looked up by its subject, an old ticket is found even when more than the
/// first phase's window of tickets repeat the query's words more often.
@Suite struct TitledTicketTests {
    static let title = "No recibimos llamadas desde las 20:19"
    static let filler = Array(repeating: "factura mensual con importes duplicados en resumen contable", count: 12).joined(separator: " ")

    /// A store where `T-1`, titled `title`, has a long description of other words (BM25 normalises its matches away),
    /// and more tickets than the first phase hands the second hold the query's words in short texts: `crowd` repeat
    /// "llamadas", as many others hold "las 20:19".
    static func makeStore(_ directory: TemporaryDirectory, crowd: Int = SearchEngine.rescoreWindow + 30,
                          extra: (Store) throws -> Void = { _ in }) throws -> (Store, SearchEngine) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        try store.connection.transaction {
            try store.upsert(TicketTitleMatchTests.ticket("T-1", title: title, description: filler))
            for index in 0..<crowd {
                try store.upsert(TicketTitleMatchTests.ticket("T-\(1000 + index)", title: "Llamadas sin grabar",
                                                              description: "recibimos llamadas perdidas, llamadas cortadas"))
            }
            for index in 0..<300 {
                try store.upsert(TicketTitleMatchTests.ticket("T-\(5000 + index)", title: "El portal no carga",
                                                              description: index < crowd ? "Pantalla en blanco a las 20:19" : "Pantalla en blanco"))
            }
            try extra(store)
        }
        return (store, try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!)))
    }

    static func filters(limit: Int = 10) -> SearchFilters {
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = limit
        return filters
    }

    /// The rowid of the ticket with `id`.
    static func rowid(_ id: String, in store: Store) throws -> Int64 {
        try #require(try store.connection.cached("SELECT rowid FROM tickets WHERE id = ?").first([id]) { $0.int64(0) })
    }

    @Test(arguments: [title, "El cliente dice: \(title)", "\(title), los agentes esperan"])
    func titledTicketBeyondTheWindowIsFound(query: String) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        let match = try #require(try engine.ticketMatch(for: query))
        let window = try engine.firstPhase(match, terms: try engine.rankedTerms(match),
                                           filters: Self.filters(limit: SearchEngine.rescoreWindow), exhaustive: true)
        // The setting: by BM25 alone the ticket is not among those the second phase rescores.
        #expect(try !window.map(\.rowid).contains(Self.rowid("T-1", in: store)))
        let results = try engine.searchTickets(match: match, filters: Self.filters(), snippets: false)
        #expect(results.first?.id == "T-1", "\(results.map { "\($0.id) \($0.score)" })")
        let every = try engine.searchTickets(match: match, filters: Self.filters(), snippets: false, exhaustive: true)
        #expect(results.map(\.id) == every.map(\.id) && results.map(\.score) == every.map(\.score))
    }

    /// Only a whole title counts: a query holding part of it, or its words in another order, does not bring the ticket.
    @Test(arguments: ["recibimos llamadas desde las 20:19", "No recibimos llamadas desde las 19:20",
                      "las 20:19 desde llamadas recibimos no"])
    func partOfTheTitleDoesNotBringTheTicket(query: String) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        let match = try #require(try engine.ticketMatch(for: query))
        let results = try engine.searchTickets(match: match, filters: Self.filters(), snippets: false)
        #expect(!results.contains { $0.id == "T-1" }, "\(results.map(\.id))")
    }

    /// The filters and the query's mode hold for titled tickets as for every other: a ticket outside the filters, or
    /// lacking a word every result must hold, is not listed.
    @Test func filtersAndModeApplyToTitledTickets() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        var filters = Self.filters()
        filters.statuses = ["open"]
        let match = try #require(try engine.ticketMatch(for: Self.title))
        #expect(try engine.searchTickets(match: match, filters: filters, snippets: false).allSatisfy { $0.id != "T-1" })
        filters.statuses = ["closed"]
        #expect(try engine.searchTickets(match: match, filters: filters, snippets: false).first?.id == "T-1")
        let all = try #require(try engine.ticketMatch(for: Self.title + " grabadora", mode: .all))
        #expect(try engine.searchTickets(match: all, filters: Self.filters(), snippets: false).allSatisfy { $0.id != "T-1" })
    }

    /// What the second phase's pruning relies on (`SearchEngine.rank`): when the keys of the query's runs are complete, a
    /// ticket whose title key is not among them gains nothing from its title, so it is rescored only if proximity alone
    /// could lift it; every ticket that gains has its key among them. The gain depends on the title alone: one ticket
    /// of each title is scored.
    @Test func ticketOutsideTheRunKeysGainsNoTitleMatch() throws {
        let directory = try TemporaryDirectory()
        let titles = ["No recibimos llamadas", "Llamadas", "Portal", "El portal no carga hoy", "las 20:19", "20:19 las",
                      "Sin grabar llamadas"]
        let (store, engine) = try Self.makeStore(directory, crowd: 3) { store in
            for (index, title) in titles.enumerated() {
                try store.upsert(TicketTitleMatchTests.ticket("T-\(7000 + index)", title: title, description: "Otro caso"))
            }
        }
        defer { try? store.close() }
        let rows = try store.connection.prepare("SELECT min(rowid), id FROM tickets GROUP BY title_key ORDER BY 1")
            .map { ($0.int64(0), $0.text(1)) }
        #expect(rows.count == titles.count + 3)
        // (query, how many of the titles it holds whole)
        for (query, holds) in [(Self.title, 4), ("El cliente dice: \(Self.title)", 4), ("Llamadas sin grabar", 2),
                               ("hoy llamadas sin grabar otra vez", 2), ("las 20:19", 1), ("El portal no carga", 2),
                               ("portal no", 1), ("no carga", 0)] {
            let match = try #require(try engine.ticketMatch(for: query))
            let idf = try engine.rankedTerms(match).map(\.idf)
            let with = TicketTitleMatchTests.rescorer(match, idf: idf, store: store, titleMatchWeight: 1)
            let without = TicketTitleMatchTests.rescorer(match, idf: idf, store: store, titleMatchWeight: 0)
            let runs = with.titleKeys(languages: try store.ticketLanguages(), longest: SearchEngine.longestTitleRun,
                                      starts: SearchEngine.titleRunStarts)
            #expect(runs.complete)
            var gaining = 0
            for (rowid, id) in rows {
                let columns = try #require(try store.ticket(id: id)).searchTexts.map { Array($0.utf8) }
                let gain = with.score(columns: columns, language: .spanish) - without.score(columns: columns, language: .spanish)
                let key = try store.titleKey(rowid: rowid)
                if gain > 0 {
                    gaining += 1
                    #expect(key.map(runs.keys.contains) == true, "'\(query)': \(id) gains but its key is not a run's")
                } else if let key {
                    #expect(!runs.keys.contains(key), "'\(query)': \(id) gains nothing but its key is a run's")
                }
            }
            #expect(gaining == holds, "'\(query)'")
        }
    }

    /// A query longer than the longest run looked up may hold a title whose key was not computed: the keys are not
    /// complete, and the second phase keeps the title's bound for every ticket.
    @Test func longQueryLeavesTheRunKeysIncomplete() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory, crowd: 1)
        defer { try? store.close() }
        let long = Array(repeating: "llamadas", count: SearchEngine.longestTitleRun + 1).joined(separator: " ")
        for (query, complete) in [(Self.title, true), (long, false)] {
            let match = try #require(try engine.ticketMatch(for: query))
            let idf = try engine.rankedTerms(match).map(\.idf)
            let rescorer = TicketTitleMatchTests.rescorer(match, idf: idf, store: store, titleMatchWeight: 1)
            #expect(rescorer.titleKeys(languages: [.spanish], longest: SearchEngine.longestTitleRun,
                                       starts: SearchEngine.titleRunStarts).complete == complete)
        }
    }

    /// A title more tickets carry than `titledTicketLimit` names none of them: its tickets are not looked up by it.
    @Test func titleOfManyTicketsIsNotLookedUp() throws {
        let directory = try TemporaryDirectory()
        let (store, _) = try Self.makeStore(directory) { store in
            for index in 0..<SearchEngine.titledTicketLimit {
                try store.upsert(TicketTitleMatchTests.ticket("T-\(9000 + index)", title: Self.title, description: "Otro caso \(index)"))
            }
        }
        defer { try? store.close() }
        let key = try #require(try store.connection.cached("SELECT title_key FROM tickets WHERE id = 'T-1'").first { $0.int64(0) })
        #expect(try store.tickets(titleKey: key, limit: SearchEngine.titledTicketLimit) == nil)
        #expect(try store.tickets(titleKey: key, limit: SearchEngine.titledTicketLimit + 1)?.count == SearchEngine.titledTicketLimit + 1)
    }

    /// The key follows the title: replaced, the new title finds the ticket and the old one no longer does; every key is
    /// the title's analysed terms in the ticket's language.
    @Test func keyFollowsTheTitle() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        _ = try store.connection.transaction {
            try store.upsert(TicketTitleMatchTests.ticket("T-1", title: "Cola de soporte sin agentes a las 20:19",
                                                          description: "Otra descripción, tan larga como la primera " + Self.filler))
        }
        let find = { (query: String) throws -> [String] in
            let match = try #require(try engine.ticketMatch(for: query))
            return try engine.searchTickets(match: match, filters: Self.filters(), snippets: false).map(\.id)
        }
        #expect(try find("Cola de soporte sin agentes a las 20:19").first == "T-1")
        #expect(try !find(Self.title).contains("T-1"))
        try Self.expectKeysMatchTitles(store)
    }

    /// Every stored ticket's key is its title's (`TitleKey.of`), analysed in the ticket's language.
    static func expectKeysMatchTitles(_ store: Store) throws {
        let rows = try store.connection.prepare("SELECT language, packed, title_key FROM tickets").map { row in
            (row.optionalText(0), try row.withBlob(1) { try Store.indexedText(packed: $0, columns: false).title }, row.isNull(2) ? nil : row.int64(2))
        }
        #expect(!rows.isEmpty)
        for (stored, title, key) in rows {
            let language = stored.flatMap(Language.init(rawValue:)) ?? store.tokenizer.language
            let expected = Self.key(of: title, language: language, source: store.tokenizer.source(for: language))
            #expect(key == expected, "\(title)")
        }
    }

    /// A title's key is a run of the query's keys wherever the title sits in the query, and only in its language.
    @Test func runsHoldEveryTitleTheQueryHolds() throws {
        let source = Store.defaultTermSources[.spanish]!
        let terms = QueryBuilder.terms(in: "Hoy no recibimos llamadas desde ayer", source: source)
        let key = Self.key(of: "recibimos llamadas", language: .spanish, source: source)
        #expect(TitleKey.runs(of: terms, language: .spanish, longest: 32).contains(try #require(key)))
        #expect(!TitleKey.runs(of: terms, language: .english, longest: 32).contains(try #require(key)))
        #expect(!TitleKey.runs(of: terms, language: .spanish, longest: 1).contains(try #require(key)))
        #expect(TitleKey.runs(of: terms, language: .spanish, longest: 32).count == terms.count * (terms.count + 1) / 2)
        // Runs start within the first `starts` terms only: a pasted message costs a bounded number of lookups.
        #expect(!TitleKey.runs(of: terms, language: .spanish, longest: 32, starts: 2).contains(try #require(key)))
        #expect(TitleKey.runs(of: terms, language: .spanish, longest: 32, starts: 3).contains(try #require(key)))
        let long = (0..<5_000).map { "palabra\($0)" }
        #expect(TitleKey.runs(of: long, language: .spanish, longest: 32, starts: 64).count == 64 * 32)
        #expect(Self.key(of: " ¿? ", language: .spanish, source: source) == nil)
    }

    /// The key of a ticket titled `title`, its title analysed by `language`'s term source.
    static func key(of title: String, language: Language, source: TermSource) -> Int64? {
        TitleKey.of(PreparedTerms(texts: [title], language: language, source: source))
    }
}
