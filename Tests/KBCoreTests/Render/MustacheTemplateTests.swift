import Foundation
import Testing
@testable import KBCore

@Suite struct MustacheTemplateTests {
    private func render(_ source: String, _ context: TemplateValue,
                        partials: [String: String] = [:]) throws -> String {
        try MustacheTemplate(source: source, name: "t").render(context, partials: { partials[$0] })
    }

    @Test(arguments: [
        ("Hello {{name", "t:1:7: error: unclosed tag: expected '}}'"),
        ("{{{name}}", "t:1:1: error: unclosed tag: expected '}}}'"),
        ("a\n  {{#items}}x", "t:2:3: error: unclosed section 'items'"),
        ("{{#a}}{{/b}}", "t:1:7: error: section end 'b' does not match open section 'a'"),
        ("x\n{{/a}}", "t:2:1: error: section end 'a' without an open section"),
        ("{{=<% =}}", "t:1:1: error: bad set-delimiter tag: expected two delimiters separated by whitespace"),
        ("{{=a= b=}}", "t:1:1: error: bad set-delimiter tag: delimiters must not contain '='"),
        ("{{}}", "t:1:1: error: invalid tag name ''"),
        ("{{a b}}", "t:1:1: error: invalid tag name 'a b'"),
        ("ñandú {{#x}}", "t:1:7: error: unclosed section 'x'"),
        ("{{=<% %>=}}\n<%name", "t:2:1: error: unclosed tag: expected '%>'"),
    ])
    func reportsParseErrors(source: String, message: String) {
        #expect(throws: TemplateError.self) { try MustacheTemplate(source: source, name: "t") }
        do {
            _ = try MustacheTemplate(source: source, name: "t")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test func partialParseErrorsNameThePartialAtItsOwnPosition() throws {
        let template = try MustacheTemplate(source: "intro\n  {{>footer}}\n", name: "review")
        #expect {
            try template.render(["x": 1], partials: { $0 == "footer" ? "ok\n{{#open}}" : nil })
        } throws: { error in
            (error as? TemplateError)?.description == "footer:2:1: error: unclosed section 'open'"
        }
    }

    @Test func selfIncludingPartialStopsWithAnError() throws {
        let template = try MustacheTemplate(source: "{{>loop}}", name: "main")
        #expect {
            try template.render([:], partials: { _ in "x{{>loop}}" })
        } throws: { error in
            guard case .partialNestingTooDeep(let name, 1, 2, "loop", _)? = error as? TemplateError else { return false }
            return name == "loop"
        }
    }

    @Test func valueTextIsNeverParsedAsATemplate() throws {
        let context: TemplateValue = ["x": "{{y}} {{#y}}z{{/y}}", "y": "leak"]
        #expect(try render("{{x}}|{{{x}}}|{{&x}}", context)
            == "{{y}} {{#y}}z{{/y}}|{{y}} {{#y}}z{{/y}}|{{y}} {{#y}}z{{/y}}")
    }

    @Test func escapesHTMLIncludingApostrophes() throws {
        #expect(try render("{{x}}", ["x": "<b>it's \"a\" & b</b>"])
            == "&lt;b&gt;it&#39;s &quot;a&quot; &amp; b&lt;/b&gt;")
        #expect(try render("{{{x}}}", ["x": "<b>"]) == "<b>")
    }

    @Test(arguments: [
        (TemplateValue.number(1), "1"), (.number(1.21), "1.21"), (.number(-0.5), "-0.5"),
        (.number(1_000_000), "1000000"), (.number(-3), "-3"), (.bool(true), "true"), (.null, ""),
        (TemplateValue.array(["a", 2, false]), "a, 2, false"), (TemplateValue.object(["k": "v"]), ""),
    ])
    func interpolatesValues(value: TemplateValue, text: String) throws {
        #expect(try render("{{v}}", ["v": value]) == text)
    }

    @Test(arguments: [
        (TemplateValue.number(0), false), (.string(""), false), (.array([]), false), (.null, false),
        (.bool(false), false), (.number(2), true), (.string("a"), true), (.object(TemplateObject()), true),
        (.bool(true), true),
    ])
    func sectionsFollowTruthiness(value: TemplateValue, shown: Bool) throws {
        #expect(try render("{{#v}}yes{{/v}}{{^v}}no{{/v}}", ["v": value]) == (shown ? "yes" : "no"))
    }

    @Test func rendersNestedListsThroughARecursivePartial() throws {
        let tree: TemplateValue = ["name": "root", "children": [
            ["name": "a", "children": [["name": "a1", "children": []]]],
            ["name": "b", "children": []],
        ]]
        let output = try render("{{>node}}", tree, partials: ["node": "{{name}}({{#children}}{{>node}}{{/children}})"])
        #expect(output == "root(a(a1())b())")
    }

    @Test func indentsStandalonePartialsWithCarriageReturns() throws {
        let output = try render("x\r\n  {{>p}}\r\ny", [:], partials: ["p": "a\r\nb\r\n"])
        #expect(output == "x\r\n  a\r\n  b\r\ny")
    }

    @Test func sameTemplateRendersDifferentContexts() throws {
        let template = try MustacheTemplate(source: "{{#items}}{{.}};{{/items}}", name: "t")
        #expect(try template.render(["items": [1, 2]]) == "1;2;")
        #expect(try template.render(["items": ["x"]]) == "x;")
    }
}

@Suite struct TemplateValueTests {
    @Test func distinguishesBooleansFromNumbersInJSON() throws {
        let json = Data((#"{"t": true, "f": false, "one": 1, "zero": 0, "half": 0.5, "big": 12345678901234,"#
                         + #" "s": "x", "n": null, "list": [1, true], "obj": {"b": 2, "a": 1}}"#).utf8)
        let value = try TemplateValue(jsonData: json, name: "data.json")
        #expect(value["t"] == TemplateValue.bool(true))
        #expect(value["f"] == TemplateValue.bool(false))
        #expect(value["one"] == TemplateValue.number(1))
        #expect(value["zero"] == TemplateValue.number(0))
        #expect(value["half"] == TemplateValue.number(0.5))
        #expect(value["big"]?.interpolationText == "12345678901234")
        #expect(value["s"] == TemplateValue.string("x"))
        #expect(value["n"] == TemplateValue.null)
        #expect(value["list"] == TemplateValue.array([1, true]))
        guard case .object(let object)? = value["obj"] else {
            Issue.record("obj is not an object")
            return
        }
        #expect(object.keys == ["a", "b"])
    }

    @Test func rejectsInvalidJSONWithTheName() {
        #expect(throws: TemplateError.invalidData(name: "d.json", reason: "not valid JSON")) {
            try TemplateValue(jsonData: Data("{".utf8), name: "d.json")
        }
    }

    @Test func convertsSwiftValues() {
        let missing: String? = nil
        let value = TemplateValue(jsonObject: ["flag": true, "count": 3, "ratio": 0.25, "name": "a",
                                               "missing": missing as Any, "tags": ["x", "y"]] as [String: Any])
        #expect(value == ["count": 3, "flag": true, "missing": nil, "name": "a", "ratio": 0.25, "tags": ["x", "y"]])
        #expect(TemplateValue(Optional<Int>.none) == TemplateValue.null)
        #expect(TemplateValue(Optional(4)) == TemplateValue.number(4))
    }

    @Test func dictionaryLiteralsKeepKeyOrder() {
        let value: TemplateValue = ["zeta": 1, "alpha": 2, "mid": 3]
        guard case .object(let object) = value else {
            Issue.record("not an object")
            return
        }
        #expect(object.keys == ["zeta", "alpha", "mid"])
        var copy = object
        copy["alpha"] = nil
        copy["zeta"] = "changed"
        #expect(copy.keys == ["zeta", "mid"])
        #expect(copy["zeta"] == "changed")
    }
}
