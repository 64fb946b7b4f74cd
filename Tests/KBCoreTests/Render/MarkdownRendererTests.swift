import Foundation
import Testing
@testable import KBCore

@Suite struct MarkdownRendererTests {
    private let renderer = MarkdownRenderer()

    /// Values of every `href="…"` and `src="…"` attribute in the output.
    private func linkTargets(_ html: String) -> [String] {
        var targets: [String] = []
        for attribute in ["href=\"", "src=\""] {
            var rest = html[...]
            while let start = rest.range(of: attribute) {
                let after = rest[start.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                targets.append(String(after[..<end]))
                rest = after[end...]
            }
        }
        return targets
    }

    @Test func rendersCommonMarkAndGitHubExtensions() {
        let html = renderer.html(from: """
            Texto con *énfasis*, `código` y ~~tachado~~. Ver https://example.com/kb.

            | Servicio | Estado |
            |:---------|-------:|
            | portal   | caído  |

            - uno
            - dos
            """)
        #expect(html.contains("<em>énfasis</em>"))
        #expect(html.contains("<code>código</code>"))
        #expect(html.contains("<del>tachado</del>"))
        #expect(html.contains("<a href=\"https://example.com/kb\">https://example.com/kb</a>"))
        #expect(html.contains("<table>"))
        #expect(html.contains("<td align=\"right\">caído</td>"))
        #expect(html.contains("<li>dos</li>"))
    }

    @Test(arguments: [
        "<script>alert(1)</script>",
        "hola <script>alert(1)</script> mundo",
        "| a | b |\n|---|---|\n| <script>alert(1)</script> | <SCRIPT src=x></SCRIPT> |",
        "<div onclick=\"alert(1)\">x</div>",
        "texto <img src=x onerror=alert(1)> fin",
        "<iframe src=\"https://evil.example\"></iframe>",
    ])
    func neverPassesRawHTML(markdown: String) {
        let html = renderer.html(from: markdown).lowercased()
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(!html.contains("onerror"))
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<div"))
    }

    @Test(arguments: [
        "[clic](javascript:alert(1))",
        "[clic](JAVASCRIPT:alert(1))",
        "<javascript:alert(1)>",
        "![img](javascript:alert(1))",
        "[vb](vbscript:msgbox(1))",
        "[data](data:text/html;base64,PHNjcmlwdD4=)",
        "| a |\n|---|\n| [x](javascript:alert(1)) |",
    ])
    func dropsDangerousLinkTargets(markdown: String) {
        let targets = linkTargets(renderer.html(from: markdown))
        #expect(!targets.isEmpty)
        for target in targets {
            let lowered = target.lowercased()
            #expect(!lowered.hasPrefix("javascript:") && !lowered.hasPrefix("vbscript:")
                    && !lowered.hasPrefix("data:text"))
        }
    }

    @Test func givesHeadingsUniqueAnchors() {
        let html = renderer.html(from: """
            # Caída del portal
            ## Solución
            Texto con <h2> literal.
            ## Solución
            ### Paso 1: reiniciar `nginx`
            ```
            <h2>en código</h2>
            ```
            """)
        #expect(html.contains("<h1 id=\"caida-del-portal\">Caída del portal</h1>"))
        #expect(html.contains("<h2 id=\"solucion\">Solución</h2>"))
        #expect(html.contains("<h2 id=\"solucion-1\">Solución</h2>"))
        #expect(html.contains("<h3 id=\"paso-1-reiniciar-nginx\">Paso 1: reiniciar <code>nginx</code></h3>"))
        #expect(html.contains("&lt;h2&gt;en código&lt;/h2&gt;"))
    }

    @Test func listsHeadingsForATableOfContents() {
        let headings = MarkdownRenderer(anchorPrefix: "KB-0007").headings(in: """
            ## Problema
            Setext title
            ============
            ## Problema **grave**
            """)
        #expect(headings == [
            MarkdownHeading(level: 2, text: "Problema", anchor: "kb-0007-problema"),
            MarkdownHeading(level: 1, text: "Setext title", anchor: "kb-0007-setext-title"),
            MarkdownHeading(level: 2, text: "Problema grave", anchor: "kb-0007-problema-grave"),
        ])
        let html = MarkdownRenderer(anchorPrefix: "KB-0007").html(from: "## Problema")
        #expect(html == "<h2 id=\"kb-0007-problema\">Problema</h2>\n")
    }

    @Test func anchorsCanBeTurnedOff() {
        #expect(MarkdownRenderer(headingAnchors: false).html(from: "## Causa") == "<h2>Causa</h2>\n")
    }

    @Test(arguments: [
        ("Solución", "solucion"), ("¿Qué pasó?", "que-paso"), ("  Error ERR-401 en  login ", "error-err-401-en-login"),
        ("v2.3", "v23"), ("***", "section"), ("Ñandú_Año", "nandu-ano"), ("Ünïcödé 日本", "unicode-日本"),
        ("a -- b", "a-b"),
    ])
    func slugsHeadings(heading: String, slug: String) {
        #expect(MarkdownRenderer.anchor(for: heading) == slug)
    }

    @Test func rendersConcurrently() async {
        let outputs = await withTaskGroup(of: String.self) { group in
            for index in 0..<8 {
                group.addTask { MarkdownRenderer().html(from: "## Título \(index)\n\n| a |\n|---|\n| ~~b~~ |") }
            }
            var collected: [String] = []
            for await output in group { collected.append(output) }
            return collected
        }
        #expect(outputs.count == 8)
        #expect(outputs.allSatisfy { $0.contains("<del>b</del>") && $0.contains("id=\"titulo-") })
    }
}
