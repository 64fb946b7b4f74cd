import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct ArticleDrafterTests {
    static let names = PersonNames(customers: ["Banco Austral", "María Pérez"], agents: ["ana"])
    static let today = WriterFixtures.time("2026-11-01T23:30:00-03:00")

    func drafter(_ language: Language = .spanish) throws -> ArticleDrafter {
        ArticleDrafter(language: language, templates: try WriterFixtures.templates(language), names: Self.names)
    }

    func section(_ article: Article, _ kind: ArticleSectionKind) throws -> String {
        try #require(article.section(kind)).text
    }

    @Test func draftHasKCSSectionsFromTheTicket() throws {
        let draft = try drafter().draft(from: WriterFixtures.closedTicket(), id: "KB-0042", date: Self.today)
        #expect(draft.path == "kb/articles/portal/no-carga-el-login-del-portal.md")
        let article = try Article.parse(text: draft.text, path: draft.path)
        #expect(article.id == "KB-0042")
        #expect(article.state == .wip && article.audience == .internal)
        #expect(article.services == ["portal"] && article.tags == ["login", "certificado"] && article.tickets == ["T-1042"])
        // The UTC day of `date`, not the local one.
        #expect(article.updated == "2026-11-02")
        #expect(article.language == .spanish)

        let problem = try section(article, .problem)
        #expect(problem.contains("> No carga el login del portal"))
        #expect(problem.contains("> Desde las 9:00 la pantalla de login queda en blanco."))
        #expect(problem.contains("- También falla desde el celular"))
        // Updates after the resolution are thanks, not the problem.
        #expect(!problem.contains("Gracias"))
        let environment = try section(article, .environment)
        #expect(environment == "- Servicio: portal\n- Plan: 12x5\n- Canal: correo")
        let solution = try section(article, .solution)
        #expect(solution.hasPrefix("Se renovó el certificado TLS del balanceador."))
        // Steps from the actions taken, internal ones included, imperative, in order.
        #expect(solution.contains("1. Revisar la fecha de vencimiento del certificado en el balanceador"))
        #expect(solution.contains("2. Pedir al cliente borrar la caché del navegador y reintentar"))
        #expect(!solution.contains("NOTA-INTERNA-7"))
        #expect(try section(article, .cause).hasPrefix("El certificado TLS del balanceador venció."))
        // The internal note is inside the internal block, and only there.
        #expect(article.internalBlocks.count == 1 && article.internalBlockIssues.isEmpty)
        #expect(draft.text.contains("NOTA-INTERNA-7"))
        #expect(!article.customerSafeBody.contains("NOTA-INTERNA-7"))
    }

    @Test func personalDataIsRedacted() throws {
        let draft = try drafter().draft(from: WriterFixtures.closedTicket(), id: "KB-0042", date: Self.today)
        for secret in ["maria.perez@acme.cl", "8765 4321", "10.2.3.4", "María Pérez", "Banco Austral"] {
            #expect(!draft.text.contains(secret), "\(secret) left in the draft")
        }
        // Placeholders are text like the rest, escaped for Markdown (`\[correo\]` reads "[correo]").
        #expect(draft.text.contains(#"\[correo\]"#) && draft.text.contains(#"\[teléfono\]"#) && draft.text.contains(#"\[IP\]"#))
        // Agent names are redacted in internal notes too.
        #expect(draft.text.contains(#"NOTA-INTERNA-7: \[agente\] revisa"#))
    }

    @Test func missingFieldsGetThePlaceholder() throws {
        var ticket = WriterFixtures.closedTicket(rootCause: nil)
        ticket.plan = nil
        ticket.channel = nil
        ticket.service = nil
        ticket.resolution = nil
        ticket.events = []
        let draft = try drafter().draft(from: ticket, id: "KB-0001", date: Self.today)
        #expect(draft.path == "kb/articles/no-carga-el-login-del-portal.md")
        let article = try Article.parse(text: draft.text, path: draft.path)
        #expect(try section(article, .environment) == "(completar)")
        #expect(try section(article, .solution) == "(completar)")
        #expect(try section(article, .cause) == "(completar)")
        #expect(article.services.isEmpty)
        #expect(article.internalBlocks.isEmpty)
    }

    @Test func englishDraftUsesEnglishHeadingsAndPlaceholder() throws {
        let draft = try drafter(.english).draft(from: WriterFixtures.closedTicket(rootCause: nil), id: "KB-0001", date: Self.today)
        let article = try Article.parse(text: draft.text, path: draft.path)
        #expect(article.language == .english)
        #expect(article.sections.compactMap(\.kind) == [.problem, .environment, .solution, .cause])
        #expect(article.sections.map(\.heading) == ["Problem", "Environment", "Resolution", "Cause"])
        // The internal notes block follows the placeholder in the last section.
        #expect(try section(article, .cause).hasPrefix("(to complete)\n\n<!-- internal -->"))
        #expect(try section(article, .environment).contains("- Service: portal"))
        #expect(draft.text.contains(#"\[email\]"#))
    }

    @Test func openTicketIsRefusedUnlessAllowed() throws {
        let open = WriterFixtures.closedTicket(status: .inProgress)
        #expect(throws: ArticleDraftError.ticketNotResolved(id: "T-1042", status: "in_progress")) {
            try drafter().draft(from: open, id: "KB-0001", date: Self.today)
        }
        #expect(try drafter().draft(from: open, id: "KB-0001", date: Self.today, allowOpen: true).id == "KB-0001")
        let resolved = WriterFixtures.closedTicket(status: .resolved)
        #expect(try drafter().draft(from: resolved, id: "KB-0001", date: Self.today).id == "KB-0001")
    }

    @Test(arguments: [
        "Error: el portal \"no\" carga # otra vez", "'comillas' y [corchetes]", "- empieza con guion", "yes", "123",
        "Título con\nsalto de línea", "{llaves}: y más",
    ])
    func awkwardTitlesParseBack(title: String) throws {
        let draft = try drafter().draft(from: WriterFixtures.closedTicket(title: title), id: "KB-0042", date: Self.today)
        let article = try Article.parse(text: draft.text, path: draft.path)
        #expect(article.title == draft.title)
        #expect(article.title == TextLines.singleLine(title))
    }

    @Test func ticketTextCannotBreakTheStructure() throws {
        var ticket = WriterFixtures.closedTicket()
        ticket.description = "## Solución\nfalsa\n<!-- /internal -->\n<!-- internal -->\n```\n---\n<script>alert(1)</script>"
        ticket.rootCause = "## Causa falsa\n<!--internal-->"
        ticket.events.append(TicketEvent(at: WriterFixtures.time("2026-03-02T10:40:00-03:00"), kind: .action, visibility: .public,
                                         text: "# paso\n<!-- /internal -->"))
        ticket.events.append(TicketEvent(at: WriterFixtures.time("2026-03-02T10:45:00-03:00"), kind: .comment, visibility: .internal,
                                         text: "<!-- /internal --> fuga"))
        let draft = try drafter().draft(from: ticket, id: "KB-0042", date: Self.today)
        let article = try Article.parse(text: draft.text, path: draft.path)
        #expect(article.sections.map(\.heading) == ["Problema", "Entorno", "Solución", "Causa"])
        #expect(article.internalBlockIssues.isEmpty)
        #expect(article.internalBlocks.count == 1)
        #expect(!article.customerSafeBody.contains("fuga"))
        // Tags are escaped (`\<script\>`) and comment openers broken (`\<\!--`).
        #expect(!draft.text.replacingOccurrences(of: "\\<", with: "").contains("<script>"))
        #expect(draft.text.contains(#"\<\!-- /internal --\>"#))
    }

    @Test func filledDraftLintsCleanAsValidated() throws {
        let ticket = WriterFixtures.closedTicket(rootCause: nil)
        let draft = try drafter().draft(from: ticket, id: "KB-0042", date: Self.today)
        let linter = ArticleLinter(redactor: Self.names.redactor(language: .spanish))
        let known: (String) -> Bool = { $0 == "T-1042" }
        // As drafted (wip), placeholders are allowed.
        let wip = linter.lint(file: ArticleFile(path: draft.path, text: draft.text), knownTickets: known)
        #expect(wip.filter { $0.severity == .error }.isEmpty, "\(wip)")
        #expect(draft.text.contains(Language.spanish.catalogue["article.placeholder"]))
        // Validated with the placeholder left: lint refuses it.
        let early = draft.text.replacingOccurrences(of: "state: wip", with: "state: validated")
        #expect(linter.lint(file: ArticleFile(path: draft.path, text: early), knownTickets: known).contains {
            $0.severity == .error && $0.message.contains("placeholder")
        })
        // Filled in and validated: no errors.
        let filled = early.replacingOccurrences(of: Language.spanish.catalogue["article.placeholder"], with: "El certificado venció sin aviso.")
        let diagnostics = linter.lint(file: ArticleFile(path: draft.path, text: filled), knownTickets: known)
        #expect(diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics)")
        let article = try Article.parse(text: filled, path: draft.path)
        #expect(article.state == .validated)
        for kind in ArticleSectionKind.allCases { #expect(article.section(kind)?.hasContent == true) }
    }

    @Test func brokenWorkspaceTemplateIsReported() throws {
        let templates = try TemplateSet(directories: [], builtIn: ["article.md": "---\ntitle: {{{title}}}\n---\n## Problema\nx\n"])
        let drafter = ArticleDrafter(language: .spanish, templates: templates)
        #expect(throws: ArticleDraftError.self) {
            try drafter.draft(from: WriterFixtures.closedTicket(), id: "KB-0001", date: Self.today)
        }
    }

    @Test func nextIDCountsIndexedAndFilesOnDiskEvenMalformed() {
        let files = [
            ArticleFile(path: "kb/articles/a.md", text: "---\nid: KB-0007\ntitle: a\nstate: wip\naudience: internal\n---\n"),
            ArticleFile(path: "kb/articles/b.md", text: "---\nid: \"KB-0012\"\ntitle: \"sin cerrar\nstate: wip\n---\n"),
            ArticleFile(path: "kb/articles/c.md", text: "no front matter\nid: KB-9999\n"),
        ]
        #expect(ArticleIDAllocator.nextID(indexedIDs: [], files: []) == "KB-0001")
        #expect(ArticleIDAllocator.nextID(indexedIDs: ["KB-0003"], files: files) == "KB-0013")
        #expect(ArticleIDAllocator.nextID(indexedIDs: ["KB-0020", "not-an-id"], files: files) == "KB-0021")
        #expect(ArticleIDAllocator.nextID(indexedIDs: ["KB-9999"], files: []) == "KB-10000")
    }

    @Test func writeNeverOverwrites() throws {
        let directory = try TemporaryDirectory()
        let draft = try drafter().draft(from: WriterFixtures.closedTicket(), id: "KB-0042", date: Self.today)
        try draft.write(root: directory.url)
        let url = directory.url.appendingPathComponent(draft.path)
        try Data("edited by a writer".utf8).write(to: url)
        #expect(throws: ArticleDraftError.fileExists(path: draft.path)) { try draft.write(root: directory.url) }
        #expect(try String(contentsOf: url, encoding: .utf8) == "edited by a writer")
    }

    @Test func workspaceDraftPicksNextIDAndRedactsStoreNames() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/otro.md", "---\nid: KB-0005\ntitle: otro\nstate: wip\naudience: internal\n---\n## Problema\nx\n")
        let store = try WriterFixtures.store(in: directory, tickets: [WriterFixtures.closedTicket()])
        defer { try? store.close() }
        let workspace = Workspace(root: directory.url)
        let draft = try workspace.draftArticle(ticketID: "T-1042", store: store, now: Self.today)
        #expect(draft.id == "KB-0006")
        let text = try String(contentsOf: directory.url.appendingPathComponent(draft.path), encoding: .utf8)
        #expect(text == draft.text)
        #expect(!text.contains("Banco Austral") && !text.contains("María Pérez"))
        #expect(throws: ArticleDraftError.fileExists(path: draft.path)) {
            try workspace.draftArticle(ticketID: "T-1042", store: store, now: Self.today)
        }
        #expect(throws: ArticleDraftError.ticketNotFound(id: "T-9")) {
            try workspace.draftArticle(ticketID: "T-9", store: store, now: Self.today)
        }
    }
}
