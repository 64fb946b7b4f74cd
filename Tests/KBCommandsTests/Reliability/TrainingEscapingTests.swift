import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Every user-controlled field of the training material (article titles, ids, services, tags and sections,
/// FAQ questions and answers from tickets, the `--service` and `--tag` filters) reaches HTML escaped, and
/// text holding Mustache tags is shown literally, never run as a template.
@Suite struct TrainingEscapingTests {
    static let payload = "\"><script>alert('x')</script><img src=x onerror=alert(1)>"
    /// Mustache a writer might paste in an article (or an attacker in a ticket): shown as written.
    static let mustache = ["{{#x}}oculto{{/x}}", "{{> partial}}", "{{{stylesheet}}}", "{{title}}", "{{=<% %>=}}"]

    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let quotedTitle = "'Portal \(payload.replacingOccurrences(of: "'", with: "''")) {{title}}'"
        // Not in a folder: its one service names its chapter, whose title must be escaped too.
        try directory.write("kb/articles/xss.md", """
            ---
            id: KB-0001
            title: \(quotedTitle)
            state: validated
            audience: customer
            services: ['<svg onload=alert(1)>']
            tags: ['<iframe src=x>', login]
            tickets: [R-0, R-1, R-2]
            updated: 2026-03-10
            ---
            ## Problema
            El portal muestra \(payload) y [un enlace](javascript:alert(1)).
            <script>alert("bloque")</script>

            ## Solución
            Escriba literalmente \(mustache.joined(separator: " y ")) en el campo.

            <iframe src="https://x.example"></iframe>
            <a href="javascript:alert(2)" onclick="alert(3)">clic</a>

            ## Causa
            Un certificado vencido <b onmouseover=alert(4)>aquí</b>.
            """)
        var tickets = ""
        for index in 0..<3 {
            let title = "¿Cómo cambio la clave? \(payload) {{#x}}{{/x}}".replacingOccurrences(of: "\"", with: "\\\"")
            tickets += """
                {"id":"R-\(index)","title":"\(title)","description":"x","customer":"<b>Cliente</b>","service":"<svg onload=alert(1)>",\
                "severity":5,"status":"closed","created_at":"2026-03-0\(index + 1)T09:00:00-03:00",\
                "resolution":"Use {{> partial}} y <script>alert(5)</script> [aquí](javascript:alert(6))","tags":["<iframe src=x>"],\
                "events":[]}

                """
        }
        try directory.write("t.jsonl", tickets)
        let imported = runKB(["import", "t.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        return directory
    }

    /// Active content in a whole training HTML document: what the stylesheet and the template themselves do not write.
    static func problems(in html: String) -> [String] {
        var found: [String] = []
        let lower = html.lowercased()
        for needle in ["<script", "<iframe", "<svg", "<img", "<object", "<embed", "<b ", "<b>", "javascript:"] where lower.contains(needle) {
            found.append("contains \(needle)")
        }
        if lower.components(separatedBy: "<style").count != 2 { found.append("a <style> element besides the stylesheet") }
        if lower.range(of: "\\son[a-z]+\\s*=", options: .regularExpression).map({ lower[..<$0.lowerBound].last(where: { $0 == "<" || $0 == ">" }) == "<" }) == true {
            found.append("an event-handler attribute")
        }
        return found
    }

    @Test func htmlEscapesEveryField() throws {
        let directory = try Self.workspace()
        let scope = ["--service", "<svg onload=alert(1)>", "--tag", "<iframe src=x>"]
        for arguments in [[], scope] {
            let result = runKB(["training", "--format", "html", "--out", "-"] + arguments, in: directory.url)
            #expect(result.code == 0, "\(result.stderr)")
            #expect(Self.problems(in: result.stdout).isEmpty, "\(Self.problems(in: result.stdout))")
            // The fields are there, as text.
            #expect(result.stdout.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
            #expect(result.stdout.contains("&lt;svg onload=alert(1)&gt;"))
            #expect(result.stdout.contains("Más detalles en"), "the FAQ should be part of the document")
        }
    }

    @Test(arguments: ["md", "html"])
    func mustacheInContentIsLiteral(format: String) throws {
        let directory = try Self.workspace()
        let result = runKB(["training", "--format", format, "--out", "-"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        // What a reader sees: Markdown shows `\>` as `>`, HTML shows `&gt;` as `>`.
        let shown = format == "md"
            ? result.stdout.replacingOccurrences(of: "\\\\([!-/:-@\\[-`{-~])", with: "$1", options: .regularExpression)
            : result.stdout
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
        for tag in Self.mustache {
            #expect(shown.contains(tag), "\(tag) should appear as written in the \(format) output")
        }
        // The FAQ answers from the article (its Solución, braces and all), never with support's note.
        #expect(!shown.contains("Use {{> partial}} y"))
        #expect(shown.components(separatedBy: "oculto").count == 3, "the section text appears in its chapter and the FAQ, as text")
        // Neither output links to a script, whatever renders the Markdown later.
        #expect(!result.stdout.lowercased().contains("(javascript:") && !result.stdout.lowercased().contains("href=\"javascript:"))
    }
}
