import KBTestSupport
import Foundation
import Testing
@testable import KBCore

/// Markdown with raw HTML, scripts and dangerous link schemes: `MarkdownRenderer`'s HTML never holds an
/// active script. Checked on the output itself: no `<script`, `<iframe`, `<object`, `<embed`, `<style`, `<svg`
/// or other tag outside the small set cmark writes for Markdown; no event-handler attribute (`onerror=`…);
/// no `href`/`src` whose scheme (after entity decoding, case folding and dropping blanks) is `javascript:`,
/// `vbscript:`, `file:` or a non-image `data:`. The same words may appear as escaped text, which is harmless.
@Suite struct MarkdownSafetyTests {
    static let attacks = [
        "<script>alert(1)</script>", "<SCRIPT SRC=//x.example/x.js></SCRIPT>", "<img src=x onerror=alert(1)>",
        "<iframe src=\"https://x.example\"></iframe>", "<svg onload=alert(1)>", "<object data=x></object>", "<embed src=x>",
        "<style>body{background:url(javascript:alert(1))}</style>", "<a href=\"javascript:alert(1)\">x</a>",
        "[x](javascript:alert(1))", "[x](JaVaScRiPt:alert(1))", "[x](java&#x73;cript:alert(1))", "[x](java\\script:alert(1))",
        "[x]( javascript:alert(1) )", "[x](<javascript:alert(1)>)", "[x](&#106;avascript:alert(1))", "[x](vbscript:msgbox(1))",
        "[x](data:text/html;base64,PHNjcmlwdD4=)", "[x](file:///etc/passwd)", "![x](javascript:alert(1))",
        "![x](data:image/svg+xml;base64,PHN2Zz4=)", "<javascript:alert(1)>", "[x][r]\n\n[r]: javascript:alert(1)",
        "www.example.com/\"onmouseover=\"alert(1)", "https://x.example/<script>", "x@example.com<script>",
        "| a | b |\n|---|---|\n| <script>x</script> | <img src=x onerror=y> |", "~~<iframe>~~", "`<script>`",
        "    <script>indented code</script>", "```html\n<script>alert(1)</script>\n```", "&lt;script&gt;", "&#60;script&#62;",
        "<div onclick=\"x\">\n\n*md*\n\n</div>", "<!-- <script> -->", "<![CDATA[<script>]]>", "<?php echo 1; ?>",
        "# <script>heading</script>\n## Solución \"><img src=x onerror=alert(1)>", "[<script>](https://ok.example)",
        "[x](https://ok.example \"title\\\" onerror=alert(1)\")", "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
        "<details open ontoggle=alert(1)>", "<a href=\"&#x6A;avascript:alert(1)\">x</a>", "<scr<script>ipt>alert(1)</script>",
    ]

    /// Tags cmark writes for Markdown with the table, strikethrough and autolink extensions.
    static let allowedTags: Set<String> = [
        "p", "a", "em", "strong", "code", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote",
        "hr", "br", "img", "table", "thead", "tbody", "tr", "th", "td", "del", "input",
    ]
    static let allowedAttributes: Set<String> = ["href", "src", "alt", "title", "id", "align", "start", "class", "lang",
                                                 "type", "checked", "disabled"]

    /// Problems found in `html`, empty when it is safe.
    static func problems(in html: String) -> [String] {
        var found: [String] = []
        let lower = html.lowercased()
        for needle in ["<script", "<iframe", "<object", "<embed", "<style", "<svg", "<math"] where lower.contains(needle) {
            found.append("contains \(needle)")
        }
        let bytes = Array(lower.utf8)
        var index = 0
        while index < bytes.count {
            guard bytes[index] == UInt8(ascii: "<") else { index += 1; continue }
            guard let end = bytes[index...].firstIndex(of: UInt8(ascii: ">")) else { found.append("unclosed tag"); break }
            let tag = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            index = end + 1
            if tag.hasPrefix("!--") { continue }
            let name = String(tag.drop(while: { $0 == "/" }).prefix(while: { $0.isLetter || $0.isNumber }))
            guard allowedTags.contains(name) else { found.append("tag <\(name)>"); continue }
            for (attribute, value) in attributes(of: tag) {
                if !allowedAttributes.contains(attribute) { found.append("attribute \(attribute) on <\(name)>") }
                if attribute == "href" || attribute == "src" {
                    let target = decodeEntities(value).unicodeScalars.filter { $0.value > 0x20 }.map(String.init).joined()
                    for scheme in ["javascript:", "vbscript:", "file:"] where target.hasPrefix(scheme) {
                        found.append("\(attribute)=\(value)")
                    }
                    if target.hasPrefix("data:"), !["data:image/png", "data:image/gif", "data:image/jpeg", "data:image/webp"]
                        .contains(where: target.hasPrefix) {
                        found.append("\(attribute)=\(value)")
                    }
                }
            }
        }
        return found
    }

    /// `name="value"` pairs of a tag's text (cmark always quotes with `"`).
    static func attributes(of tag: String) -> [(String, String)] {
        var result: [(String, String)] = []
        var rest = Substring(tag.drop(while: { !$0.isWhitespace }))
        while let equals = rest.firstIndex(of: "=") {
            let name = rest[..<equals].trimmingCharacters(in: .whitespaces)
            var after = rest[rest.index(after: equals)...]
            guard after.first == "\"", let close = after.dropFirst().firstIndex(of: "\"") else {
                result.append((name, String(after)))
                break
            }
            result.append((name, String(after[after.index(after: after.startIndex)..<close])))
            after = after[after.index(after: close)...]
            rest = after
        }
        for flag in rest.split(separator: " ") where !flag.contains("=") && !flag.isEmpty && flag != "/" {
            result.append((String(flag), ""))
        }
        return result
    }

    static func decodeEntities(_ text: String) -> String {
        var output = text.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&colon;", with: ":")
        while let range = output.range(of: "&#[xX]?[0-9a-fA-F]+;?", options: .regularExpression) {
            var digits = output[range].dropFirst(2)
            let hex = digits.first == "x" || digits.first == "X"
            if hex { digits = digits.dropFirst() }
            let value = UInt32(digits.filter { $0 != ";" }, radix: hex ? 16 : 10) ?? 0x3F
            output.replaceSubrange(range, with: String(Unicode.Scalar(value).map(Character.init) ?? "?"))
        }
        return output
    }

    /// The checker itself catches what it is meant to catch.
    @Test func checkerFlagsActiveContent() {
        #expect(!Self.problems(in: "<p><script>x</script></p>").isEmpty)
        #expect(!Self.problems(in: "<img src=\"x\" onerror=\"y\" />").isEmpty)
        #expect(!Self.problems(in: "<a href=\"&#106;avascript:alert(1)\">x</a>").isEmpty)
        #expect(!Self.problems(in: "<a href=\"data:text/html,x\">x</a>").isEmpty)
        #expect(Self.problems(in: "<p>javascript: onerror= &lt;script&gt;</p>\n<a href=\"https://x\">y</a>").isEmpty)
    }

    @Test(arguments: attacks)
    func attackIsNeutralised(markdown: String) {
        let html = MarkdownRenderer().html(from: markdown)
        #expect(Self.problems(in: html).isEmpty, "\(markdown)\n→ \(html)")
    }

    @Test func randomMixturesAreNeutralised() {
        var generator = SeededGenerator(seed: 0x3A2C)
        let markdownPieces = ["[", "](", ")", "<", ">", "![", "\n", "\n\n", "# ", "| ", "|---|", "`", "```", "    ", "> ", "- ",
                              "*", "_", "~~", "&", "&#", ";", "\"", "'", "javascript", ":", "on", "error", "=", "www.", "https://"]
        let renderer = MarkdownRenderer(headingAnchors: true, anchorPrefix: "<x\">")
        for round in 0..<2_000 {
            var markdown = ""
            for _ in 0..<Int.random(in: 1...16, using: &generator) {
                switch Int.random(in: 0..<4, using: &generator) {
                case 0: markdown += generator.pick(Self.attacks)
                case 1, 2: markdown += generator.pick(markdownPieces)
                default: markdown += HostileText.string(using: &generator, pieces: 1...2)
                }
            }
            let html = renderer.html(from: markdown)
            let problems = Self.problems(in: html)
            #expect(problems.isEmpty, "round \(round): \(problems) in\n\(markdown)\n→ \(html)")
        }
    }
}
