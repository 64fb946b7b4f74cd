import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Workspaces with imported tickets for the writers' command tests (`kb article …`, `kb gaps`).
enum WriterCLIFixtures {
    static func time(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    static func closed(id: String, title: String, service: String? = "portal", status: TicketStatus = .closed,
                       rootCause: String? = nil) -> Ticket {
        Ticket(
            id: id, title: title,
            description: "La pantalla de login queda en blanco desde las 9:00. Contacto: maria.perez@acme.cl",
            customer: "Banco Austral", plan: "12x5", service: service, severity: 2, status: status, channel: .correo,
            assignee: "ana", createdAt: time("2026-03-02T09:14:00-03:00"), resolvedAt: time("2026-03-02T11:00:00-03:00"),
            closedAt: time("2026-03-02T12:00:00-03:00"), resolution: "Se renovó el certificado TLS del balanceador.",
            rootCause: rootCause, tags: ["login"],
            events: [
                TicketEvent(at: time("2026-03-02T09:20:00-03:00"), kind: .customerUpdate, author: "María Pérez",
                            text: "Tampoco carga desde el celular."),
                TicketEvent(at: time("2026-03-02T09:40:00-03:00"), kind: .action, author: "ana",
                            text: "Revisar el vencimiento del certificado."),
                TicketEvent(at: time("2026-03-02T09:50:00-03:00"), kind: .comment, author: "ana", visibility: .internal,
                            text: "SECRETO-INTERNO: llamar al proveedor."),
            ])
    }

    /// A workspace whose store holds `tickets` (imported with `kb import`) and whose kb/articles holds `articles`.
    static func workspace(tickets: [Ticket], articles: [String: String] = [:]) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("tickets.jsonl", tickets.map { $0.jsonText() }.joined(separator: "\n") + "\n")
        let imported = runKB(["import", "tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        for (path, text) in articles { try directory.write(path, text) }
        return directory
    }

    static func read(_ directory: TemporaryDirectory, _ path: String) throws -> String {
        try String(contentsOf: directory.url.appendingPathComponent(path), encoding: .utf8)
    }
}

@Suite struct ArticleDraftCommandTests {
    static let tickets = [
        WriterCLIFixtures.closed(id: "T-1042", title: "No carga el login del portal"),
        WriterCLIFixtures.closed(id: "T-2000", title: "Portal lento", status: .inProgress),
        WriterCLIFixtures.closed(id: "T-3000", title: "../../etc/shadow: ¿qué?", service: "../../tmp"),
    ]

    @Test func draftsOnceThenRefusesNamingThePath() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        let first = runKB(["article", "draft", "T-1042"], in: directory.url)
        #expect(first.code == 0, "\(first.stderr)")
        let path = "kb/articles/portal/no-carga-el-login-del-portal.md"
        #expect(first.stdout.hasPrefix("wrote \(path) (KB-0001, state wip) from T-1042\n"))
        let text = try WriterCLIFixtures.read(directory, path)
        #expect(text.contains("id: KB-0001\n") && text.contains("updated: 2026-11-01\n") && text.contains("tickets: [T-1042]\n"))
        #expect(!text.contains("maria.perez@acme.cl") && !text.contains("María Pérez") && !text.contains("Banco Austral"))
        #expect(text.contains("<!-- internal -->\nNotas internas del ticket T-1042:\n"))

        try Data("edited\n".utf8).write(to: directory.url.appendingPathComponent(path))
        let second = runKB(["article", "draft", "T-1042"], in: directory.url)
        #expect(second.code == 1)
        #expect(second.stderr == "error: \(path) already exists; drafts never overwrite a file (rename or remove it, or edit it instead)\n")
        #expect(try WriterCLIFixtures.read(directory, path) == "edited\n")
    }

    @Test func openTicketIsRefusedUnlessForced() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        let refused = runKB(["article", "draft", "T-2000"], in: directory.url)
        #expect(refused.code == 1)
        #expect(refused.stderr.hasPrefix("error: ticket T-2000 is in_progress, not resolved or closed"))
        #expect(try ArticleScanner.scan(root: directory.url).isEmpty)
        let forced = runKB(["article", "draft", "T-2000", "--force"], in: directory.url)
        #expect(forced.code == 0)
    }

    @Test func unknownTicketAndMissingDatabase() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        let unknown = runKB(["article", "draft", "T-9"], in: directory.url)
        #expect(unknown.code == 1 && unknown.stderr.contains("ticket 'T-9' not found"))
        let empty = try TemporaryDirectory()
        try empty.makeWorkspace()
        let missing = runKB(["article", "draft", "T-1"], in: empty.url)
        #expect(missing.code == 1 && missing.stderr.contains("kb import"))
        #expect(runKB(["article", "draft"], in: directory.url).code == 64)
    }

    @Test func idFollowsTheHighestOnDiskAndJSONReportsIt() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets, articles: [
            "kb/articles/a.md": "---\nid: KB-0041\ntitle: a\nstate: wip\naudience: internal\n---\n## Problema\nx\n",
        ])
        let result = runKB(["article", "draft", "T-1042", "--json"], in: directory.url)
        #expect(result.stdout == """
            {"id":"KB-0042","path":"kb/articles/portal/no-carga-el-login-del-portal.md","ticket":"T-1042",\
            "title":"No carga el login del portal","language":"es","written":true,"covered_by":[]}

            """)
    }

    @Test func hostileTitleAndServiceStayInsideArticles() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        let result = runKB(["article", "draft", "T-3000", "--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout.contains("\"path\":\"kb/articles/tmp/etc-shadow-que.md\""))
        let text = try WriterCLIFixtures.read(directory, "kb/articles/tmp/etc-shadow-que.md")
        #expect(text.contains("title: \"../../etc/shadow: ¿qué?\"\n"))
        #expect(runKB(["article", "lint"], in: directory.url).code == 0)
    }

    @Test func englishDraft() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        #expect(runKB(["article", "draft", "T-1042", "--lang", "en"], in: directory.url).code == 0)
        let text = try WriterCLIFixtures.read(directory, "kb/articles/portal/no-carga-el-login-del-portal.md")
        #expect(text.contains("language: en\n") && text.contains("## Cause\n(to complete)\n"))
        #expect(runKB(["article", "draft", "T-1042", "--lang", "fr"], in: directory.url).code == 64)
    }

    @Test func filledDraftLintsCleanOnceValidated() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: Self.tickets)
        #expect(runKB(["article", "draft", "T-1042"], in: directory.url).code == 0)
        let path = "kb/articles/portal/no-carga-el-login-del-portal.md"
        let asDrafted = runKB(["article", "lint"], in: directory.url)
        #expect(asDrafted.code == 0, "\(asDrafted.stdout)")
        var text = try WriterCLIFixtures.read(directory, path)
        #expect(text.contains("## Causa\n(completar)\n"))
        text = text.replacingOccurrences(of: "state: wip", with: "state: validated")
        let early = try directory.write(path, text)
        let refused = runKB(["article", "lint", early.path], in: directory.url)
        #expect(refused.code == 1 && refused.stdout.contains("\(path):"))
        try directory.write(path, text.replacingOccurrences(of: "(completar)", with: "El certificado venció sin alerta previa."))
        let clean = runKB(["article", "lint", "--json"], in: directory.url)
        #expect(clean.code == 0)
        #expect(clean.stdout.contains("\"errors\":0"), "\(clean.stdout)")
        #expect(runKB(["index"], in: directory.url).code == 0)
    }
}
