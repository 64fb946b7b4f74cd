import Foundation
import Testing
@testable import KBCore

@Suite struct ArticleLinterTests {
    static let known: Set<String> = ["T-1042", "T-1077"]
    static let linter = ArticleLinter(redactor: Redactor(customerNames: ["Banco Austral"], agentNames: ["Ana Soto"]))

    private func lint(_ files: [ArticleFile]) -> [String] {
        Self.linter.lint(files: files, knownTickets: { Self.known.contains($0) }).map(\.description)
    }

    private func lint(_ text: String, path: String = "kb/articles/a.md") -> [String] {
        lint([ArticleFile(path: path, text: text)])
    }

    /// Builds an article: front matter lines 1–10 (closing `---` on line 10), body from line 11.
    private func article(id: String = "KB-0007", state: String = "validated", audience: String = "customer",
                         tickets: String = "[T-1042]", extra: String = "language: es", body: String) -> String {
        """
        ---
        id: \(id)
        title: No carga el login
        state: \(state)
        audience: \(audience)
        services: [portal]
        tickets: \(tickets)
        updated: 2026-03-10
        \(extra)
        ---
        \(body)
        """
    }

    static let fullBody = """
    ## Problema
    El portal no carga.
    ## Entorno
    Portal 2.3.
    ## Solución
    Renovar el certificado.
    ## Causa
    Certificado vencido.
    <!-- internal -->
    Banco Austral, ana@banco.cl, +56 9 1234 5678, (completar)
    <!-- /internal -->
    """

    @Test func cleanArticleHasNoDiagnostics() {
        #expect(lint(article(body: Self.fullBody)) == [])
    }

    @Test func frontMatterSyntaxErrorIsOneDiagnostic() {
        #expect(lint("---\nid: KB-0001\nid: KB-0002\n---\n") == [
            "kb/articles/a.md:3: error: duplicate key 'id' (first defined on line 2)",
        ])
    }

    @Test func invalidUTF8() {
        #expect(lint([ArticleFile(path: "kb/articles/b.md", bytes: [0xC3, 0x28])])
            == ["kb/articles/b.md:1: error: file is not valid UTF-8"])
    }

    @Test func fieldProblemsAreAllReported() {
        let text = """
        ---
        id: KB-7
        title: t
        state: wip
        audience: customer
        updated: 2026-02-30
        language: es
        tags: [a, b, a]
        autor: ana
        ---
        ## Problema
        Algo.
        """
        #expect(lint(text) == [
            "kb/articles/a.md:2: error: invalid id 'KB-7' (expected KB- and at least 4 digits, e.g. KB-0007)",
            "kb/articles/a.md:6: error: invalid date '2026-02-30' for 'updated' (expected YYYY-MM-DD)",
            "kb/articles/a.md:8: warning: 'a' listed twice in 'tags' (first on line 8)",
            "kb/articles/a.md:9: warning: unknown front matter key 'autor' (known: audience, id, language, services, "
                + "state, tags, tickets, title, updated)",
        ])
    }

    @Test func missingRequiredFieldsAndBadValues() {
        let text = "---\ntitle: t\nstate: finished\naudience: customer\nupdated: 2026-03-10\n---\nTexto.\n"
        #expect(lint(text) == [
            "kb/articles/a.md:1: error: missing required key 'id'",
            "kb/articles/a.md:3: error: 'state' must be wip, not_validated, validated or archived (got 'finished')",
        ])
    }

    @Test func sectionsRequiredPerState() {
        let body = "## Problema\nAlgo pasa.\n## Solución\n\n<!-- Describa la solución -->\n"
        #expect(lint(article(state: "validated", body: body)) == [
            "kb/articles/a.md:11: error: missing section '## Causa' (required in validated articles)",
            "kb/articles/a.md:11: error: missing section '## Entorno' (required in validated articles)",
            "kb/articles/a.md:13: error: section 'Solución' is empty (required in validated articles)",
        ])
        #expect(lint(article(state: "not_validated", body: body)) == [
            "kb/articles/a.md:11: warning: missing section '## Causa' (expected before validation)",
            "kb/articles/a.md:11: warning: missing section '## Entorno' (expected before validation)",
            "kb/articles/a.md:13: error: section 'Solución' is empty (required in not_validated articles)",
        ])
        #expect(lint(article(state: "wip", body: body)) == [])
        #expect(lint(article(state: "wip", body: "## Causa\nx\n")) == [
            "kb/articles/a.md:11: error: missing section '## Problema' (required in wip articles)",
        ])
        #expect(lint(article(state: "archived", audience: "internal", body: "")) == [])
    }

    @Test func englishHeadingsGetEnglishMessages() {
        #expect(lint(article(state: "validated", extra: "language: en", body: "## Problem\nx\n## Cause\ny\n## Resolution\nz\n"))
            == ["kb/articles/a.md:11: error: missing section '## Environment' (required in validated articles)"])
    }

    @Test func duplicateSectionIsAWarning() {
        let body = Self.fullBody + "\n## Problema\nOtra vez."
        #expect(lint(article(body: body)) == [
            "kb/articles/a.md:22: warning: second 'Problema' section (first on line 11)",
        ])
    }

    @Test func placeholdersInValidatedAndNotValidatedArticles() {
        let body = Self.fullBody.replacingOccurrences(of: "Portal 2.3.", with: "Versión \(Language.spanish.catalogue["article.placeholder"])")
        #expect(lint(article(body: body)) == [
            "kb/articles/a.md:14: error: placeholder '(completar)' left in a validated article",
        ])
        #expect(lint(article(state: "not_validated", body: body)) == [
            "kb/articles/a.md:14: warning: placeholder '(completar)' left in a not_validated article",
        ])
        #expect(lint(article(state: "wip", body: body)) == [])
    }

    @Test func duplicateIdNamesTheFirstFileInPathOrder() {
        let files = [
            ArticleFile(path: "kb/articles/z.md", text: article(audience: "internal", body: Self.fullBody)),
            ArticleFile(path: "kb/articles/b.md", text: article(audience: "internal", body: Self.fullBody)),
        ]
        #expect(lint(files) == ["kb/articles/z.md:2: error: duplicate id 'KB-0007' (already used by kb/articles/b.md)"])
    }

    @Test func unknownTicketsPointAtTheirItem() {
        let text = article(audience: "internal", tickets: "", extra: "tickets:\n  - T-1042\n  - T-9999", body: "")
            .replacingOccurrences(of: "tickets: \n", with: "")
        let diagnostics = lint(text)
        #expect(diagnostics.contains("kb/articles/a.md:10: error: linked ticket 'T-9999' not found in the store"))
        #expect(!diagnostics.contains { $0.contains("T-1042") })
    }

    @Test func personalDataInCustomerVisibleTextOnly() {
        let body = Self.fullBody.replacingOccurrences(
            of: "Renovar el certificado.", with: "Renovar el certificado; avisar a soporte@banco.cl o al +56 9 8765 4321.")
        #expect(lint(article(body: body)) == [
            "kb/articles/a.md:16: error: email address in customer-visible text (column 34); "
                + "remove it or move it into an internal block",
            "kb/articles/a.md:16: error: phone number in customer-visible text (column 56); "
                + "remove it or move it into an internal block",
        ])
        // The same text in an internal article is fine.
        #expect(lint(article(audience: "internal", body: body)) == [])
    }

    @Test func knownNamesAndTitleCountAsPersonalData() {
        let text = article(body: Self.fullBody.replacingOccurrences(of: "El portal no carga.", with: "Banco Austral reportó."))
            .replacingOccurrences(of: "title: No carga el login", with: "title: Login de Ana Soto")
        #expect(lint(text) == [
            "kb/articles/a.md:3: error: agent name in customer-visible title (column 10); remove it or move it into an internal block",
            "kb/articles/a.md:12: error: customer name in customer-visible text (column 1); remove it or move it into an internal block",
        ])
    }

    /// Lint reports what customer material would redact: obfuscated data on its line, data that only appears once
    /// tags are stripped (at its section), and front matter values the material shows.
    @Test func reportsWhatCustomerMaterialWouldRedact() {
        let body = Self.fullBody
            .replacingOccurrences(of: "El portal no carga.", with: "Escribir a juan&#64;entity.com o clave temporal: Qw3rty!2026.")
            .replacingOccurrences(of: "Renovar el certificado.", with: "Avisar a ana<b></b>@acme.cl hoy.")
        let text = article(body: body).replacingOccurrences(of: "services: [portal]", with: "services: [portal, 10.2.2.2]")
        let diagnostics = lint(text)
        #expect(diagnostics.contains { $0.contains(":12: error: email address in customer-visible text (column 12)") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains(":12: error: password in customer-visible text") }, "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("error: email address in customer-visible text of section 'Solución' once its markup is removed") },
                "\(diagnostics)")
        #expect(diagnostics.contains { $0.contains("error: IP address in customer-visible service") }, "\(diagnostics)")
    }

    @Test func customerArticleWithoutCustomerSafeContent() {
        let body = "<!-- internal -->\n## Problema\nTodo interno.\n<!-- /internal -->\n## Causa\n"
        #expect(lint(article(state: "wip", body: body)).contains(
            "kb/articles/a.md:11: error: customer article has no content outside internal blocks"))
    }

    @Test func malformedInternalMarkers() {
        let body = Self.fullBody + "\n<!-- internal -->\nnota sin cerrar"
        #expect(lint(article(audience: "internal", body: body)) == [
            "kb/articles/a.md:22: error: internal block is never closed with '<!-- /internal -->' "
                + "(everything after it is hidden from customers)",
        ])
    }

    @Test func longArticlesGetAWarning() {
        let long = Array(repeating: "palabra", count: 700).joined(separator: " ")
        let internalOnly = "<!-- internal -->\n\(long)\n<!-- /internal -->"
        #expect(lint(article(body: Self.fullBody + "\n" + long)).contains(
            "kb/articles/a.md:11: warning: article has 715 words outside internal blocks (over 600, about a page); "
                + "split it or move detail into internal notes"))
        #expect(lint(article(body: Self.fullBody + "\n" + internalOnly)) == [])
    }

    @Test func diagnosticsAreSortedByPathThenLine() {
        let files = [
            ArticleFile(path: "kb/articles/b.md", text: "---\nid: KB-0001\n---\n"),
            ArticleFile(path: "kb/articles/a.md", text: "sin front matter"),
        ]
        #expect(Self.linter.lint(files: files, knownTickets: { _ in true }).map(\.description) == [
            "kb/articles/a.md:1: error: missing front matter: the file must start with a '---' line",
            "kb/articles/b.md:1: error: missing required key 'audience'",
            "kb/articles/b.md:1: error: missing required key 'state'",
            "kb/articles/b.md:1: error: missing required key 'title'",
            "kb/articles/b.md:1: warning: missing 'updated' date (YYYY-MM-DD)",
        ])
    }
}

extension ArticleLinterTests {
    @Test(arguments: ArticleLinter.placeholderMarkers)
    func everyPlaceholderMarkerIsCaught(marker: String) {
        let body = Self.fullBody.replacingOccurrences(of: "Certificado vencido.", with: "\(marker) causa")
        #expect(lint(article(body: body)) == [
            "kb/articles/a.md:18: error: placeholder '\(marker)' left in a validated article",
        ])
    }
}
