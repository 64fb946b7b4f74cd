import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct TrainingPackTemplateTests {
    static func pack(language: Language = .spanish) throws -> TrainingPack {
        let text = """
        ---
        id: KB-0001
        title: Error <b>grave</b> & *raro*
        state: validated
        audience: customer
        services: [portal]
        ---
        ## Problema
        Falla <script>alert(1)</script> con **negrita**.

        ## Solución
        ### Paso uno
        Reiniciar.
        """
        let article = try Article.parse(text: text, path: "kb/articles/a.md")
        let options = TrainingOptions(language: language, workspaceLanguage: language, generatedOn: "2026-11-01")
        // The template is tested with an FAQ entry as given (the builder answers FAQ entries from articles).
        let faq = [TrainingPack.FAQEntry(question: "¿Cómo <i>cambio</i> la clave?", answer: "Use *Olvidé mi clave*.", count: 3)]
        var pack = TrainingBuilder(options: options, redactor: Redactor()).build(articles: [article], faq: nil).pack
        pack.faq = TrainingPack.FAQChapter(title: TrainingBuilder.faqTitle(in: language), anchor: "faq", entries: faq)
        return pack
    }

    static func templates(_ language: Language) throws -> TemplateSet {
        try TemplateSet(directories: [], builtIn: BuiltInTemplates.sources, words: language.catalogue)
    }

    @Test func htmlEscapesTextAndInsertsOnlyRenderedMarkdown() throws {
        let html = try Self.pack().render(format: .html, templates: try Self.templates(.spanish))
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">"))
        #expect(html.contains("<h2>Error &lt;b&gt;grave&lt;/b&gt; &amp; *raro*</h2>"))
        #expect(html.contains("<p>Falla  con <strong>negrita</strong>.</p>"))
        #expect(!html.contains("<script") && !html.contains("alert(1)"))
        #expect(html.contains("<h5 id=\"error-bgraveb-raro-solution-paso-uno\">Paso uno</h5>"))
        #expect(html.contains("<h2>¿Cómo &lt;i&gt;cambio&lt;/i&gt; la clave?</h2>"))
        #expect(html.contains("<p>Use <em>Olvidé mi clave</em>.</p>"))
        #expect(html.contains("default-src 'none'"))
        #expect(html.contains(".chapter { break-before: page;"))
        #expect(!html.contains("{{") && !html.contains("}}"))
    }

    @Test func markdownEscapesPlainTextAndKeepsArticleMarkdown() throws {
        let markdown = try Self.pack().render(format: .markdown, templates: try Self.templates(.spanish))
        #expect(markdown.hasPrefix("# Material de formación para clientes\n"))
        #expect(markdown.contains("### Error \\<b\\>grave\\</b\\> \\& \\*raro\\*\n"))
        #expect(markdown.contains("Falla  con **negrita**."))
        #expect(markdown.contains("##### Paso uno\nReiniciar."))
        #expect(markdown.contains("## Cómo reportar un incidente"))
        #expect(markdown.contains("| 1 · Crítica | Sin servicio de la plataforma. |"))
        #expect(markdown.contains("### ¿Cómo \\<i\\>cambio\\</i\\> la clave?\n\nUse *Olvidé mi clave*."))
    }

    @Test(arguments: Language.allCases)
    func everyTableOfContentsLinkHasItsTarget(language: Language) throws {
        let html = try Self.pack(language: language).render(format: .html, templates: try Self.templates(language))
        let hrefs = Self.values(of: "href=\"#", in: html)
        let ids = Set(Self.values(of: "id=\"", in: html))
        #expect(hrefs.count == 4)
        for href in hrefs { #expect(ids.contains(href), "no id for #\(href)") }
        #expect(html.contains("<html lang=\"\(language.rawValue)\">"))
    }

    static func values(of prefix: String, in html: String) -> [String] {
        html.components(separatedBy: prefix).dropFirst().compactMap { $0.split(separator: "\"", maxSplits: 1).first.map(String.init) }
    }
}
