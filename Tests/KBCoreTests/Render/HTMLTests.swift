import Foundation
import Testing
@testable import KBCore

@Suite struct HTMLTests {
    @Test(arguments: [
        ("a & b < c > d \"e\" 'f'", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;", "a &amp; b &lt; c &gt; d &quot;e&quot; &#39;f&#39;"),
        ("plain ñandú", "plain ñandú", "plain ñandú"),
        ("tab\tline\nbell\u{07}nul\u{00}", "tab\tline\nbellnul", "tab&#9;line&#10;bellnul"),
    ])
    func escapes(text: String, escaped: String, attribute: String) {
        #expect(HTML.escape(text) == escaped)
        #expect(HTML.escapeAttribute(text) == attribute)
    }

    /// The templates inline the stylesheets in `<style>`: they must not end it, load anything or lose the print rules.
    @Test(arguments: [HTMLStylesheet.standard, ReviewRenderer.stylesheet])
    func stylesheetsStayInsideTheirElement(css: String) {
        #expect(!css.contains("</"))
        for forbidden in ["@import", "url(", "http://", "https://"] { #expect(!css.contains(forbidden)) }
        #expect(css.contains("@page"))
        #expect(css.contains(".chapter { break-before: page; page-break-before: always;"))
    }
}
