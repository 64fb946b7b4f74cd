import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Gaps are clusters of one cause, and a problem a validated article explains is not a gap but a link-rate finding.
@Suite struct GapCoherenceTests {
    static let now = WriterFixtures.time("2026-11-01T12:00:00Z")
    static let symptoms = "Los clientes dicen que no reciben nuestros correos desde la mañana."

    static func ticket(_ id: String, _ title: String, day: String, cause: String, resolution: String,
                       description: String = GapCoherenceTests.symptoms, service: String = "correo") -> Ticket {
        let solvedAt = WriterFixtures.time(day + "T10:00:00Z")
        return Ticket(id: id, title: title, description: description, customer: "Cliente Uno", service: service, severity: 3,
                      status: .resolved, createdAt: Timestamp(seconds: solvedAt.seconds - 3600), resolvedAt: solvedAt,
                      resolution: resolution, rootCause: cause)
    }

    /// One symptom, two causes: the provider's daily limit (T-1xx) and a broken SPF record (T-2xx).
    static let tickets: [Ticket] = [
        ticket("T-101", "No llegan los correos a los clientes", day: "2026-06-01",
               cause: "El proveedor MailHub rechazaba los envíos por superar el límite diario contratado.",
               resolution: "MailHub amplió el límite diario y se reenviaron los correos retenidos."),
        ticket("T-102", "No llegan los correos a los clientes", day: "2026-07-01",
               cause: "Se superó el límite diario de envíos contratado con MailHub; el proveedor rechazaba los correos.",
               resolution: "Con la ampliación del límite diario en MailHub se reenviaron los correos pendientes."),
        ticket("T-103", "No llegan los correos a los clientes", day: "2026-08-01",
               cause: "Límite diario de MailHub agotado: el proveedor rechazaba los envíos.",
               resolution: "MailHub amplió el límite diario; reenvío de los correos retenidos."),
        // The same cause, reported with other symptoms.
        ticket("T-104", "Rebotan las notificaciones automáticas", day: "2026-09-01",
               cause: "El proveedor MailHub rechazaba los envíos: límite diario contratado superado.",
               resolution: "MailHub amplió el límite diario y se reenviaron los correos rebotados.",
               description: "Las notificaciones de la plataforma vuelven con rebote desde las 10."),
        ticket("T-201", "No llegan los correos a los clientes", day: "2026-06-15",
               cause: "El registro SPF del dominio estaba mal configurado y los servidores de destino marcaban los correos como spam.",
               resolution: "Se corrigió el registro SPF en el DNS del dominio; los correos llegan a la bandeja de entrada."),
        ticket("T-202", "No llegan los correos a los clientes", day: "2026-07-15",
               cause: "Registro SPF incompleto en el DNS: los destinatarios clasificaban los correos como spam.",
               resolution: "Se completó el registro SPF del dominio y se verificó la entrega en la bandeja de entrada."),
        ticket("T-203", "No llegan los correos a los clientes", day: "2026-08-15",
               cause: "Los correos caían en spam porque el registro SPF del dominio no incluía al servidor de envío.",
               resolution: "Se agregó el servidor de envío al registro SPF del DNS; entrega normal."),
    ]

    static let mailHubIDs = ["T-101", "T-102", "T-103", "T-104"]
    static let spfIDs = ["T-201", "T-202", "T-203"]

    /// An article about the provider's limit: its title names the cause, not the tickets' symptom.
    static func limitArticle(state: String = "validated", services: String = "[correo]",
                             title: String = "Envíos rechazados por límite diario agotado en MailHub") -> String {
        """
        ---
        id: KB-0101
        title: \(title)
        state: \(state)
        audience: internal
        services: \(services)
        updated: 2026-05-01
        ---
        ## Problema
        Los correos salientes no llegan: el proveedor los rechaza.
        ## Solución
        Pedir a MailHub ampliar el límite diario contratado y reenviar los correos retenidos.
        ## Causa
        Se superó el límite diario de envíos contratado con el proveedor MailHub.
        """
    }

    func report(article: String?, tickets: [Ticket] = GapCoherenceTests.tickets,
                synonyms: @escaping @Sendable (String) -> [String] = { _ in [] }) throws -> KnowledgeGapReport {
        let directory = try TemporaryDirectory()
        let store = try WriterFixtures.store(in: directory, tickets: tickets)
        defer { try? store.close() }
        if let article {
            let indexed = try store.indexArticles([ArticleFile(path: "kb/articles/correo/limite.md", text: article)],
                                                  defaultLanguage: .spanish)
            #expect(indexed.invalid.isEmpty)
        }
        let builder = QueryBuilder(termSource: store.tokenizer.source(for: nil), synonyms: synonyms)
        var options = KnowledgeGaps.Options(now: Self.now, since: WriterFixtures.time("2026-01-01T00:00:00Z"))
        options.limit = 100
        return try KnowledgeGaps(store: store, builder: builder).analyze(options)
    }

    static func ids(_ cluster: GapCluster) -> [String] { cluster.tickets.map(\.id) }

    @Test func oneSymptomTwoCausesAreTwoClusters() throws {
        let report = try report(article: nil)
        #expect(report.clusters.map(Self.ids).sorted { $0[0] < $1[0] } == [Self.mailHubIDs, Self.spfIDs])
        let spf = try #require(report.clusters.first { $0.tickets.first?.id == "T-201" })
        #expect(spf.cause.contains("SPF"))
        #expect(spf.causeTerms.contains("spf"))
        #expect(report.linkFindings.isEmpty)
    }

    @Test func aValidatedArticleExplainingTheCauseMakesALinkFindingNotAGap() throws {
        let report = try report(article: Self.limitArticle())
        // The tickets name a symptom the article's title does not; their cause is the article's.
        #expect(report.linkFindings.map(\.articleID) == ["KB-0101"])
        #expect(report.linkFindings.first?.tickets.map(\.id) == Self.mailHubIDs)
        #expect(report.matchedTickets == 4)
        // The same symptom with another cause is still a gap.
        #expect(report.clusters.map(Self.ids) == [Self.spfIDs])
        #expect(report.uncoveredTickets == 3)
    }

    @Test(arguments: ["wip", "not_validated"])
    func anArticleNotValidatedLeavesTheGapAndIsNamed(state: String) throws {
        let report = try report(article: Self.limitArticle(state: state))
        #expect(report.linkFindings.isEmpty)
        let cluster = try #require(report.clusters.first { $0.tickets.first?.id == "T-101" })
        #expect(Self.ids(cluster) == Self.mailHubIDs)
        #expect(cluster.pendingArticle == GapCluster.PendingArticle(id: "KB-0101", title: "Envíos rechazados por límite diario agotado en MailHub",
                                                                    state: state))
        #expect(report.clusters.first { $0.tickets.first?.id == "T-201" }?.pendingArticle == nil)
    }

    @Test func anArticleOfAnotherServiceCoversNothing() throws {
        let report = try report(article: Self.limitArticle(services: "[sms]"))
        #expect(report.linkFindings.isEmpty)
        #expect(report.clusters.count == 2)
    }

    @Test func synonymsCountAsTheWordTheyStandFor() throws {
        // Tickets that state no cause, in words the article says otherwise: "casilla" for "buzón", "celular" for "teléfono".
        let tickets = ["T-301", "T-302", "T-303"].enumerated().map { offset, id in
            Ticket(id: id, title: "La casilla no sincroniza en el celular",
                   description: "La casilla del usuario no sincroniza en el celular desde ayer.", service: "correo", severity: 4,
                   status: .resolved, createdAt: WriterFixtures.time("2026-0\(offset + 6)-01T09:00:00Z"),
                   resolvedAt: WriterFixtures.time("2026-0\(offset + 6)-01T10:00:00Z"), resolution: "Resuelto.")
        }
        let article = """
            ---
            id: KB-0102
            title: El buzón no sincroniza en el teléfono
            state: validated
            audience: customer
            updated: 2026-05-01
            ---
            ## Problema
            El buzón no se sincroniza en el teléfono del usuario.
            ## Solución
            Quitar la cuenta del teléfono y volver a agregarla.
            """
        let without = try report(article: article, tickets: tickets)
        #expect(without.linkFindings.isEmpty)
        #expect(without.clusters.first?.tickets.count == 3)
        let analyzer = Analyzer()
        let groups = [["casilla", "buzón"], ["celular", "teléfono"]]
        let alternatives = Dictionary(groups.flatMap { group in
            group.map { word in (analyzer.terms(word)[0], group.filter { $0 != word }) }
        }, uniquingKeysWith: +)
        let with = try report(article: article, tickets: tickets, synonyms: { alternatives[$0] ?? [] })
        #expect(with.linkFindings.first?.articleID == "KB-0102")
        #expect(with.linkFindings.first?.tickets.map(\.id) == ["T-301", "T-302", "T-303"])
        #expect(with.clusters.isEmpty)
    }

    @Test func jsonCarriesFindingsCausesAndPendingArticles() throws {
        let covered = try report(article: Self.limitArticle())
        let json = try #require(try JSONSerialization.jsonObject(with: Data(covered.jsonText().utf8)) as? [String: Any])
        let findings = try #require(json["link_findings"] as? [[String: Any]])
        #expect(findings.first?["article"] as? String == "KB-0101" && findings.first?["size"] as? Int == 4)
        let cluster = try #require((json["clusters"] as? [[String: Any]])?.first)
        #expect((cluster["cause"] as? String)?.contains("SPF") == true)
        #expect(cluster["pending_article"] is NSNull)
        let pending = try report(article: Self.limitArticle(state: "wip"))
        let text = pending.jsonText()
        #expect(text.contains("\"pending_article\":{\"id\":\"KB-0101\""))
    }
}
