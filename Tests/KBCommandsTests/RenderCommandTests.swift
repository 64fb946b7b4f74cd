import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

@Suite struct RenderCommandTests {
    @Test func rendersTemplateWithDataAndPartials() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t/main.md.mustache", "# {{title}}\n{{#items}}- {{name}}\n{{/items}}{{> pie}}")
        try directory.write("p/pie.mustache", "fin {{title}}\n")
        try directory.write("d.json", #"{"title": "Hola <b>", "items": [{"name": "a"}, {"name": "{{x}}"}]}"#)
        let result = runKB(["render", "t/main.md.mustache", "--data", "d.json", "--partials", "p"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stdout == "# Hola &lt;b&gt;\n- a\n- {{x}}\nfin Hola &lt;b&gt;\n")
    }

    @Test func unclosedTagNamesFileLineAndColumn() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("bad.mustache", "linea\n  {{#a}} sin cerrar")
        try directory.write("d.json", "{}")
        let result = runKB(["render", "bad.mustache", "--data", "d.json"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("bad.mustache:2:3: error: unclosed section 'a'"))
        #expect(runKB(["render", "bad.mustache"], in: directory.url).code == 64)
    }
}
