import KBTestSupport
import Foundation
import Testing
@testable import KBCore

/// Random damage to valid articles through the front matter parser, the article parser and lint:
/// never a crash, and every error and diagnostic points at a line that exists in the file.
@Suite struct FrontMatterFuzzTests {
    static let valid = """
        ---
        id: KB-0042
        title: "No carga: la pantalla de login"   # comment
        state: validated
        audience: customer
        services: [portal, 'correo', "sitio, web"]
        tags:
          - login
          - "certificado"
        tickets: [T-1042]
        updated: 2026-03-10
        language: es
        ---
        ## Problema
        El portal no carga.

        ## Solución
        1. Borrar la caché.
        <!-- internal -->
        Nota interna.
        <!-- /internal -->

        ## Causa
        Certificado vencido.
        """

    /// Lines that break front matter in the ways people and tools do.
    static let hostileLines = [
        "---", "--- ", "...", "\ttitle: tab", "  nested: value", "key", "key:value", ": value", "\"quoted\": key",
        "title: [unterminated", "title: \"unterminated", "title: 'it''s", "title: \"\\x4\"", "title: \"\\U0011FFFF\"",
        "title: \"\\uD800\"", "title: \"\\q\"", "tags: [a, [b]]", "tags: [a,, b]", "tags: {a: b}", "- orphan item",
        "title: |", "title: >", "title: &anchor", "title: *alias", "title: !!str x", "title: @x", "title: a: b",
        "id:", "id: null", "id: ~", "state: unknown", "audience: everyone", "language: xx", "services: portal",
        "title: \u{0}", "title: \u{FEFF}x", "<!-- internal -->", "<!-- /internal -->", "## Problema", "",
        "title: " + String(repeating: "ñ", count: 5_000), "tags:\n  - a\n    - b", "tags:\n - a\n  - b",
    ]

    static func mutate(_ text: String, using generator: inout SeededGenerator) -> String {
        var lines = text.components(separatedBy: "\n")
        for _ in 0..<Int.random(in: 1...3, using: &generator) {
            let index = Int.random(in: 0..<max(lines.count, 1), using: &generator)
            switch Int.random(in: 0..<9, using: &generator) {
            case 0 where !lines.isEmpty: lines.remove(at: index)
            case 1 where !lines.isEmpty: lines.insert(lines[index], at: index)
            case 2: lines.insert(generator.pick(hostileLines), at: min(index, lines.count))
            case 3 where !lines.isEmpty: lines[index] = generator.pick(hostileLines)
            case 4 where !lines.isEmpty: lines[index] += HostileText.string(using: &generator, pieces: 1...3)
            case 5 where lines.count > 1: lines.swapAt(index, Int.random(in: 0..<lines.count, using: &generator))
            case 6:
                var bytes = Array(lines.joined(separator: "\n").utf8)
                if !bytes.isEmpty { bytes.removeLast(Int.random(in: 0...bytes.count, using: &generator)) }
                lines = String(decoding: bytes, as: UTF8.self).components(separatedBy: "\n")
            case 7 where !lines.isEmpty: lines[index] = lines[index].replacingOccurrences(of: " ", with: "\t")
            default: lines.insert(generator.pick(["\r", "\u{FEFF}", "\u{85}", "\u{2028}"]), at: min(index, lines.count))
            }
        }
        return lines.joined(separator: generator.chance(0.2) ? "\r\n" : "\n")
    }

    @Test func mutatedArticlesGiveLocatedErrors() throws {
        var generator = SeededGenerator(seed: 0xF407)
        var failures = 0
        var successes = 0
        let linter = ArticleLinter()
        for round in 0..<3_000 {
            let text = Self.mutate(Self.valid, using: &generator)
            let bytes = Array(text.utf8)
            var file = ArticleFile(path: "kb/articles/fuzz.md", bytes: bytes)
            if round % 10 == 0, !bytes.isEmpty {
                // Invalid UTF-8 as well.
                file = ArticleFile(path: "kb/articles/fuzz.md",
                                   bytes: bytes + [0xFF, 0xC3] + bytes.prefix(Int.random(in: 0...bytes.count, using: &generator)))
            }
            let lineCount = max(ScanByte.lineRanges(of: file.bytes).count, 1)
            do {
                _ = try Article.parse(file: file)
                successes += 1
            } catch {
                failures += 1
                #expect((1...lineCount).contains(error.line), "round \(round): \(error) outside 1...\(lineCount)")
                #expect(error.path == file.path)
            }
            for diagnostic in linter.lint(file: file, knownTickets: { _ in true }) {
                #expect((1...lineCount).contains(diagnostic.line), "round \(round): \(diagnostic) outside 1...\(lineCount)")
            }
        }
        #expect(failures > 500 && successes > 300, "the mutations should both break and keep articles")
    }

    /// Hostile lines the front matter parser takes: a fence (the front matter just ends early), values it leaves to
    /// the article checks (state, audience, language, a bare service, a title's length), a YAML comment, text with
    /// odd characters.
    /// Every other single hostile line is syntax it must refuse.
    static let linesTheParserAccepts: Set<String> = [
        "---", "--- ", "state: unknown", "audience: everyone", "language: xx", "services: portal",
        "title: \u{0}", "title: \u{FEFF}x", "## Problema", "title: " + String(repeating: "ñ", count: 5_000),
    ]

    /// Each hostile line alone inside otherwise valid front matter: refused with an error on exactly that line, or
    /// accepted when it is one of `linesTheParserAccepts`. Either way something is checked for every line.
    @Test(arguments: hostileLines.filter { !$0.contains("\n") && !$0.isEmpty })
    func hostileLineIsTheOneReported(hostile: String) {
        let text = "---\nid: KB-0001\n" + hostile + "\n---\n## Problema\nx\n"
        if Self.linesTheParserAccepts.contains(hostile) {
            #expect(throws: Never.self) { _ = try FrontMatterParser.parse(text: text, path: "a.md") }
        } else {
            #expect("refused on line 3: \(hostile.unicodeScalars.prefix(40).map { $0.escaped(asASCII: true) }.joined())") {
                _ = try FrontMatterParser.parse(text: text, path: "a.md")
            } throws: { error in
                (error as? ArticleError)?.line == 3
            }
        }
    }
}
