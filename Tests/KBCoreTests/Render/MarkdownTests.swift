import Foundation
import Testing
@testable import KBCore

@Suite struct MarkdownTests {
    @Test(arguments: [
        ("plain text", "plain text"),
        ("ERR-401 v2.3 2026-03-10 1.5 GB #2, created_at", "ERR-401 v2.3 2026-03-10 1.5 GB #2, created_at"),
        ("a * b _c_ snake_case", #"a \* b \_c\_ snake_case"#),
        ("Error *grave* en [portal]", #"Error \*grave\* en \[portal\]"#),
        ("# title", ##"\# title"##),
        ("### title", "\\### title"),
        ("#hashtag", "#hashtag"),
        ("1. one", #"1\. one"#),
        ("2) two", #"2\) two"#),
        ("- item", #"\- item"#),
        ("+ item", #"\+ item"#),
        ("---", #"\---"#),
        ("-x", "-x"),
        ("> quote", #"\> quote"#),
        ("=== setext", #"\=== setext"#),
        ("x | y", #"x \| y"#),
        ("<script>x</script>", #"\<script\>x\</script\>"#),
        ("a & b ~c~ `d` \\", #"a \& b \~c\~ \`d\` \\"#),
        ("<!-- internal -->", #"\<\!-- internal --\>"#),
        ("  - indented", #"  \- indented"#),
    ])
    func escapesWhatWouldBecomeMarkup(text: String, escaped: String) {
        #expect(Markdown.escape(text) == escaped)
    }

    @Test func lineBreaksBecomeHardBreaksBetweenLinesWithText() {
        #expect(Markdown.escape("uno\n# dos\n\ntres") == "uno\\\n\\# dos\n\ntres")
        #expect(Markdown.escape("uno\r\ndos\rtres") == "uno\\\ndos\\\ntres")
        #expect(Markdown.escape("uno\n") == "uno\n")
    }

    @Test func lineJoinsEveryKindOfLineBreakWithOneSpace() {
        #expect(Markdown.line("uno\r\ndos\rtres\ncuatro") == "uno dos tres cuatro")
        #expect(Markdown.line("sin saltos") == "sin saltos")
    }

    /// Whatever the text, no escaped output carries the bytes of an internal-block marker.
    @Test(arguments: ["<!-- internal -->", "x<!--internal-->", "<<!--", "<\\!--", "\\<!-- /internal -->"])
    func neverCarriesAnInternalMarker(text: String) {
        #expect(!Markdown.escape(text).contains("<!--"))
    }

    @Test func renderedTextReadsAsWritten() {
        let text = "*a* _b_ [c](d) <e> `f` ~g~ &amp; | # 1. x"
        let html = MarkdownRenderer().html(from: Markdown.escape(text))
        #expect(html == "<p>" + HTML.escape(text) + "</p>\n")
    }

    @Test func templatesEscapeForTheirFormat() throws {
        #expect(TemplateEscaping(templateName: "review.md") == .markdown)
        #expect(TemplateEscaping(templateName: "templates/review.md.mustache") == .markdown)
        #expect(TemplateEscaping(templateName: "review.html") == .html)
        #expect(TemplateEscaping(templateName: "page.mustache") == .html)
        let set = try TemplateSet(directories: [], builtIn: ["a.md": "{{x}} {{{x}}}", "a.html": "{{x}}"])
        #expect(try set.render("a.md", context: ["x": "*y*"]) == #"\*y\* *y*"#)
        #expect(try set.render("a.html", context: ["x": "<y>"]) == "&lt;y&gt;")
    }
}
