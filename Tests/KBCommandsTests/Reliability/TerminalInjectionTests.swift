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

    @Test func ownStylingSurvives() {
        #expect(TerminalText.sanitized("\u{1B}[1mportal\u{1B}[0m") == "\u{1B}[1mportal\u{1B}[0m")
        #expect(TerminalText.sanitized("\r\u{1B}[Kimported 10 records…") == "\r\u{1B}[Kimported 10 records…")
        #expect(TerminalText.sanitized("a\tb\nc") == "a\tb\nc")
        // A CRLF line ending overwrites nothing and stays; a bare carriage return goes.
        #expect(TerminalText.sanitized("uno\r\ndos\rtres\r") == "uno\r\ndostres")
        #expect(TerminalText.sanitized("x\u{1B}]0;t\u{7}y\u{1B}[2Jz\ru") == "x]0;ty[2Jzu")
    }
}
