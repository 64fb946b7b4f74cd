import Testing
@testable import KBCore

/// Rendering is bounded in work and output: fan-out through partials or nested sections over data stops with an
/// error naming the template, long before it would take minutes and gigabytes; real documents are far below.
@Suite struct MustacheLimitTests {
    /// `p0` is text; each `pN` includes `p(N-1)` four times. Fourteen levels: 4^14 = 268 million inclusions.
    static func fourFold(levels: Int) -> [String: String] {
        var partials = ["p0": "texto "]
        for level in 1...levels { partials["p\(level)"] = String(repeating: "{{> p\(level - 1)}}", count: 4) }
        return partials
    }

    @Test func fourFoldPartialsFourteenLevelsDeepStop() throws {
        let partials = Self.fourFold(levels: 14)
        let template = try MustacheTemplate(source: "{{> p14}}", name: "blowup.mustache")
        #expect(throws: TemplateError.expansionLimit(name: "blowup.mustache", partial: "p0", limit: MustacheRenderer.maximumExpansions)) {
            try template.render(.object([:])) { partials[$0] }
        }
        let error = TemplateError.expansionLimit(name: "blowup.mustache", partial: "p0", limit: MustacheRenderer.maximumExpansions)
        #expect(error.description.hasPrefix("blowup.mustache: error: rendering expands partials and sections more than 1000000 times"))
    }

    @Test func nestedSectionsOverDataStop() throws {
        let items = TemplateValue.array((0..<100).map { .string("\($0)") })
        let template = try MustacheTemplate(source: "{{#a}}{{#a}}{{#a}}{{#a}}{{#a}}x{{/a}}{{/a}}{{/a}}{{/a}}{{/a}}", name: "loops")
        #expect(throws: TemplateError.expansionLimit(name: "loops", partial: "loops", limit: MustacheRenderer.maximumExpansions)) {
            try template.render(.object(["a": items]))
        }
    }

    @Test func outputOverTheLimitStops() throws {
        // A megabyte of template text repeated through a partial for each of 100 items.
        let items = TemplateValue.array((0..<100).map { _ in .object([:]) })
        let row = String(repeating: "a", count: 1 << 20)
        let template = try MustacheTemplate(source: "{{#items}}{{> row}}{{/items}}", name: "grande")
        #expect(throws: TemplateError.outputTooLarge(name: "grande", partial: "row", limit: MustacheRenderer.maximumOutputBytes)) {
            try template.render(.object(["items": items])) { $0 == "row" ? row : nil }
        }
    }

    /// Ten thousand rows, each through a partial with a nested section: well inside the limits.
    @Test func largeRealDocumentsStillRender() throws {
        let rows = TemplateValue.array((0..<10_000).map { .object(["id": .string("T-\($0)"), "tags": .array([.string("a"), .string("b")])]) })
        let template = try MustacheTemplate(source: "{{#rows}}{{> row}}{{/rows}}", name: "informe")
        let output = try template.render(.object(["rows": rows])) { $0 == "row" ? "{{id}}:{{#tags}}{{.}}{{/tags}}\n" : nil }
        #expect(output.split(separator: "\n").count == 10_000)
        #expect(output.hasPrefix("T-0:ab\nT-1:ab\n"))
        // Eight levels of four-fold partials (65,536 inclusions) render.
        let partials = Self.fourFold(levels: 8)
        #expect(try MustacheTemplate(source: "{{> p8}}", name: "t").render(.object([:])) { partials[$0] }.utf8.count == 65_536 * 6)
    }
}
