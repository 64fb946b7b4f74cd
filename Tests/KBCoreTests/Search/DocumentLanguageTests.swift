import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Each ticket and article is analysed in its own language (given, else detected, else the workspace's) and queries
/// are analysed in every language the tickets use.
@Suite struct DocumentLanguageTests {
    static func ticket(_ id: String, _ title: String, _ description: String, language: String? = nil) throws -> Ticket {
        var ticket = Ticket(id: id, title: title, description: description, severity: 4, status: .closed,
                            createdAt: try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00")))
        ticket.language = language
        return ticket
    }

    /// A Spanish store holding English and Spanish tickets.
    static func makeStore(_ directory: TemporaryDirectory) throws -> (Store, Workspace) {
        let workspace = Workspace(root: directory.url)
        try FileManager.default.createDirectory(at: workspace.kbDirectory, withIntermediateDirectories: true)
        let store = try workspace.openStore()
        try store.connection.transaction {
            try store.upsert(ticket("E-1", "Cancellation request", "I would like to cancel my subscription before the next billing cycle."))
            try store.upsert(ticket("E-2", "Refund after cancelling", "The order was cancelled last week and I am still waiting for my refund."))
            try store.upsert(ticket("E-3", "Canceling the annual plan", "Please help me with canceling the plan, the website gives an error."))
            try store.upsert(ticket("S-1", "Solicitud de baja del servicio", "Queremos cancelar el contrato a fin de mes, ¿qué debemos hacer?"))
            try store.upsert(ticket("S-2", "Portal lento", "Las pantallas demoran mucho en cargar desde esta mañana."))
            // Told English, though its few words could be either.
            try store.upsert(ticket("X-1", "Cancellations", "", language: "en-US"))
        }
        return (store, workspace)
    }

    @Test func eachTicketKeepsItsLanguage() throws {
        let directory = try TemporaryDirectory()
        let (store, _) = try Self.makeStore(directory)
        defer { try? store.close() }
        let stored = try store.connection.prepare("SELECT id, language FROM tickets ORDER BY id").map { ($0.text(0), $0.text(1)) }
        #expect(stored.map(\.0) == ["E-1", "E-2", "E-3", "S-1", "S-2", "X-1"])
        #expect(stored.map(\.1) == ["en", "en", "en", "es", "es", "en"])
        #expect(try store.ticketLanguages() == [.english, .spanish])
        // The English tickets hold English stems: "cancellation", "cancelled", "canceling" are all `cancel`, as is
        // the Spanish "cancelar".
        #expect(try store.ticketDocumentFrequency(of: "cancel") == 5)
    }

    /// `kb search --mode all cancel` in a Spanish workspace finds the English tickets that say "cancellation",
    /// "cancelled" or "canceling", and "cancellation" finds them too.
    @Test(arguments: ["cancel", "cancellation", "cancelled"])
    func queriesMatchEveryLanguage(query: String) throws {
        let directory = try TemporaryDirectory()
        let (store, workspace) = try Self.makeStore(directory)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var filters = SearchFilters()
        filters.type = .ticket
        let found = Set(try engine.search(query, mode: .all, filters: filters).results.map(\.id))
        #expect(found.isSuperset(of: ["E-1", "E-2", "E-3", "X-1"]), "\(found)")
        #expect(!found.contains("S-2"))
    }

    /// A word is looked up as each language of the tickets analyses it, once per distinct analysis.
    @Test func matchMarksOtherLanguagesOnlyWhereTheyDiffer() throws {
        let directory = try TemporaryDirectory()
        let (store, workspace) = try Self.makeStore(directory)
        defer { try? store.close() }
        let builder = try workspace.queryBuilder(for: store)
        #expect(builder.additionalLanguages == [.english])
        let match = try #require(builder.match(words: builder.words(in: "cancellation portal"), mode: .any, expandSynonyms: false))
        #expect(match.phrases.map(\.language) == [nil, .english, nil])
        #expect(match.phrases.map { builder.terms(in: $0.text) } == [["cancellation"], ["cancel"], ["portal"]])
        #expect(match.text == "(\"cancellation\" OR \"\u{1}en\u{1}cancellation\") OR \"portal\"")
        // Articles are queried per language with their own analyzer: no marks.
        #expect(builder.expression(words: builder.words(in: "cancellation"), expandSynonyms: false) == "\"cancellation\"")
    }

    /// An English question in a Spanish workspace is split into words as its English tickets were indexed ("can't"
    /// one word, not "can" and "t"), and its English function words weigh what they would in an English workspace;
    /// a Spanish question keeps the workspace's analysis.
    @Test func aQueryIsReadInItsOwnLanguage() throws {
        let directory = try TemporaryDirectory()
        let (store, workspace) = try Self.makeStore(directory)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        let query = "Why can't I cancel my subscription?"
        let words = engine.builder.words(in: query)
        #expect(words.map(\.original).contains("can't"))
        #expect(!words.map(\.original).contains("t"))
        #expect(words.allSatisfy { $0.language == .english })
        let match = try #require(try engine.ticketMatch(for: query))
        let weights = Dictionary(match.phrases.map { ($0.text, $0.weight) }, uniquingKeysWith: { first, _ in first })
        #expect(weights["my"] == StopWords.queryWeight)
        #expect(weights["subscription"] == 1)
        var filters = SearchFilters()
        filters.type = .ticket
        #expect(try engine.search(query, filters: filters).results.first?.id == "E-1")
        let spanish = engine.builder.words(in: "no podemos cancelar el contrato")
        #expect(spanish.allSatisfy { $0.language == nil })
        #expect(try engine.ticketMatch(for: "no podemos cancelar el contrato")?.phrases.first { $0.text == "el" }?.weight == StopWords.queryWeight)
    }

    /// Updating a ticket removes its old terms with the stemmer they were written with, even when its language changes.
    @Test func updatesRemoveTermsInTheLanguageTheyWereIndexedIn() throws {
        let directory = try TemporaryDirectory()
        let (store, _) = try Self.makeStore(directory)
        defer { try? store.close() }
        _ = try store.connection.transaction {
            try store.upsert(Self.ticket("E-1", "Solicitud de cancelación", "Queremos cancelar la suscripción antes del próximo ciclo."))
        }
        #expect(try store.connection.scalarText("SELECT language FROM tickets WHERE id = 'E-1'") == "es")
        try TicketPostingsTests.expectInStep(store)
        #expect(try store.ticketDocumentFrequency(of: try TicketPostingsTests.term("subscription", store, .english)) == 0)
    }

    @Test(arguments: [("es", Language.spanish), ("ES", .spanish), ("es-CL", .spanish), ("es_419", .spanish), ("spa", .spanish),
                      ("Español", .spanish), ("en", .english), ("en-US", .english), ("eng", .english), ("English", .english)])
    func tagsNameTheirLanguage(tag: String, language: Language) {
        #expect(Language(tag: tag) == language)
        #expect(Language.isWellFormedTag(tag))
    }

    /// A ticket in a language kb has no analyzer for is analysed in the workspace's language, not detected again.
    @Test func otherLanguagesFallBackToTheWorkspace() throws {
        let english = try Self.ticket("D-1", "Refund please", "I was charged twice for my order", language: "de")
        #expect(Language(tag: "de") == nil)
        #expect(english.analysisLanguage == nil)
        #expect(try Self.ticket("D-2", "Refund please", "I was charged twice for my order").analysisLanguage == .english)
    }

    @Test(arguments: ["", "e s", "1es", "es;en", String(repeating: "a", count: 36)])
    func malformedTagsAreRejected(tag: String) throws {
        #expect(!Language.isWellFormedTag(tag))
        let line = TicketFixtures.line(id: "T-1", extra: "\"language\":\"\(tag)\"")
        #expect(throws: TicketError.self) { try Ticket(json: JSONParser().parse(line)) }
    }

    @Test func languageRoundTripsThroughJSON() throws {
        let line = TicketFixtures.line(id: "T-1", extra: "\"language\":\"en-GB\"")
        let ticket = try Ticket(json: JSONParser().parse(line))
        #expect(ticket.language == "en-GB")
        #expect(try Ticket(json: JSONParser().parse(ticket.jsonText())) == ticket)
        #expect(try Ticket(json: JSONParser().parse(TicketFixtures.line(id: "T-2"))).language == nil)
    }
}
