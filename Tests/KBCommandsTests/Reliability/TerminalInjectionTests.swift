import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Ticket and article text is printed as data: escape sequences and control characters planted in a ticket
/// (window title, screen clearing, clipboard writes, a carriage return hiding text) never reach the terminal,
/// while kb's own styling does.
@Suite struct TerminalInjectionTests {
    static let attacks = ["\u{1B}]0;pwned\u{7}", "\u{1B}[2J", "\u{1B}]52;c;ZXZpbA==\u{7}", "\u{1B}P+q\u{1B}\\", "oculto\rvisible",
                          "\u{8}\u{8}\u{8}", "\u{0}", "\u{7}", "\u{1B}c", "\u{1B}[6n"]

    static func escapedJSON(_ text: String) -> String {
        var writer = JSONWriter()
        writer.string(text)
        return String(writer.text.dropFirst().dropLast())
    }

    @Test func plantedSequencesNeverReachTheTerminal() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let title = "Portal caído " + Self.attacks.joined(separator: " ")
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1", title: Self.escapedJSON(title),
                                                           extra: "\"resolution\":\"\(Self.escapedJSON("Reinicio \u{1B}]0;x\u{7} listo"))\"") + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        for command in [["search", "portal"], ["show", "T-1"], ["search", "--json", "portal"], ["show", "--json", "T-1"],
                        ["suggest", "portal caído"], ["sla"]] {
            let result = runKB(command, in: directory.url)
            #expect(result.code == 0, "\(command): \(result.stderr)")
            let controls = result.stdout.unicodeScalars.filter { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }
            #expect(controls.isEmpty, "\(command): \(controls.map { String(format: "U+%04X", $0.value) })")
            if command.contains("--json") {
                // JSON carries the text faithfully, escaped.
                #expect(result.stdout.contains("\\u001b]0;pwned\\u0007") || result.stdout.contains("\\u001B]0;pwned\\u0007"),
                        "\(command): \(result.stdout.prefix(300))")
            }
        }
    }

    /// kb's own styling reaches the terminal, added after the data is sanitized; the same sequences in data do not.
    @Test func ownStylingSurvivesAndDataStylingDoesNot() {
        let out = OutputStream()
        out.write(.highlighted("a\u{1B}[8m \u{2}portal\u{1B}]0;x\u{7}\u{3} b", start: "\u{2}", end: "\u{3}"))
        out.write(TerminalSanitizer.Styled(.lineStart, "imported 10\r records…"))
        out.write("data \u{1B}[1mbold\u{1B}[0m \u{9B}31m")
        #expect(out.captured == "a \u{1B}[1mportal\u{1B}[0m b" + "\r\u{1B}[Kimported 10 records…" + "data bold ")
        // Carriage returns from data go, also before a line feed; a rendered template's CRLF line endings stay.
        #expect(TerminalSanitizer.sanitized("uno\r\ndos\rtres\r") == "uno\ndostres")
        #expect(TerminalSanitizer.Styled.keepingCRLF("uno\r\ndos\rtres\u{1B}[2J\r\n").text == "uno\r\ndostres\r\n")
        #expect(TerminalSanitizer.sanitized("a\tb\nc") == "a\tb\nc")
    }
}
