import Testing
@testable import KBCore

@Suite struct TerminalSanitizerTests {
    /// Whole sequences go, not just their ESC: nothing like `[2J` is left to read.
    @Test(arguments: [
        ("x\u{1B}]0;title\u{7}y", "xy"),
        ("x\u{1B}]52;c;ZXZpbA==\u{1B}\\y", "xy"),
        ("x\u{1B}]8;;http://e\u{9C}y", "xy"),
        ("x\u{1B}[2Jy\u{1B}[8mz\u{1B}[30;40m\u{1B}[2K", "xyz"),
        ("x\u{1B}[?1049hy", "xy"),
        ("x\u{9B}31my\u{9D}0;t\u{7}z", "xyz"),
        ("x\u{1B}P+q\u{1B}\\y\u{1B}_apc\u{1B}\\z\u{1B}^pm\u{7}w", "xyzw"),
        ("x\u{1B}cy\u{1B}7z\u{1B}(Bw", "xyzw"),
        ("x\u{1B}]0;never ends\nnext", "x\nnext"),
        ("oculto\rvisible\u{8}\u{8}\u{7}\u{0}\u{7F}\u{85}\u{1B}", "ocultovisible"),
        ("tab\tand\nnewline stay; ñ, «», ¿?, 👍🏽, ¡ã!", "tab\tand\nnewline stay; ñ, «», ¿?, 👍🏽, ¡ã!"),
    ])
    func removesControlsAndSequences(input: String, expected: String) {
        #expect(TerminalSanitizer.sanitized(input) == expected)
        #expect(!TerminalSanitizer.sanitized(input).unicodeScalars.contains { TerminalSanitizer.isControl($0.value) || $0 == "\r" })
    }

    @Test func documentsLoseReferencesToControlsToo() {
        #expect(TerminalSanitizer.sanitizedForDocument("a&#27;[2Jb&#x1b;c&#X9B;d&#13;e&#0007;f&#10;g&#64;h&amp;i")
            == "a[2Jbcdef&#10;g&#64;h&amp;i")
    }

    @Test func highlightingSanitizesEveryPiece() {
        let styled = TerminalSanitizer.Styled.highlighted("\u{1B}[31m<\u{2}hit\u{1B}[0m\u{3}>\u{2}open", start: "\u{2}", end: "\u{3}")
        #expect(styled.text == "<\u{1B}[1mhit\u{1B}[0m>\u{1B}[1mopen\u{1B}[0m")
    }

    @Test func jsonEscapesEveryControl() {
        var writer = JSONWriter()
        writer.string("a\u{1B}b\u{7F}c\u{9B}d\u{85}é")
        #expect(writer.text == "\"a\\u001bb\\u007fc\\u009bd\\u0085é\"")
    }
}
