import KBTestSupport
import Foundation
import Testing
@testable import KBCore

/// Random templates (unclosed, mismatched and nested tags, set delimiters, partials including themselves):
/// parsing and rendering never crash, and every error carries a line and column inside the template.
@Suite struct MustacheFuzzTests {
    static let pieces = [
        "{{name}}", "{{{name}}}", "{{&name}}", "{{#items}}", "{{/items}}", "{{^items}}", "{{#flag}}", "{{/flag}}",
        "{{/other}}", "{{#a.b}}", "{{/a.b}}", "{{.}}", "{{> part}}", "{{>part}}", "{{! comment }}", "{{!}}",
        "{{=<% %>=}}", "<%name%>", "<%#items%>", "<%/items%>", "<%={{ }}=%>", "{{=| |=}}", "|name|", "|={{ }}=|",
        "{{= =}}", "{{=a=b c=}}", "{{=x}}", "{{", "}}", "{{{", "}}}", "{{#}}", "{{/}}", "{{ }}", "{{na me}}", "{{#a b}}",
        "{{name", "{{#items", "text", " ", "\n", "\r\n", "  \n", "\t{{#flag}}\n", "ñandú 👩‍💻", "{{\u{0}}}", "{", "}",
    ]

    static func template(using generator: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 1...16, using: &generator) {
            text += generator.chance(0.85) ? generator.pick(pieces) : HostileText.string(using: &generator, pieces: 1...2)
        }
        return text
    }

    static let context: TemplateValue = .object([
        "name": .string("<b>{{name}}</b>"),
        "items": .array([.string("uno"), .object(["name": .string("dos")]), .array([])]),
        "flag": .bool(true),
        "a": .object(["b": .bool(true)]),
    ])

    /// The line count and each line's length in characters, to check an error's position exists.
    static func check(_ error: TemplateError, in source: String, round: Int) {
        guard let location = error.location else { return }
        // Lines end at LF bytes (a CR LF pair is one Character in Swift, so split the bytes).
        let lines = Array(source.utf8).split(separator: 0x0A, omittingEmptySubsequences: false)
        guard (1...lines.count).contains(location.line) else {
            Issue.record("round \(round): line \(location.line) outside 1...\(lines.count): \(error)")
            return
        }
        let length = String(decoding: lines[location.line - 1], as: UTF8.self).count
        #expect((1...length + 1).contains(location.column), "round \(round): column outside the line: \(error)")
    }

    @Test func randomTemplatesNeverCrash() throws {
        var generator = SeededGenerator(seed: 0x3D57)
        var errors = 0
        var rendered = 0
        for round in 0..<4_000 {
            let source = Self.template(using: &generator)
            let partial = Self.template(using: &generator)
            do {
                let template = try MustacheTemplate(source: source, name: "fuzz")
                _ = try template.render(Self.context) { name in name == "part" ? partial : nil }
                rendered += 1
            } catch {
                errors += 1
                // A partial's error carries the partial's name and is located in the partial's source.
                Self.check(error, in: error.name == "part" ? partial : source, round: round)
            }
        }
        #expect(errors > 500 && rendered > 400, "\(errors) errors, \(rendered) rendered")
    }

    /// A partial that includes itself stops at the nesting limit with a located error.
    @Test func selfIncludingPartialStops() throws {
        let template = try MustacheTemplate(source: "a\n  {{> loop}}", name: "main")
        #expect(throws: TemplateError.self) {
            _ = try template.render(.object([:])) { _ in "x{{> loop}}" }
        }
    }

    /// Sections nested far deeper than any template needs: a located error, not a stack overflow
    /// (100,000 levels crashed the renderer, and freeing the node tree, with SIGSEGV).
    @Test(arguments: [101, 1_000, 100_000])
    func deeplyNestedSectionsAreRefused(depth: Int) throws {
        let source = "x\n" + String(repeating: "{{#flag}}", count: depth) + "x" + String(repeating: "{{/flag}}", count: depth)
        let column = MustacheParser.maximumSectionDepth * "{{#flag}}".count + 1
        #expect(throws: TemplateError.sectionNestingTooDeep(name: "deep", line: 2, column: column, section: "flag",
                                                            limit: MustacheParser.maximumSectionDepth)) {
            _ = try MustacheTemplate(source: source, name: "deep")
        }
    }

    /// The deepest template the limits allow (every partial level at the section limit) renders without
    /// exhausting the stack.
    @Test func deepestAllowedNestingRenders() throws {
        let depth = MustacheParser.maximumSectionDepth
        let body = String(repeating: "{{#flag}}", count: depth) + "{{> again}}" + String(repeating: "{{/flag}}", count: depth)
        let template = try MustacheTemplate(source: body, name: "main")
        // 100 partial levels of 100 sections each overflowed an 8 MB stack in a debug build before sections counted.
        #expect {
            _ = try template.render(.object(["flag": .bool(true)])) { _ in body }
        } throws: { error in
            guard case .partialNestingTooDeep(_, _, _, "again", MustacheRenderer.maximumNestingDepth)? = error as? TemplateError
            else { return false }
            return true
        }
        let exact = String(repeating: "{{#flag}}", count: depth) + "y" + String(repeating: "{{/flag}}", count: depth)
        #expect(try MustacheTemplate(source: exact, name: "exact").render(.object(["flag": .bool(true)])) == "y")
    }
}
