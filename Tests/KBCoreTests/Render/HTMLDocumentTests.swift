import KBTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KBCore

@Suite struct HTMLDocumentTests {
    static let hostile = "<script>alert(1)</script> {{x}} \"q\" & 'a'"
    static let escapedHostile = "&lt;script&gt;alert(1)&lt;/script&gt; {{x}} &quot;q&quot; &amp; &#39;a&#39;"

    /// A page using every builder method with hostile text.
    static func hostileDocument() -> HTMLDocument {
        var document = HTMLDocument(title: hostile, language: "es")
        document.appendHeading(hostile, level: 1, id: "x\" onload=\"alert(1)")
        document.appendDetails([(label: hostile, value: hostile)])
        document.appendParagraph(hostile, className: "warning")
        document.appendTableOfContents(title: hostile, entries: [MarkdownHeading(level: 2, text: hostile, anchor: "a\"b")])
        document.appendTable(header: [hostile, "b"], rows: [[hostile], ["1", "2"]], caption: hostile)
        document.appendChapter(title: hostile, id: "cap-1") { chapter in
            chapter.appendMarkdown("## \(hostile)\n\n| a |\n|---|\n| \(hostile) |\n\n[x](javascript:alert(1))\n")
        }
        document.appendFigure(svg: BarChart(title: hostile, bars: [BarChart.Bar(category: hostile, value: 3)]).svg,
                              caption: hostile)
        return document
    }

    @Test func escapesHostileTextEverywhere() {
        let html = Self.hostileDocument().html
        #expect(!html.lowercased().contains("<script"))
        #expect(!html.contains("onload=\""))
        #expect(html.contains("<title>\(Self.escapedHostile)</title>"))
        #expect(html.contains("<p class=\"warning\">\(Self.escapedHostile)</p>"))
        #expect(html.contains("<td>\(Self.escapedHostile)</td>"))
        #expect(html.contains("<figcaption>\(Self.escapedHostile)</figcaption>"))
        #expect(html.contains("<h1 id=\"x&quot; onload=&quot;alert(1)\">"))
    }

    @Test func isASelfContainedPage() {
        let html = Self.hostileDocument().html
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"es\">\n<head>\n<meta charset=\"utf-8\" />\n"))
        #expect(html.contains("<style>"))
        #expect(html.contains("@page"))
        #expect(html.contains(".chapter { break-before: page; page-break-before: always;"))
        #expect(html.contains("<section class=\"chapter\" id=\"cap-1\">"))
        for forbidden in ["<script", "<link", "@import", "url(", "src=\"http", "href=\"http", "<iframe"] {
            #expect(!html.lowercased().contains(forbidden), "found \(forbidden)")
        }
        // The only absolute URL is the SVG namespace name, which is an identifier, never fetched.
        let urls = html.components(separatedBy: "://").count - 1
        #expect(urls == html.components(separatedBy: "xmlns=\"http://www.w3.org/2000/svg\"").count - 1)
    }

    @Test func isWellFormedXML() throws {
        let html = Self.hostileDocument().html
        let document = try XMLDocument(xmlString: html, options: [])
        let root = try #require(document.rootElement())
        #expect(root.name == "html")
        #expect(root.attribute(forName: "lang")?.stringValue == "es")
        let title = try #require(try document.nodes(forXPath: "/html/head/title").first)
        #expect(title.stringValue == Self.hostile)
        #expect(try document.nodes(forXPath: "//section[@class='chapter']/h1").count == 1)
        #expect(try document.nodes(forXPath: "//script").isEmpty)
    }

    @Test func stylesheetCannotCloseTheStyleElement() {
        var document = HTMLDocument(title: "t", stylesheet: "p { color: red; } </style><script>x</script>")
        document.appendParagraph("hola")
        #expect(!document.html.contains("</style><script>"))
    }

    @Test(arguments: [
        ("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;"),
        ("plain ñandú", "plain ñandú", "plain ñandú"),
        ("tab\tline\nbell\u{07}nul\u{00}", "tab\tline\nbellnul", "tab&#9;line&#10;bellnul"),
    ])
    func escapes(text: String, escaped: String, attribute: String) {
        #expect(HTML.escape(text) == escaped)
        #expect(HTML.escapeAttribute(text) == attribute)
    }
}
