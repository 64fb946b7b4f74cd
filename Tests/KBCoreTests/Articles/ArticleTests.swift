import Testing
@testable import KBCore

@Suite struct ArticleTests {
    static let sample = """
    ---
    id: KB-0007
    title: No carga la pantalla de login del portal
    state: validated        # wip | not_validated | validated | archived
    audience: customer      # internal | customer
    services: [portal]
    tags: [login, certificado]
    tickets: [T-1042, T-1077]
    updated: 2026-03-10
    language: es
    ---
    Introducción breve.

    ## Problema
    El portal muestra una pantalla en blanco.
    <!-- internal -->
    Cliente: Banco Austral, contacto ana@banco.cl
    <!-- /internal -->

    ## Entorno
    Portal 2.3 sobre Chrome.

    ## Solucion:
    1. Renovar el certificado.
    ```
    ## no es un título
    ```

    ## Causa
    <!-- internal -->
    MARCADOR-INTERNO: el certificado venció porque nadie renovó.
    <!-- /internal -->

    ## Notas
    Texto libre con <!-- internal -->secreto en línea<!-- /internal --> visible.
    """

    @Test func parsesFieldsAndSections() throws {
        let article = try Article.parse(text: Self.sample, path: "kb/articles/portal/login.md")
        #expect(article.id == "KB-0007")
        #expect(article.title == "No carga la pantalla de login del portal")
        #expect(article.state == .validated)
        #expect(article.audience == .customer)
        #expect(article.services == ["portal"])
        #expect(article.tags == ["login", "certificado"])
        #expect(article.tickets == ["T-1042", "T-1077"])
        #expect(article.updated == "2026-03-10")
        #expect(article.language == .spanish)
        #expect(article.path == "kb/articles/portal/login.md")
        #expect(article.bodyStartLine == 12)
        #expect(article.body.hasPrefix("Introducción breve.\n"))
        #expect(article.sections.map(\.heading) == ["Problema", "Entorno", "Solucion:", "Causa", "Notas"])
        #expect(article.sections.map(\.kind) == [.problem, .environment, .solution, .cause, nil])
        #expect(article.sections.map(\.line) == [14, 20, 23, 29, 34])
        #expect(article.section(.solution)?.text == "1. Renovar el certificado.\n```\n## no es un título\n```")
        #expect(article.section(.cause)?.hasContent == true)
        #expect(article.internalBlocks == [
            .init(openLine: 16, closeLine: 18), .init(openLine: 30, closeLine: 32), .init(openLine: 35, closeLine: 35),
        ])
        #expect(article.internalBlockIssues.isEmpty)
    }

    @Test func customerViewDropsInternalBlocks() throws {
        let article = try Article.parse(text: Self.sample, path: "kb/articles/portal/login.md")
        let safe = article.customerSafeBody
        #expect(!safe.contains("MARCADOR-INTERNO"))
        #expect(!safe.contains("Banco Austral"))
        #expect(!safe.contains("secreto"))
        #expect(safe.contains("Texto libre con  visible."))
        #expect(article.customerSection(.cause)?.hasContent == false)
        #expect(article.customerSection(.problem)?.text == "El portal muestra una pantalla en blanco.")
        #expect(article.customerSection(.problem)?.lines.first?.number == 15)
        #expect(article.hasCustomerSafeContent)
        #expect(article.isEligibleForCustomers)
    }

    @Test(arguments: [
        ("Problema", ArticleSectionKind.problem), ("PROBLEM", .problem), ("Entorno", .environment),
        ("Environment", .environment), ("Solución", .solution), ("Solucion:", .solution), ("Resolution", .solution),
        ("resolución", .solution), ("Solution", .solution), ("Causa", .cause), ("Causa raíz", .cause),
        ("Root cause", .cause),
    ])
    func recognisesHeadings(heading: String, kind: ArticleSectionKind) {
        #expect(ArticleSectionKind(heading: heading) == kind)
    }

    @Test func otherHeadingsHaveNoKind() {
        #expect(ArticleSectionKind(heading: "Notas") == nil)
        #expect(ArticleSectionKind(heading: "Problemas conocidos") == nil)
    }

    @Test func closingHashesAndLevelsOfHeadings() throws {
        let text = "---\nid: KB-0001\ntitle: t\nstate: wip\naudience: internal\n---\n## Causa ##\n### Problema\nx\n#### y\n"
        let article = try Article.parse(text: text, path: "p.md")
        #expect(article.sections.map(\.heading) == ["Causa"])
        #expect(article.sections[0].lines.map(\.text) == ["### Problema", "x", "#### y"])
    }

    /// Missing or invalid required fields are errors naming the line.
    @Test(arguments: [
        ("---\ntitle: t\nstate: wip\naudience: internal\n---\n", 1, "missing required key 'id'"),
        ("---\nid: KB-0001\nstate: wip\naudience: internal\n---\n", 1, "missing required key 'title'"),
        ("---\nid: KB-0001\ntitle: t\naudience: internal\n---\n", 1, "missing required key 'state'"),
        ("---\nid: KB-0001\ntitle: t\nstate: wip\n---\n", 1, "missing required key 'audience'"),
        ("---\nid: KB-0001\ntitle: t\nstate: done\naudience: internal\n---\n", 4,
         "'state' must be wip, not_validated, validated or archived (got 'done')"),
        ("---\nid: KB-0001\ntitle: t\nstate: wip\naudience: public\n---\n", 5,
         "'audience' must be internal or customer (got 'public')"),
        ("---\nid: KB-0001\ntitle: t\nstate: wip\naudience: internal\nlanguage: fr\n---\n", 6,
         "'language' must be es or en (got 'fr')"),
        ("---\nid: KB-0001\ntitle: [a, b]\nstate: wip\naudience: internal\n---\n", 3,
         "'title' must be a single value, not a list"),
        ("---\nid:\ntitle: t\nstate: wip\naudience: internal\n---\n", 2, "'id' is empty"),
        ("---\nid: KB-0001\ntitle: \"  \"\nstate: wip\naudience: internal\n---\n", 3, "'title' is empty"),
    ])
    func rejectsInvalidFields(text: String, line: Int, reason: String) {
        #expect(throws: ArticleError.invalidFrontMatter(path: "kb/articles/a.md", line: line, reason: reason)) {
            try Article.parse(text: text, path: "kb/articles/a.md")
        }
    }

    @Test func unknownKeysAndLooseFormatsAreKeptForLint() throws {
        let text = "---\nid: KB-7\ntitle: t\nstate: wip\naudience: internal\nautor: ana\nupdated: ayer\ntags: login\n---\n"
        let article = try Article.parse(text: text, path: "p.md")
        #expect(article.unknownKeys == ["autor"])
        #expect(article.id == "KB-7")
        #expect(article.updated == "ayer")
        #expect(article.tags == ["login"])
        #expect(article.language == nil)
    }

    @Test func invalidUTF8IsAnEncodingError() {
        let file = ArticleFile(path: "kb/articles/bad.md", bytes: [0x2D, 0x2D, 0x2D, 0x0A, 0xFF, 0xFE])
        #expect(throws: ArticleError.invalidEncoding(path: "kb/articles/bad.md")) { try Article.parse(file: file) }
    }

    @Test func customerArticleWithOnlyInternalContentIsNotEligible() throws {
        let text = """
        ---
        id: KB-0002
        title: t
        state: validated
        audience: customer
        ---
        ## Problema
        <!-- internal -->
        todo interno
        <!-- /internal -->
        """
        let article = try Article.parse(text: text, path: "p.md")
        #expect(!article.hasCustomerSafeContent)
        #expect(!article.isEligibleForCustomers)
    }
}
