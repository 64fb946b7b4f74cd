import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A query holding a ticket's whole title, word for word and in order, finds that ticket first, even where other
/// tickets hold the same words more often (ticket ranking's second phase, `TicketRescorer.score`).
@Suite struct TicketTitleMatchTests {
    static func ticket(_ id: String, title: String, description: String, events: [String] = []) throws -> Ticket {
        var members = [
            "\"id\":\"\(id)\"", "\"title\":\"\(title)\"", "\"description\":\"\(description)\"", "\"customer\":\"Acme\"",
            "\"plan\":\"24x7\"", "\"timezone\":\"America/Bogota\"", "\"service\":\"llamadas\"", "\"severity\":2",
            "\"status\":\"closed\"", "\"channel\":\"chat\"", "\"created_at\":\"2026-03-02T09:14:00-05:00\"",
        ]
        let eventObjects = events.enumerated().map { index, text in
            "{\"at\":\"2026-03-02T09:\(20 + index):00-05:00\",\"kind\":\"comment\",\"author\":\"ana\",\"text\":\"\(text)\"}"
        }
        members.append("\"events\":[" + eventObjects.joined(separator: ",") + "]")
        return try Ticket(json: try JSONParser().parse("{" + members.joined(separator: ",") + "}"))
    }

    /// A store where the asked ticket's title ("… desde las 20:19") is its only trace of the query, while recordings
    /// tickets repeat the query's words and the time itself in their timelines (as a million tickets do).
    static func makeStore(_ directory: TemporaryDirectory) throws -> (Store, SearchEngine) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        try store.connection.transaction {
            try store.upsert(ticket("T-1", title: "No recibimos llamadas desde las 20:19",
                                    description: "Los agentes no reciben nada"))
            for index in 0..<8 {
                try store.upsert(ticket("T-\(100 + index)", title: "Falta la grabación de una llamada",
                                        description: "No recibimos la grabación de las llamadas",
                                        events: ["Llamada del +57 350 100 a las 20:19", "Recibimos otra llamada desde las 20:19",
                                                 "Llamadas recibidas desde las 19:20, no desde las 20:19"]))
            }
            for index in 0..<30 {
                try store.upsert(ticket("T-\(200 + index)", title: "El portal no carga", description: "Pantalla en blanco al entrar"))
            }
        }
        return (store, try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!)))
    }

    /// The second phase's scorer for `match` as the tests build it: the title weighed `titleMatchWeight`.
    static func rescorer(_ match: MatchExpression, idf: [Double], store: Store, titleMatchWeight: Double) -> TicketRescorer {
        TicketRescorer(match: match, idf: idf, tokenizer: store.tokenizer, columnWeights: [1.5, 1, 1, 1, 1],
                       averageLength: 10, proximityWeight: 0.5, titleMatchWeight: titleMatchWeight)
    }

    @Test(arguments: ["No recibimos llamadas desde las 20:19",
                      "No recibimos llamadas desde las 20:19 Los agentes no reciben nada"])
    func wholeTitleInTheQueryComesFirst(query: String) throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        var filters = SearchFilters()
        filters.type = .ticket
        filters.limit = 10
        let match = try #require(try engine.ticketMatch(for: query))
        let results = try engine.searchTickets(match: match, filters: filters, snippets: false)
        #expect(results.first?.id == "T-1", "\(results.map { "\($0.id) \($0.score)" })")
        // The same ranking as scoring every match.
        let every = try engine.searchTickets(match: match, filters: filters, snippets: false, exhaustive: true)
        #expect(results.map(\.id) == every.map(\.id) && results.map(\.score) == every.map(\.score))
    }

    /// Words of the title out of order, or only part of it, gain nothing from it.
    @Test func partOfTheTitleOrItsWordsReorderedGainNothing() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        let terms = { (query: String) throws -> (MatchExpression, [SearchEngine.RankedTerm]) in
            let match = try #require(try engine.ticketMatch(for: query))
            return (match, try engine.rankedTerms(match))
        }
        let columns = try #require(try store.ticket(id: "T-1")).searchTexts.map { Array($0.utf8) }
        // (query, whether the title gains, whether the query is exactly the title)
        for (query, gains, isTitle) in [("No recibimos llamadas desde las 20:19", true, true),
                                        ("Hoy no recibimos llamadas desde las 20:19 en la cola", true, false),
                                        ("No recibimos llamadas desde las 19:20", false, false),
                                        ("recibimos llamadas desde las 20:19", false, false)] {
            let (match, ranked) = try terms(query)
            let idf = ranked.map(\.idf)
            let with = Self.rescorer(match, idf: idf, store: store, titleMatchWeight: 1)
            let without = Self.rescorer(match, idf: idf, store: store, titleMatchWeight: 0)
            let difference = with.score(columns: columns, language: .spanish) - without.score(columns: columns, language: .spanish)
            if gains {
                // The idfs of the query terms the title holds: every term when the query is the title.
                #expect(difference > 0, "\(query)")
                if isTitle { #expect(abs(difference - idf.reduce(0, +)) < 1e-9, "\(query)") }
            } else {
                #expect(difference == 0, "\(query)")
            }
        }
    }

    /// The title's gain is the query terms' idfs added in term order: a ticket gets the same score to the last bit every
    /// time it is scored (pruned ranking and ranking every match compare scores exactly; added in a set's order, which
    /// changes from process to process and between sets, the sum differed in the last bit and swapped tied tickets).
    @Test func titleGainAddsTheIDFsInTermOrder() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        let match = try #require(try engine.ticketMatch(for: "No recibimos llamadas desde las 20:19"))
        let idf = try engine.rankedTerms(match).map(\.idf)
        #expect(idf.count >= 4)
        let columns = try #require(try store.ticket(id: "T-1")).searchTexts.map { Array($0.utf8) }
        let make = { (weight: Double) in Self.rescorer(match, idf: idf, store: store, titleMatchWeight: weight) }
        // The query is the title: every term is in it.
        let expected = make(0).score(columns: columns, language: .spanish) + 1 * idf.reduce(0, +)
        for _ in 0..<64 {
            #expect(make(1).score(columns: columns, language: .spanish).bitPattern == expected.bitPattern)
        }
    }

    /// A match not built from a typed query (no `queryText`: intake suggestions, similar tickets) has no title to
    /// compare, so the second phase's bound adds nothing for it and keeps pruning as tightly as before.
    @Test func untypedMatchesGetNoTitleBound() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try Self.makeStore(directory)
        defer { try? store.close() }
        var match = try #require(try engine.ticketMatch(for: "No recibimos llamadas desde las 20:19"))
        let idf = try engine.rankedTerms(match).map(\.idf)
        let make = { (match: MatchExpression) in Self.rescorer(match, idf: idf, store: store, titleMatchWeight: 0.5) }
        #expect(make(match).titleMatchBound(held: nil) > 0)
        #expect(make(match).titleMatchBound(held: 0) == 0)
        match.queryText = nil
        #expect(make(match).titleMatchBound(held: nil) == 0)
        let columns = try #require(try store.ticket(id: "T-1")).searchTexts.map { Array($0.utf8) }
        let untyped = make(match).score(columns: columns, language: .spanish)
        let withoutTitle = Self.rescorer(match, idf: idf, store: store, titleMatchWeight: 0)
        #expect(untyped == withoutTitle.score(columns: columns, language: .spanish))
    }
}
