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
        // A Markdown template escapes for Markdown, its partials too, as kb's documents do.
        #expect(result.stdout == "# Hola \\<b\\>\n- a\n- {{x}}\nfin Hola \\<b\\>\n")
        try directory.write("t/main.html.mustache", "<h1>{{title}}</h1>{{> pie}}")
        let html = runKB(["render", "t/main.html.mustache", "--data", "d.json", "--partials", "p"], in: directory.url)
        #expect(html.stdout == "<h1>Hola &lt;b&gt;</h1>fin Hola &lt;b&gt;\n")
    }

    @Test func wordsOfTheLanguageAreThereAsT() throws {
        let directory = try TemporaryDirectory()
        try directory.write("t.md.mustache", "{{{t.word.severity}}} {{level}}: {{{t.severity.name.5}}}")
        try directory.write("d.json", #"{"level": 5}"#)
        #expect(runKB(["render", "t.md.mustache", "--data", "d.json"], in: directory.url).stdout == "Severidad 5: Solicitudes")
        #expect(runKB(["render", "t.md.mustache", "--data", "d.json", "--lang", "en"], in: directory.url).stdout
            == "Severity 5: Requests")
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

extension RenderCommandTests {
    /// The file is read as kb reads a workspace template: a byte-order mark does not reach the output.
    @Test func byteOrderMarkIsDropped() throws {
        let directory = try TemporaryDirectory()
        try directory.write("t.mustache", "\u{FEFF}hola {{x}}")
        try directory.write("d.json", #"{"x": "mundo"}"#)
        #expect(runKB(["render", "t.mustache", "--data", "d.json"], in: directory.url).stdout == "hola mundo")
        let missing = runKB(["render", "nada.mustache", "--data", "d.json"], in: directory.url)
        #expect(missing.code == 1 && missing.stderr.hasPrefix("nada.mustache: error: cannot read the file: no such file"))
    }
}

/// The Mustache specification through the CLI: `kb render` must give the bytes the renderer gives in-process.
@Suite struct RenderCommandSpecTests {
    @Test(.enabled(if: MustacheSpecCase.isAvailable,
                   "../shared/testdata/mustache-spec is absent; the specification cases are skipped"),
          arguments: MustacheSpecCase.all)
    func specCaseThroughTheCLI(_ specCase: MustacheSpecCase) throws {
        let directory = try TemporaryDirectory()
        // The template in its own folder, the partials in another, so a partial can be called anything.
        try directory.write("case/template.mustache", specCase.template)
        for (name, source) in specCase.partials { try directory.write("partials/\(name).mustache", source) }
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("partials"),
                                                withIntermediateDirectories: true)
        try specCase.dataJSON.write(to: directory.url.appendingPathComponent("data.json"))
        let result = runKB(["render", "case/template.mustache", "--data", "data.json", "--partials", "partials"],
                           in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == specCase.expected)
    }
}
