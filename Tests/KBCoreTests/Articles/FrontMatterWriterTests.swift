import Testing
@testable import KBCore

@Suite struct FrontMatterWriterTests {
    static let values: [String] = [
        "No carga el login del portal", "Error: el portal no carga", "ends with colon:", "\"quoted\" title",
        "it's fine", "# not a comment", "title #hashtag", "- dash first", "[bracketed]", "{braces}", "yes", "No",
        "null", "~", "123", "1e3", "2026-03-10", "tab\there", "back\\slash", "line\nbreak", "¿Qué pasó? ¡Nada!",
        " leading space", "trailing space ", "a, b", "@mention", "`code`", "%percent", "&anchor", "*alias", "!tag",
        "|pipe", ">fold", "?question", "ñandú: corre", "emoji 🔥", "nul\u{0}byte", "bell\u{7}", "del\u{7F}",
        "c1\u{85}x", "bom\u{FEFF}x", "ERR-401", "KB-0007", "v2.3",
    ]

    @Test(arguments: values)
    func scalarsReadBackUnchanged(value: String) throws {
        let text = "---\nid: KB-0001\ntitle: \(FrontMatterWriter.scalar(value))\nstate: wip\naudience: internal\n---\n## Problema\nx\n"
        let document = try FrontMatterParser.parse(text: text, path: "a.md")
        #expect(document.frontMatter["title"]?.value == .scalar(value))
    }

    @Test(arguments: values)
    func listItemsReadBackUnchanged(value: String) throws {
        let text = "---\ntags: \(FrontMatterWriter.flowList([value, "otro"]))\n---\n"
        let document = try FrontMatterParser.parse(text: text, path: "a.md")
        let items = try #require(document.frontMatter["tags"]).value.items(line: 2).map(\.value)
        #expect(items == [value, "otro"])
    }

    @Test func plainWordsStayPlain() {
        #expect(FrontMatterWriter.scalar("Cómo cambiar su contraseña") == "Cómo cambiar su contraseña")
        #expect(FrontMatterWriter.scalar("KB-0007") == "KB-0007")
        #expect(FrontMatterWriter.scalar("Error: x") == "\"Error: x\"")
        #expect(FrontMatterWriter.scalar("yes") == "\"yes\"")
        #expect(FrontMatterWriter.flowList(["portal", "login certificado"]) == "[portal, \"login certificado\"]")
        #expect(FrontMatterWriter.flowList([]) == "[]")
    }
}
