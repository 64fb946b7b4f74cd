import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct GapsCommandTests {
    static func solved(_ id: String, _ title: String, _ description: String, service: String?, on day: String,
                       status: TicketStatus = .resolved, articles: [String] = []) -> Ticket {
        let solvedAt = Timestamp(iso8601: day + "T10:00:00Z")!
        return Ticket(id: id, title: title, description: description, customer: "Acme", service: service, severity: 3,
                      status: status, createdAt: Timestamp(seconds: solvedAt.seconds - 7200),
                      resolvedAt: status == .resolved || status == .closed ? solvedAt : nil, resolution: "Resuelto.",
                      articles: articles)
    }

    static let tickets: [Ticket] = [
        // The planted gap: five similar resolved tickets, no article.
        solved("T-101", "Audio entrecortado en las llamadas salientes", "Los agentes escuchan el audio entrecortado en llamadas salientes.",
               service: "llamadas", on: "2026-06-10"),
        solved("T-102", "Llamadas salientes con audio entrecortado", "El audio se escucha entrecortado en las llamadas salientes.",
               service: "llamadas", on: "2026-07-15", status: .closed),
        solved("T-103", "Audio entrecortado al hacer llamadas salientes", "El audio de las llamadas salientes llega entrecortado.",
               service: "llamadas", on: "2026-09-01"),
        solved("T-104", "Se escucha entrecortado el audio en llamadas salientes", "Reclaman audio entrecortado en llamadas salientes.",
               service: "llamadas", on: "2026-10-20"),
        solved("T-105", "Llamadas salientes: audio entrecortado", "Audio entrecortado y con cortes en llamadas salientes.",
               service: "llamadas", on: "2026-10-28", status: .closed),
        // Covered: answered by KB-0001 (search), linked to KB-0002 (field and `kb article link`).
        solved("T-201", "No carga el login del portal", "La pantalla de login queda en blanco.", service: "portal", on: "2026-06-01"),
        solved("T-202", "El login del portal no carga", "No aparece el login.", service: "portal", on: "2026-07-01"),
        solved("T-203", "Login del portal no carga", "El portal no muestra el login.", service: "portal", on: "2026-08-01"),
        solved("T-301", "Falla la exportación de reportes a Excel", "Queda cargando.", service: "reportes", on: "2026-06-05",
               articles: ["KB-0002"]),
        solved("T-302", "Exportación de reportes con error 504", "Error 504.", service: "reportes", on: "2026-07-05"),
        // Singletons.
        solved("T-401", "Cambiar el color del botón del webchat", "Quieren el botón verde.", service: "webchat", on: "2026-06-20"),
        solved("T-402", "Pedido de manuales de supervisor", "Guía del supervisor en PDF.", service: "documentacion", on: "2026-10-30"),
        // Outside: open, or before the period.
        solved("T-501", "Audio entrecortado en llamadas salientes", "Audio entrecortado.", service: "llamadas", on: "2026-10-30",
               status: .inProgress),
        solved("T-502", "Audio entrecortado en llamadas salientes", "Audio entrecortado.", service: "llamadas", on: "2025-01-10"),
    ]

    static func article(id: String, title: String, problem: String) -> String {
        "---\nid: \(id)\ntitle: \(title)\nstate: validated\naudience: internal\nupdated: 2026-05-01\n---\n"
            + "## Problema\n\(problem)\n## Solución\nSeguir los pasos.\n"
    }

    func workspace() throws -> TemporaryDirectory {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets, articles: [
            "kb/articles/portal/login.md": Self.article(id: "KB-0001", title: "No carga el login del portal por certificado vencido",
                                                        problem: "La pantalla de login del portal no carga."),
            "kb/articles/reportes/exportar.md": Self.article(id: "KB-0002", title: "La exportación de reportes a Excel falla",
                                                             problem: "Exportar un reporte grande queda cargando."),
            "kb/articles/webchat/instalar.md": Self.article(id: "KB-0003", title: "Cómo instalar el webchat",
                                                            problem: "Quiero poner el chat en mi web."),
        ])
        #expect(runKB(["index"], in: directory.url).code == 0)
        #expect(runKB(["article", "link", "T-302", "KB-0002"], in: directory.url).code == 0)
        return directory
    }

    @Test func plantedClusterFirstAndExactLinkRate() throws {
        let directory = try workspace()
        let result = runKB(["gaps", "--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let clusters = try #require(json["clusters"] as? [[String: Any]])
        let first = try #require(clusters.first)
        #expect((first["tickets"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["T-101", "T-102", "T-103", "T-104", "T-105"])
        #expect(first["rank"] as? Int == 1 && first["service"] as? String == "llamadas" && first["recent"] as? Int == 2)
        #expect(clusters.dropFirst().allSatisfy { $0["size"] as? Int == 1 })
        // 12 solved tickets in the period: T-301 (field) and T-302 (link) link an article.
        let linkRate = try #require(json["link_rate"] as? [String: Any])
        #expect(linkRate["tickets"] as? Int == 12 && linkRate["linked"] as? Int == 2)
        #expect(linkRate["rate"] as? Double == 0.1667)
        let counts = try #require(json["tickets"] as? [String: Any])
        #expect(counts["solved"] as? Int == 12 && counts["linked"] as? Int == 2 && counts["matched"] as? Int == 3
                    && counts["uncovered"] as? Int == 7)
        let reuse = try #require(json["reuse"] as? [[String: Any]])
        #expect(reuse.count == 1 && reuse.first?["id"] as? String == "KB-0002" && reuse.first?["tickets"] as? Int == 2)
        #expect((json["never_reused"] as? [[String: Any]])?.compactMap { $0["id"] as? String } == ["KB-0001", "KB-0003"])
        #expect(json["since"] as? String == "2026-05-05")
    }

    @Test func textReport() throws {
        let directory = try workspace()
        let result = runKB(["gaps", "--limit", "2"], in: directory.url)
        #expect(result.code == 0)
        let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines[0] == "Knowledge gaps since 2026-05-05: 12 solved tickets, 2 linked to an article, 3 answered by a "
                    + "validated article without linking it, 7 uncovered in 3 clusters")
        let summary = try #require(lines.first { $0.hasPrefix("   llamadas, 5 tickets, 2 in the last 30 days; terms: ") })
        #expect(summary.contains("entrecortado") && summary.contains("salientes"), "\(summary)")
        #expect(lines.contains("   T-101 T-102 T-103 T-104 T-105"))
        #expect(lines.contains("(1 more clusters; use --limit)"))
        #expect(lines.contains("Link rate: 2 of 12 solved tickets link an article (16.7%)"))
        // The covered tickets are a link-rate finding under their article, not a gap.
        #expect(lines.contains("  KB-0001  3 tickets  No carga el login del portal por certificado vencido"))
        #expect(lines.contains("    T-201 T-202 T-203"))
        #expect(lines.contains("  KB-0002  2  La exportación de reportes a Excel falla"))
        #expect(lines.contains("Never reused: KB-0001, KB-0003"))
        let rank = try #require(lines.firstIndex { $0.hasPrefix("1. ") })
        #expect(Self.tickets.prefix(5).map { "1. " + $0.title }.contains(lines[rank]))
    }

    @Test func sinceAndUsageErrors() throws {
        let directory = try workspace()
        let late = runKB(["gaps", "--since", "2026-10-01", "--json"], in: directory.url)
        #expect(late.code == 0)
        #expect(late.stdout.contains("\"tickets\":{\"solved\":3,"))
        #expect(runKB(["gaps", "--since", "ayer"], in: directory.url).code == 64)
        #expect(runKB(["gaps", "--limit", "0"], in: directory.url).code == 64)
    }
}
