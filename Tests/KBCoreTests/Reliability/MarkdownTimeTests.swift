import Foundation
import Testing
@testable import KBCore

/// Markdown that drives cmark-gfm 0.29 (Debian 12) into quadratic time, the parser behind every HTML document kb
/// writes and fed with ticket text (FAQ answers come from resolutions): rendered in bounded time, and ordinary
/// tables and links render as before. (Its speed is not timed here: unit tests assert no wall-clock figures.)
@Suite struct MarkdownTimeTests {
    static let cases: [(String, String)] = [
        ("a table row of 50,000 separators", "| a |\n|---|\n" + String(repeating: "|", count: 50_000) + "\n"),
        ("a table row of 25,000 cells", "| a |\n|---|\n" + String(repeating: "|x", count: 25_000) + "\n"),
        ("33,000 image-and-link openers", String(repeating: "![[]()", count: 33_000)),
        ("the same inside a list item", "- " + String(repeating: "![[]()", count: 33_000)),
    ]

    /// Before the defusing these took 9 s, 2 s, 11 s and 11 s in a debug build. What is checked is what makes them
    /// quick, with no clock: the renderer hands cmark the defused text, in which tables are off for the rows of
    /// thousands of cells and the thousands of link openers are escaped, so no table, link or image comes out.
    @Test(arguments: 0..<4)
    func pathologicalInputIsDefusedBeforeCmark(case number: Int) {
        let (name, markdown) = Self.cases[number]
        let (defused, tables) = MarkdownRenderer.defused(markdown)
        let html = MarkdownRenderer().html(from: markdown)
        #expect(!html.isEmpty)
        if markdown.contains("|---|") {
            #expect(!tables, "\(name): tables should be off")
            #expect(!html.contains("<table"), "\(name)")
        } else {
            let unescaped = defused.utf8.indices.filter { index in
                defused.utf8[index] == UInt8(ascii: "[") && (index == defused.utf8.startIndex
                    || defused.utf8[defused.utf8.index(before: index)] != UInt8(ascii: "\\"))
            }
            #expect(unescaped.count <= MarkdownRenderer.maximumBracketsPerParagraph, "\(name): \(unescaped.count) brackets left")
            #expect(!html.contains("<img") && !html.contains("<a "), "\(name)")
        }
    }

    @Test func ordinaryMarkdownIsUnchanged() {
        let table = "| Severidad | Ejemplo |\n|---|---|\n| 1 | [portal](https://x.example) |\n"
        #expect(MarkdownRenderer.defused(table) == (table, true))
        #expect(MarkdownRenderer().html(from: table).contains("<table>"))
        let links = (0..<400).map { "[enlace \($0)](https://x.example/\($0))" }.joined(separator: " ")
        #expect(MarkdownRenderer.defused(links).text == links)
        // Past the limit only the offending paragraph changes, and fenced code never does.
        let many = String(repeating: "[", count: 600)
        let text = "[ok](https://x.example)\n\n\(many)\n\n```\n\(many)\n```"
        let defused = MarkdownRenderer.defused(text).text
        #expect(defused.hasPrefix("[ok](https://x.example)\n\n\\["))
        #expect(defused.hasSuffix("```\n\(many)\n```"))
        #expect(MarkdownRenderer().html(from: text).contains("<a href=\"https://x.example\">ok</a>"))
    }
}
