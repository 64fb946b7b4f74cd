import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct KnowledgeGapsTests {
    static let now = WriterFixtures.time("2026-11-01T12:00:00Z")

    static let plantedCluster: [Ticket] = [
        WriterFixtures.solved("T-101", "Audio entrecortado en las llamadas salientes",
                              "Los agentes escuchan el audio entrecortado en las llamadas salientes a clientes.",
                              service: "llamadas", resolvedAt: "2026-06-10T10:00:00Z"),
        WriterFixtures.solved("T-102", "Llamadas salientes con audio entrecortado",
                              "El audio se escucha entrecortado en todas las llamadas salientes.",
                              service: "llamadas", resolvedAt: "2026-07-15T10:00:00Z", status: .closed),
        WriterFixtures.solved("T-103", "Audio entrecortado al hacer llamadas salientes",
                              "Desde la mañana el audio de las llamadas salientes llega entrecortado.",
                              service: "llamadas", resolvedAt: "2026-09-01T10:00:00Z"),
        WriterFixtures.solved("T-104", "Se escucha entrecortado el audio en llamadas salientes",
                              "Los clientes reclaman audio entrecortado cuando los agentes hacen llamadas salientes.",
                              service: "llamadas", resolvedAt: "2026-10-20T10:00:00Z"),
        WriterFixtures.solved("T-105", "Llamadas salientes: audio entrecortado",
                              "Audio entrecortado y con cortes en llamadas salientes del turno tarde.",
                              service: "llamadas", resolvedAt: "2026-10-28T10:00:00Z", status: .closed),
    ]

    /// Answered by KB-0001 through an article search with their titles.
    static let searchCovered: [Ticket] = [
        WriterFixtures.solved("T-201", "No carga el login del portal", "La pantalla de login queda en blanco.",
                              service: "portal", resolvedAt: "2026-06-01T10:00:00Z"),
        WriterFixtures.solved("T-202", "El login del portal no carga", "Al entrar al portal no aparece el login.",
                              service: "portal", resolvedAt: "2026-07-01T10:00:00Z"),
        WriterFixtures.solved("T-203", "No carga la pantalla de login del portal", "Pantalla en blanco en el login.",
                              service: "portal", resolvedAt: "2026-08-01T10:00:00Z"),
        WriterFixtures.solved("T-204", "Login del portal no carga", "El portal no muestra el login.",
                              service: "portal", resolvedAt: "2026-10-25T10:00:00Z"),
    ]

    /// Linked to KB-0002 in their own `articles` field (T-301…303) or through `article_links` (T-304).
    static let linked: [Ticket] = [
        WriterFixtures.solved("T-301", "Falla la exportación de reportes a Excel", "La exportación queda cargando.",
                              service: "reportes", resolvedAt: "2026-06-05T10:00:00Z", articles: ["KB-0002"]),
        WriterFixtures.solved("T-302", "Exportación de reportes con error 504", "Error 504 al exportar.",
                              service: "reportes", resolvedAt: "2026-07-05T10:00:00Z", articles: ["KB-0002"]),
        WriterFixtures.solved("T-303", "No se descarga el reporte mensual", "El reporte mensual no termina.",
                              service: "reportes", resolvedAt: "2026-08-05T10:00:00Z", status: .closed, articles: ["KB-0002"]),
        WriterFixtures.solved("T-304", "Reporte en Excel no termina de exportar", "Exportación a Excel colgada.",
                              service: "reportes", resolvedAt: "2026-09-05T10:00:00Z"),
    ]

    static let singletons: [Ticket] = [
        WriterFixtures.solved("T-401", "Cambiar el color del botón del webchat", "Quieren el botón verde corporativo.",
                              service: "webchat", resolvedAt: "2026-06-20T10:00:00Z"),
        WriterFixtures.solved("T-402", "Pedido de manuales de supervisor", "Necesitan la guía del supervisor en PDF.",
                              service: "documentacion", resolvedAt: "2026-07-20T10:00:00Z"),
        WriterFixtures.solved("T-403", "El gráfico de tiempos de espera no dibuja en Firefox", "En Chrome sí aparece.",
                              service: "estadisticas", resolvedAt: "2026-08-20T10:00:00Z"),
        WriterFixtures.solved("T-404", "Plantilla de WhatsApp rechazada por Meta", "La plantilla de bienvenida fue rechazada.",
                              service: "mensajeria", resolvedAt: "2026-10-30T10:00:00Z"),
        // Links an article that is not indexed: counts for the link rate, covers nothing.
        WriterFixtures.solved("T-405", "Error en la integración con el CRM", "El CRM no recibe los contactos nuevos.",
                              service: nil, resolvedAt: "2026-09-20T10:00:00Z", articles: ["KB-0999"]),
    ]

    /// Outside the analysis: still open, or solved before the period.
    static let ignored: [Ticket] = [
        WriterFixtures.solved("T-501", "Audio entrecortado en llamadas salientes otra vez", "Sigue el audio entrecortado.",
                              service: "llamadas", resolvedAt: "2026-10-30T10:00:00Z", status: .inProgress),
        WriterFixtures.solved("T-502", "Audio entrecortado en llamadas salientes", "Audio entrecortado en salientes.",
                              service: "llamadas", resolvedAt: "2025-01-10T10:00:00Z"),
    ]

    static let articles: [(String, String)] = [
        ("kb/articles/portal/login.md", article(id: "KB-0001", title: "No carga el login del portal por certificado vencido",
                                                 problem: "La pantalla de login del portal no carga o queda en blanco.")),
        ("kb/articles/reportes/exportacion.md", article(id: "KB-0002", title: "La exportación de reportes a Excel falla",
                                                         problem: "Exportar un reporte grande queda cargando.")),
        ("kb/articles/webchat/instalar.md", article(id: "KB-0003", title: "Cómo instalar el webchat en su sitio",
                                                     problem: "Quiero poner el chat en mi web.")),
        ("kb/articles/viejo.md", article(id: "KB-0004", title: "Audio entrecortado en llamadas salientes", state: "archived",
                                         problem: "Audio entrecortado en las llamadas salientes.")),
    ]

    static func article(id: String, title: String, state: String = "validated", problem: String) -> String {
        """
        ---
        id: \(id)
        title: \(title)
        state: \(state)
        audience: internal
        updated: 2026-05-01
        ---
        ## Problema
        \(problem)
        ## Solución
        Seguir los pasos.
        """
    }

    static func makeStore(in directory: TemporaryDirectory) throws -> Store {
        let tickets = plantedCluster + searchCovered + linked + singletons + ignored
        let store = try WriterFixtures.store(in: directory, tickets: tickets)
        let files = articles.map { ArticleFile(path: $0.0, text: $0.1) }
        let report = try store.indexArticles(files, defaultLanguage: .spanish)
        #expect(report.invalid.isEmpty)
        try store.link(ticket: "T-304", article: "KB-0002", at: now)
        return store
    }

    func analyze(_ store: Store, since: Timestamp? = nil) throws -> KnowledgeGapReport {
        let builder = QueryBuilder(termSource: store.tokenizer.source(for: nil))
        return try KnowledgeGaps(store: store, builder: builder).analyze(KnowledgeGaps.Options(now: Self.now, since: since))
    }

    @Test func plantedClusterRanksFirst() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(in: directory)
        defer { try? store.close() }
        let report = try analyze(store)
        let first = try #require(report.clusters.first)
        #expect(first.rank == 1)
        #expect(first.tickets.map(\.id) == ["T-101", "T-102", "T-103", "T-104", "T-105"])
        #expect(first.service == "llamadas")
        #expect(first.recentCount == 2)
        #expect(Self.plantedCluster.map(\.title).contains(first.suggestedTitle))
        #expect(first.terms.contains("entrecortado"))
        // Everything else uncovered is a singleton; covered and linked tickets are in no cluster.
        #expect(report.clusters.dropFirst().allSatisfy { $0.tickets.count == 1 })
        let clustered = Set(report.clusters.flatMap(\.tickets).map(\.id))
        #expect(clustered == Set(["T-101", "T-102", "T-103", "T-104", "T-105", "T-401", "T-402", "T-403", "T-404", "T-405"]))
        #expect(report.clusterCount == 6)
        #expect(report.solvedTickets == 18)
        #expect(report.linkedTickets == 4)
        #expect(report.matchedTickets == 4)
        #expect(report.uncoveredTickets == 10)
        // Among singletons, recent ones rank first.
        #expect(report.clusters[1].tickets.map(\.id) == ["T-404"])
    }

    @Test func linkRateIsExact() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(in: directory)
        defer { try? store.close() }
        let report = try analyze(store)
        // 18 solved tickets in the period; T-301, T-302, T-303 (field), T-304 (link) and T-405 (unindexed id).
        #expect(report.linkRate == LinkRate(tickets: 18, linked: 5))
        #expect(report.linkRate.rate == 5.0 / 18.0)
        #expect(report.reuse.map(\.id) == ["KB-0002"])
        #expect(report.reuse.first?.tickets == 4)
        // Archived articles are not expected to be reused.
        #expect(report.neverReused.map(\.id) == ["KB-0001", "KB-0003"])
    }

    @Test func sinceNarrowsThePeriod() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(in: directory)
        defer { try? store.close() }
        let report = try analyze(store, since: WriterFixtures.time("2026-10-01T00:00:00Z"))
        // T-104, T-105 (cluster), T-204 (covered), T-404 (singleton).
        #expect(report.solvedTickets == 4)
        #expect(report.clusters.first?.tickets.map(\.id) == ["T-104", "T-105"])
        #expect(report.linkRate == LinkRate(tickets: 4, linked: 0))
        #expect(report.neverReused.map(\.id) == ["KB-0001", "KB-0002", "KB-0003"])
    }

    @Test func linkingCoversTheClusterAndCountsReuse() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(in: directory)
        defer { try? store.close() }
        for ticket in Self.plantedCluster { try store.link(ticket: ticket.id, article: "KB-0003", at: Self.now) }
        let report = try analyze(store)
        #expect(!report.clusters.contains { $0.tickets.count > 1 })
        #expect(report.linkRate == LinkRate(tickets: 18, linked: 10))
        #expect(report.reuse.map(\.id) == ["KB-0003", "KB-0002"])
        #expect(report.reuse.map(\.tickets) == [5, 4])
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let directory = try TemporaryDirectory()
        let store = try Self.makeStore(in: directory)
        defer { try? store.close() }
        let json = try JSONSerialization.jsonObject(with: Data(try analyze(store).jsonText().utf8)) as? [String: Any]
        let clusters = try #require(json?["clusters"] as? [[String: Any]])
        #expect(clusters.first?["size"] as? Int == 5)
        #expect((clusters.first?["tickets"] as? [[String: Any]])?.count == 5)
        let linkRate = try #require(json?["link_rate"] as? [String: Any])
        #expect(linkRate["tickets"] as? Int == 18 && linkRate["linked"] as? Int == 5)
        #expect(json?["since"] as? String == "2026-05-05")
    }

    static func item(_ id: String, _ service: String, _ seconds: Int64, _ title: String, cause: String = "") throws -> TicketClusterer.Item {
        var profiler = TicketProfiler(analyzer: Analyzer()) { _ in 1.0 }
        let profile = try profiler.profile(title: title, description: "", tags: [], rootCause: cause, resolution: "")
        return TicketClusterer.Item(id: id, service: service, solvedAt: Timestamp(seconds: seconds), profile: profile)
    }

    @Test func clustererBucketsByServiceAndIsOrderIndependentOfInput() throws {
        let items = [
            try Self.item("a", "x", 1, "audio entrecortado llamadas"),
            try Self.item("b", "y", 2, "audio entrecortado llamadas"),
            try Self.item("c", "x", 3, "llamadas con audio entrecortado"),
        ]
        let clusters = TicketClusterer().cluster(items)
        #expect(clusters.map { $0.members.map { items[$0].id } } == [["a", "c"], ["b"]])
        let reversed = TicketClusterer().cluster(items.reversed())
        #expect(reversed.map { $0.members.map { items.reversed()[$0].id } } == [["a", "c"], ["b"]])
    }

    @Test(arguments: [0, 1, 3, 6, 40])
    func heaviestKeepsWhatSortingEveryTermKeeps(keep: Int) {
        // Ties on weight (0.5, 2.0) are ordered by the terms' bytes, accented ones after plain ASCII.
        let weighted: [(String, Double)] = [("red", 0.5), ("audio", 2.0), ("zona", 0.5), ("corte", 1.25), ("ñandú", 2.0),
                                            ("llamada", 0.75), ("acceso", 0.5), ("cámara", 2.0), ("b", 3.0), ("éxito", 0.1)]
        let sorted = weighted.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8) }
        #expect(TicketClusterer.heaviest(weighted, keep: keep) == sorted.prefix(keep).map(\.0))
        #expect(TicketClusterer.heaviest(weighted.reversed(), keep: keep) == sorted.prefix(keep).map(\.0))
    }

    @Test func clustersKeepTermIDsYetPoolAndChooseAsWholeProfilesWould() throws {
        let items = [
            try Self.item("a", "voz", 1, "audio entrecortado en llamadas salientes", cause: "jitter del enlace de voz"),
            try Self.item("b", "voz", 2, "llamadas salientes con audio entrecortado", cause: "jitter en el enlace del proveedor"),
            try Self.item("c", "voz", 3, "audio entrecortado llamadas", cause: "enlace de voz saturado por jitter"),
            try Self.item("d", "voz", 4, "no se pueden descargar reportes", cause: "timeout del balanceador"),
            try Self.item("e", "voz", 5, "audio entrecortado en llamadas entrantes", cause: "jitter del enlace"),
        ]
        let clusters = TicketClusterer().cluster(items)
        #expect(clusters.map { $0.members.map { items[$0].id } } == [["a", "b", "c", "e"], ["d"]])
        for cluster in clusters {
            let profiles = cluster.members.map { items[$0].profile }
            func pool(_ lists: [[TicketProfile.WeightedTerm]], keep: Int) -> [TicketProfile.WeightedTerm] {
                var weights: [String: Double] = [:]
                for list in lists { for term in list { weights[term.term, default: 0] += term.weight } }
                return weights.map { TicketProfile.WeightedTerm(term: $0.key, weight: $0.value) }.sorted {
                    $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8)
                }.prefix(keep).map { $0 }
            }
            let expected = TicketProfile(
                symptoms: pool(profiles.map(\.symptoms), keep: TicketProfiler.defaultTermsPerTicket),
                causes: pool(profiles.map(\.causes), keep: profiles.map(\.causes.count).max() ?? 0),
                causeVocabulary: profiles.reduce(into: Set<String>()) { $0.formUnion($1.causeVocabulary) },
                allTerms: profiles.reduce(into: Set<String>()) { $0.formUnion($1.allTerms) })
            #expect(cluster.pooled == expected)
            // The member fitting the final signatures best, the earliest of equals, measured on whole profiles.
            let symptoms = Set(cluster.signature), causes = Set(cluster.causeSignature)
            let vocabulary = expected.causeVocabulary
            func fit(_ member: Int) -> Double {
                let profile = items[member].profile
                let union = profile.symptomSet.union(symptoms).count
                let jaccard = union == 0 ? 0 : Double(profile.symptomSet.intersection(symptoms).count) / Double(union)
                guard !causes.isEmpty, !profile.causes.isEmpty else { return jaccard }
                let found = Double(causes.intersection(profile.causeVocabulary).count) / Double(causes.count)
                let told = Double(profile.causes.filter { vocabulary.contains($0.term) }.count) / Double(profile.causes.count)
                return jaccard + min(found, told)
            }
            let best = cluster.members.max { fit($0) != fit($1) ? fit($0) < fit($1) : $0 > $1 }
            #expect(cluster.representative == best)
        }
    }
}
