import Testing
@testable import KBCore

@Suite struct TrainingBuilderTests {
    static func article(_ id: String, title: String = "Título", state: String = "validated", audience: String = "customer",
                        services: String = "[portal]", tags: String = "[]", language: String? = nil,
                        body: String = "## Problema\nFalla.\n\n## Solución\nReiniciar.") throws -> Article {
        let text = """
        ---
        id: \(id)
        title: \(title)
        state: \(state)
        audience: \(audience)
        services: \(services)
        tags: \(tags)
        \(language.map { "language: \($0)" } ?? "")
        ---
        \(body)
        """
        return try Article.parse(text: text, path: "kb/articles/\(id).md")
    }

    static let redactor = Redactor(language: .spanish, customerNames: ["Acme Andina"], agentNames: ["Rocío Fuentes"])

    static func builder(language: Language = .spanish, services: [String] = [], tags: [String] = []) -> TrainingBuilder {
        TrainingBuilder(options: TrainingOptions(language: language, services: services, tags: tags,
                                                 generatedOn: "2026-11-01"),
                        redactor: redactor)
    }

    @Test func includesOnlyValidatedCustomerArticles() throws {
        let articles = [
            try Self.article("KB-0001"),
            try Self.article("KB-0002", audience: "internal"),
            try Self.article("KB-0003", state: "not_validated"),
            try Self.article("KB-0004", state: "wip"),
            try Self.article("KB-0005", state: "archived"),
        ]
        let result = Self.builder().build(articles: articles, faq: nil)
        #expect(result.pack.sections.flatMap(\.articles).map(\.id) == ["KB-0001"])
        #expect(result.warnings.isEmpty)
        #expect(result.pack.faq == nil)
    }

    @Test func leavesOutArticlesWithMalformedMarkersOrNoSolutionAndSaysWhy() throws {
        let unclosed = try Self.article("KB-0001", body: "## Problema\nx\n## Solución\nok\n<!-- internal -->\nsecreto")
        let noSolution = try Self.article("KB-0002", body: "## Problema\nx\n<!-- internal -->\n## Solución\ny\n<!-- /internal -->")
        let result = Self.builder().build(articles: [unclosed, noSolution], faq: nil)
        #expect(result.pack.articleCount == 0)
        #expect(result.warnings.map(\.path) == ["kb/articles/KB-0001.md", "kb/articles/KB-0002.md"])
        #expect(result.warnings[0].description.hasPrefix("kb/articles/KB-0001.md:14: warning: internal block is never closed"))
        #expect(result.warnings[1].message.contains("no solution section"))
    }

    @Test func invalidFilesBecomeWarningsWithTheirLine() {
        let files = [ArticleFile(path: "kb/articles/bad.md", text: "---\nid: KB-1\ntitle: x\nstate: validado\naudience: customer\n---\n")]
        let result = Self.builder().build(files: files, faq: nil)
        #expect(result.warnings.count == 1)
        #expect(result.warnings[0].description.hasPrefix("kb/articles/bad.md:4: warning: "))
    }

    @Test func keepsProblemAndSolutionWithoutInternalBlocksAndRedacted() throws {
        let body = """
        ## Problema
        Reportado por Acme Andina desde 192.168.40.17.
        <!-- internal -->
        MARCA-INTERNA-7Q
        <!-- /internal -->

        ## Solución
        Escriba a rocio.fuentes@example.com o llame a Rocío Fuentes al +56 9 8765 4321.
        """
        let result = Self.builder().build(articles: [try Self.article("KB-0001", title: "Caso de Acme Andina", body: body)],
                                          faq: nil)
        let article = try #require(result.pack.sections.first?.articles.first)
        #expect(article.title == "Caso de [cliente]")
        #expect(article.problem == "Reportado por [cliente] desde [IP].")
        #expect(article.solution == "Escriba a [correo] o llame a [agente] al [teléfono].")
    }

    /// Causa is printed only when no internal block touches it and it holds no personal data.
    @Test(arguments: [
        ("## Causa\nEl certificado venció.", "El certificado venció."),
        ("## Causa\nEl certificado venció.\n<!-- internal -->\nMARCA-INTERNA-7Q\n<!-- /internal -->", nil),
        ("## Causa\nVisible <!-- internal -->MARCA-INTERNA-7Q<!-- /internal --> fin.", nil),
        ("<!-- internal -->\nnota\n<!-- /internal -->\n## Causa\nEl certificado venció.", "El certificado venció."),
        ("## Causa\nRocío Fuentes olvidó renovarlo.", nil),
        ("## Causa\nEl servidor 10.1.2.3 se cayó.", nil),
        ("## Causa\n<!-- internal -->\nMARCA-INTERNA-7Q\n<!-- /internal -->", nil),
    ] as [(String, String?)])
    func causeOnlyWhenCustomerSafe(cause: String, expected: String?) throws {
        let body = "## Problema\nFalla.\n\n## Solución\nReiniciar.\n\n" + cause
        let result = Self.builder().build(articles: [try Self.article("KB-0001", body: body)], faq: nil)
        #expect(result.pack.sections.first?.articles.first?.cause == expected)
    }

    @Test func filtersByServiceAndTagIgnoringCaseAndAccents() throws {
        let articles = [
            try Self.article("KB-0001", services: "[portal]", tags: "[login]"),
            try Self.article("KB-0002", services: "[Mensajería]", tags: "[Contraseña]"),
            try Self.article("KB-0003", services: "[portal, mensajeria]", tags: "[contrasena]"),
        ]
        let ids: (TrainingBuilder) -> [String] = { builder in
            builder.build(articles: articles, faq: nil).pack.sections.flatMap(\.articles).map(\.id).sorted()
        }
        #expect(ids(Self.builder(services: ["mensajeria"])) == ["KB-0002", "KB-0003"])
        #expect(ids(Self.builder(tags: ["CONTRASEÑA"])) == ["KB-0002", "KB-0003"])
        #expect(ids(Self.builder(services: ["portal"], tags: ["contraseña"])) == ["KB-0003"])
        #expect(ids(Self.builder(services: ["webchat"])) == [])
    }

    @Test func onlyArticlesInTheDocumentLanguage() throws {
        let articles = [
            try Self.article("KB-0001", language: "es"),
            try Self.article("KB-0002", language: "en", body: "## Problem\nx\n## Solution\ny"),
            try Self.article("KB-0003"),
        ]
        let spanish = Self.builder(language: .spanish).build(articles: articles, faq: nil)
        #expect(spanish.pack.sections.flatMap(\.articles).map(\.id) == ["KB-0001", "KB-0003"])
        #expect(spanish.otherLanguageCount == 1)
        let english = Self.builder(language: .english).build(articles: articles, faq: nil)
        #expect(english.pack.sections.flatMap(\.articles).map(\.id) == ["KB-0002"])
        #expect(english.pack.title == "Customer training material")
        #expect(english.pack.incidentGuide.title == "How to report an incident")
    }

    @Test func groupsBySortedServiceWithCrossReferencesAndUniqueAnchors() throws {
        let articles = [
            try Self.article("KB-0003", title: "Portal", services: "[webchat, portal]"),
            try Self.article("KB-0001", title: "Solución", services: "[portal]"),
            try Self.article("KB-0002", title: "Portal", services: "[]"),
        ]
        let pack = Self.builder().build(articles: articles, faq: [
            TrainingPack.FAQEntry(question: "q", answer: "a", count: 2, tickets: ["T-1", "T-2"], linkedArticles: ["KB-0001": 2]),
        ]).pack
        #expect(pack.sections.map(\.title) == ["Portal", "Webchat", "General"])
        #expect(pack.sections.map { $0.articles.map(\.id) } == [["KB-0001"], ["KB-0003"], ["KB-0002"]])
        #expect(pack.sections[0].seeAlso.map(\.id) == ["KB-0003"])
        #expect(pack.sections[0].seeAlso.first?.anchor == pack.sections[1].articles.first?.anchor)
        var anchors = pack.sections.map(\.anchor) + pack.sections.flatMap { $0.articles.map(\.anchor) }
        anchors += [pack.incidentGuide.anchor, pack.faq?.anchor ?? ""]
        #expect(Set(anchors).count == anchors.count)
        // "Solución" is a heading the template writes, so the article does not take its slug.
        #expect(pack.sections[0].articles[0].anchor == "solucion-1")
        #expect(pack.sections[0].anchor == "portal")
        #expect(pack.faq?.anchor == "preguntas-frecuentes")
    }

    @Test func incidentGuideFollowsTheManualsScale() {
        let guide = IncidentReportGuide.standard(language: .spanish, anchor: "x")
        #expect(guide.severities.map(\.name) == ["Crítica", "Alto impacto", "Impacto medio", "Bajo impacto", "Solicitudes"])
        #expect(guide.severities[0].definition == "Sin servicio de la plataforma.")
        #expect(guide.severities[4].examples.contains("contraseña"))
        #expect(guide.checklist.map(\.label) == ["Cliente", "Servicio afectado", "Desde cuándo", "Usuarios afectados",
                                                  "Descripción", "Evidencias", "Contacto", "Severidad"])
        let english = IncidentReportGuide.standard(language: .english, anchor: "x")
        #expect(english.severities.map(\.level) == [1, 2, 3, 4, 5])
        #expect(english.severities.map(\.name) == ["Critical", "High impact", "Medium impact", "Low impact", "Requests"])
        #expect(english.checklist.count == guide.checklist.count)
    }
}
