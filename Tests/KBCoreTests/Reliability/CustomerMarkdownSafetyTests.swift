import KBTestSupport
import CCmarkGFM
import Foundation
import Testing
@testable import KBCore

/// The Markdown of customer material hands no active content to whatever renders it later: rendered even by
/// cmark in unsafe mode (raw HTML and every link scheme allowed), it passes `MarkdownSafetyTests.problems`.
@Suite struct CustomerMarkdownSafetyTests {
    /// cmark-gfm's HTML with raw HTML and dangerous URLs let through, as a careless publisher would render.
    static func unsafeHTML(_ markdown: String) -> String {
        cmark_gfm_core_extensions_ensure_registered()
        guard let parser = cmark_parser_new(CMARK_OPT_UNSAFE) else { return "" }
        defer { cmark_parser_free(parser) }
        for name in ["table", "strikethrough", "autolink"] {
            if let syntax = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, syntax) }
        }
        var text = markdown
        text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                if let base = chars.baseAddress { cmark_parser_feed(parser, base, chars.count) }
            }
        }
        guard let document = cmark_parser_finish(parser) else { return "" }
        defer { cmark_node_free(document) }
        guard let html = cmark_render_html(document, CMARK_OPT_UNSAFE, cmark_parser_get_syntax_extensions(parser)) else { return "" }
        defer { free(html) }
        return String(cString: html)
    }

    /// The unsafe renderer really lets attacks through, so a clean result means something.
    @Test func unsafeRendererIsUnsafe() {
        #expect(!MarkdownSafetyTests.problems(in: Self.unsafeHTML("<script>x</script>")).isEmpty)
        #expect(!MarkdownSafetyTests.problems(in: Self.unsafeHTML("[x](javascript:alert(1))")).isEmpty)
    }

    @Test(arguments: MarkdownSafetyTests.attacks + [
        "<img src=x\nonerror=alert(1)>", "<a\nhref=\"javascript:alert(1)\">x</a>", "<scr\nipt>alert(1)</script>",
        "<div\n  onclick=\"alert(1)\">x</div>", "[x](\njavascript:alert(1))", "[x]:\n  javascript:alert(1)\n\n[x]",
        "<JAVASCRIPT:alert(1)>", "[x](  \t javascript:alert(1))", "[x](&#x6A;&#x61;vascript:alert(1))", "[x](javascript&colon;alert(1))",
        "[x](jav\tascript:alert(1))", "![x](vbscript:x)", "[![img](x.png)](javascript:alert(1))", "[x](data:text/html,<script>)",
        // A link hidden in a paragraph whose brackets the renderer escapes for speed.
        String(repeating: "[", count: 600) + " [x](javascript:alert(1))",
    ])
    func attackLeavesNoActiveContent(markdown: String) {
        let prepared = CustomerMarkdown.prepare(markdown, minimumHeadingLevel: 3)
        let html = Self.unsafeHTML(prepared)
        #expect(MarkdownSafetyTests.problems(in: html).isEmpty, "\(markdown)\n→ \(prepared)\n→ \(html)")
    }

    @Test func randomMixturesLeaveNoActiveContent() {
        var generator = SeededGenerator(seed: 0xC0DE)
        let pieces = ["[", "](", ")", "<", ">", "\n", "\n\n", "`", "```\n", "    ", "&#", "&#x", ";", "\"", "javascript",
                      "JavaScript", ":", "on", "error", "=", "www.", "https://", "<img", "<a href=", "<!--", "-->", " ", "\t"]
        for round in 0..<2_000 {
            var markdown = ""
            for _ in 0..<Int.random(in: 1...20, using: &generator) {
                markdown += generator.chance(0.3) ? generator.pick(MarkdownSafetyTests.attacks) : generator.pick(pieces)
            }
            let prepared = CustomerMarkdown.prepare(markdown, minimumHeadingLevel: 3)
            let problems = MarkdownSafetyTests.problems(in: Self.unsafeHTML(prepared))
            #expect(problems.isEmpty, "round \(round): \(problems)\n\(markdown)\n→ \(prepared)")
        }
    }
}
