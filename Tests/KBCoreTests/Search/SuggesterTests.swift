import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Intake on the demo store (`kb generate --tickets 600 --seed 42`): which words select similar tickets, which open
/// tickets are flagged as duplicates, and how past tickets weigh on the severity.
@Suite struct SuggesterTests {
    static let vpnTickets = ["T-9000001", "T-9000002", "T-9000003"]

    /// The demo tickets, plus three solved VPN tickets (the demo has none) worded unlike the intake text below.
    static func demoWorkspace() throws -> (TemporaryDirectory, KnowledgeBase) {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let knowledgeBase = KnowledgeBase(workspace: Workspace(root: directory.url), clock: { Timestamp(seconds: 0) })
        let store = try knowledgeBase.store(.create)
        var tickets: [Ticket] = []
        TicketGenerator(seed: 42).writeJSONLines(count: 600) { line in
            if let json = try? JSONParser().parse(line), let ticket = try? Ticket(json: json) { tickets.append(ticket) }
        }
        let vpnTexts = [
            ("Sin acceso a la VPN corporativa", "Los agentes remotos no logran conectarse a la VPN, el cliente de VPN rechaza la conexión."),
            ("VPN rechaza las credenciales", "Desde el cambio de certificado la VPN no autentica a los agentes."),
            ("Caída de la VPN del sitio remoto", "El túnel VPN con la sede remota se cae cada pocos minutos."),
        ]
        for (id, text) in zip(vpnTickets, vpnTexts) {
            let line = TicketFixtures.line(id: id, title: text.0, extra: #""resolution":"Renovamos el certificado del concentrador VPN.""#)
                .replacingOccurrences(of: "La pantalla queda en blanco", with: text.1)
            tickets.append(try Ticket(json: JSONParser().parse(line)))
        }
        try store.connection.transaction {
            for ticket in tickets { _ = try store.upsert(ticket) }
        }
        return (directory, knowledgeBase)
    }

    static let vpnRequest = "No podemos acceder a la VPN desde esta mañana, todo el equipo está sin trabajar"

    /// Function and conversational words ("esta", "todo", "equipo", "trabajar", "mañana") are never chosen however
    /// rare; the product name is, first.
    @Test func termSelectionKeepsTheTopicAndDropsTheConversation() throws {
        let (directory, knowledgeBase) = try Self.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let engine = try knowledgeBase.searchEngine()
        let terms = try MoreLikeThis(builder: engine.builder, statistics: engine.statistics).terms(in: Self.vpnRequest)
        #expect(terms.first?.word.original == "VPN")
        #expect(terms.first?.isName == true)
        let chosen = Set(terms.map { $0.word.original.lowercased() })
        #expect(chosen.isDisjoint(with: ["no", "podemos", "a", "la", "desde", "esta", "mañana", "todo", "el", "equipo", "está", "sin", "trabajar"]))
        // Scores never rise down the list; ties are alphabetical.
        for (first, second) in zip(terms, terms.dropFirst()) {
            #expect(first.score > second.score || (first.score == second.score && first.word.term < second.word.term))
        }
    }

    /// A frequent word is dropped, unless it names a product or a code (capitals, digits).
    @Test func frequentWordsAreDroppedExceptNamesAndCodes() throws {
        let (directory, knowledgeBase) = try Self.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let engine = try knowledgeBase.searchEngine()
        var selection = MoreLikeThis(builder: engine.builder, statistics: engine.statistics)
        selection.frequentShare = 0.0001
        let chosen = try selection.terms(in: "el portal de WhatsApp da error 401 al enviar mensajes").map(\.word.original)
        #expect(Set(chosen) == ["WhatsApp", "401"])
    }

    /// A time of day is never chosen, however rare: it would find the tickets that began at the same minute.
    @Test func timesOfDayAreNeverChosen() throws {
        let directory = try TemporaryDirectory()
        let (store, engine) = try TitledTicketTests.makeStore(directory)
        defer { try? store.close() }
        #expect(try engine.statistics.documentFrequency(QueryBuilder.Word(original: "20:19", term: "20:19")) > 0)
        let chosen = try MoreLikeThis(builder: engine.builder, statistics: engine.statistics)
            .terms(in: "Pantalla en blanco en el portal desde las 20:19").map(\.word.term)
        #expect(!chosen.isEmpty)
        #expect(!chosen.contains("20:19"), "\(chosen)")
    }

    @Test func vpnRequestFindsTheVPNTicketsFirst() throws {
        let (directory, knowledgeBase) = try Self.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let suggestion = try knowledgeBase.suggest(IntakeRequest(title: Self.vpnRequest, receivedAt: Timestamp(iso8601: "2026-11-02T12:00:00Z")!))
        let tickets = suggestion.solutions.filter { $0.type == .ticket }.map(\.id)
        #expect(Set(tickets.prefix(3)) == Set(Self.vpnTickets))
    }

    /// The open "Mensajería detenida" incident (T-0000596, 2026-10-27) says nothing of "mensajes … encolados y no
    /// salen" word for word; after stemming and synonyms and by service it is the same problem.
    @Test func paraphrasedOpenIncidentIsAPossibleDuplicate() throws {
        let (directory, knowledgeBase) = try Self.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let text = "Los mensajes de WhatsApp quedan encolados y no salen"
        let within = try knowledgeBase.suggest(IntakeRequest(title: text, receivedAt: Timestamp(iso8601: "2026-10-28T12:00:00Z")!))
        #expect(within.duplicates.map(\.id).contains("T-0000596"))
        // Outside the 48-hour window it is no longer a duplicate.
        let later = try knowledgeBase.suggest(IntakeRequest(title: text, receivedAt: Timestamp(iso8601: "2026-11-02T12:00:00Z")!))
        #expect(!later.duplicates.map(\.id).contains("T-0000596"))
        // Another problem in the same window is not its duplicate.
        let other = try knowledgeBase.suggest(IntakeRequest(title: "Solicito cambio de contraseña para un agente nuevo",
                                                             receivedAt: Timestamp(iso8601: "2026-10-28T12:00:00Z")!))
        #expect(!other.duplicates.map(\.id).contains("T-0000596"))
        // The ticket itself is never its own duplicate.
        let itself = try knowledgeBase.suggest(IntakeRequest(title: text, receivedAt: Timestamp(iso8601: "2026-10-28T12:00:00Z")!,
                                                              ticketID: "T-0000596"))
        #expect(!itself.duplicates.map(\.id).contains("T-0000596"))
    }

    /// The manual puts reports at severity 4 even when they count calls; similar past tickets agree.
    @Test func reportOfCallsIsLowImpact() throws {
        let (directory, knowledgeBase) = try Self.demoWorkspace()
        defer { withExtendedLifetime(directory) {} }
        let suggestion = try knowledgeBase.suggest(IntakeRequest(title: "El reporte de llamadas abandonadas muestra datos incorrectos",
                                                                 receivedAt: Timestamp(iso8601: "2026-11-02T12:00:00Z")!))
        #expect(suggestion.severity.suggested == 4)
        let failing = try knowledgeBase.suggest(IntakeRequest(title: "Las llamadas entrantes fallan desde las 9",
                                                              receivedAt: Timestamp(iso8601: "2026-11-02T12:00:00Z")!))
        #expect(failing.severity.suggested == 2)
    }
}
