import Testing
@testable import KBCore

/// The form text is judged in, and the map from it back to the text as written.
@Suite struct NormalizedTextTests {
    /// (`&notaname;` is `¬aname;` in a browser too: `&not` is one of the names decoded without `;`.)
    @Test(arguments: [
        ("juan&#64;x.com &#x40; &commat; &amp;#64; &#64", "juan@x.com @ @ @ @"),
        ("AT&T &copy 2026 &notaname; &#0; &#x110000;", "AT&T © 2026 ¬aname; \u{FFFD} \u{FFFD}"),
        ("＠１０．４ ﬁle ① ² 𝐚", "@10.4 file 1 2 a"),
        ("a\u{200B}b\u{200C}c\u{200D}d\u{200E}e\u{200F}f\u{202A}g\u{202E}h\u{2060}i\u{2064}j\u{FEFF}k\u{00AD}l\u{2066}m", "abcdefghijklm"),
        ("n\u{0303} e\u{0301} \u{00F1}", "\u{00F1} \u{00E9} \u{00F1}"),
        ("x\u{1B}[31my\u{9B}2Jz\u{7}\r", "xyz"),
        ("10[.]0(.)0{.}1 a [at] b [DOT] c (arroba) d", "10.0.0.1 a@b.c@d"),
        ("10\\.0\\.0\\.1 \\@ \\a", "10.0.0.1 @ \\a"),
    ])
    func normalizes(input: String, expected: String) {
        #expect(NormalizedText(input).string == expected)
    }

    /// Legitimate text is its own normalized form: accents, ñ, other scripts, emoji (joiners inside an emoji are
    /// ignorable, so they go, but only in the judged form).
    @Test(arguments: ["ñandú acción Übersicht ¿Qué? «sí»", "日本語 Ελληνικά русский", "👍🏽 🇨🇱", "plain ASCII, no change: a+b=c"])
    func leavesLegitimateTextAlone(input: String) {
        let normalized = NormalizedText(input)
        #expect(normalized.string == input)
        #expect(normalized.isUnchanged)
    }

    @Test func mapsRangesBackToTheWrittenForm() {
        let text = "Hola juan&#64;x.com y ＡＢ\u{200B}Ｃ fin"
        let normalized = NormalizedText(text)
        #expect(normalized.string == "Hola juan@x.com y ABC fin")
        let bytes = Array(text.utf8)
        func original(_ word: String) -> String {
            let target = Array(word.utf8)
            let start = (0...(normalized.bytes.count - target.count)).first {
                Array(normalized.bytes[$0..<($0 + target.count)]) == target
            }!
            let range = normalized.originalRange(of: start..<(start + target.count))
            return String(decoding: bytes[range], as: UTF8.self)
        }
        #expect(original("juan@x.com") == "juan&#64;x.com")
        #expect(original("@") == "&#64;")
        #expect(original("ABC") == "ＡＢ\u{200B}Ｃ")
        #expect(original("B") == "Ｂ")
        #expect(original("fin") == "fin")
        #expect(original("Hola") == "Hola")
    }
}
