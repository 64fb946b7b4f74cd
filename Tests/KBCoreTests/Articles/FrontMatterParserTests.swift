import Testing
@testable import KBCore

@Suite struct FrontMatterParserTests {
    @Test func parsesTheArticleSubset() throws {
        let text = """
        ---
        # comentario de cabecera
        id: KB-0007
        title: "No carga el \\"login\\" \\u00e9 \\x41"
        state: validated        # wip | not_validated | validated | archived
        audience: 'customer''s'
        services: [portal]

        tags: [login, "certificado, ssl", 'a # b']   # trailing comment
        tickets:
          - T-1042
          - "T-1077"   # comment after item
        # full-line comment inside a list
          - T-2000
        updated: 2026-03-10
        empty:
        nothing: ~
        url: https://example.com/a#b
        ---
        ## Problema
        Texto
        """
        let document = try FrontMatterParser.parse(text: text, path: "kb/articles/a.md")
        let frontMatter = document.frontMatter
        #expect(frontMatter.entries.map(\.key)
            == ["id", "title", "state", "audience", "services", "tags", "tickets", "updated", "empty", "nothing", "url"])
        #expect(frontMatter["id"]?.value == .scalar("KB-0007"))
        #expect(frontMatter["id"]?.line == 3)
        #expect(frontMatter["title"]?.value == .scalar("No carga el \"login\" é A"))
        #expect(frontMatter["state"]?.value == .scalar("validated"))
        #expect(frontMatter["audience"]?.value == .scalar("customer's"))
        #expect(frontMatter["services"]?.value == .list([.init(value: "portal", line: 7)]))
        #expect(frontMatter["tags"]?.value
            == .list([.init(value: "login", line: 9), .init(value: "certificado, ssl", line: 9), .init(value: "a # b", line: 9)]))
        #expect(frontMatter["tickets"]?.value
            == .list([.init(value: "T-1042", line: 11), .init(value: "T-1077", line: 12), .init(value: "T-2000", line: 14)]))
        #expect(frontMatter["updated"]?.value == .scalar("2026-03-10"))
        #expect(frontMatter["empty"]?.value == .null)
        #expect(frontMatter["nothing"]?.value == .null)
        #expect(frontMatter["url"]?.value == .scalar("https://example.com/a#b"))
        #expect(frontMatter.closingLine == 19)
        #expect(document.bodyStartLine == 20)
        #expect(document.body == "## Problema\nTexto")
    }

    @Test func blockListsMayStartAtColumnZero() throws {
        let text = "---\ntags:\n- a\n- b\nid: x\n---\n"
        let frontMatter = try FrontMatterParser.parse(text: text, path: "p").frontMatter
        #expect(frontMatter["tags"]?.value.items(line: 2).map(\.value) == ["a", "b"])
        #expect(frontMatter["id"]?.value == .scalar("x"))
    }

    @Test func emptyFlowListAndTrailingComma() throws {
        let frontMatter = try FrontMatterParser.parse(text: "---\na: []\nb: [x, y,]\n---", path: "p").frontMatter
        #expect(frontMatter["a"]?.value == .list([]))
        #expect(frontMatter["b"]?.value.items(line: 0).map(\.value) == ["x", "y"])
    }

    @Test func crlfAndByteOrderMark() throws {
        let text = "\u{FEFF}---\r\nid: KB-0001\r\ntitle: Hola\r\n---\r\ncuerpo\r\n"
        let document = try FrontMatterParser.parse(text: text, path: "p")
        #expect(document.frontMatter["title"]?.value == .scalar("Hola"))
        #expect(document.bodyStartLine == 5)
    }

    @Test func scalarsAreNotTypedAsYAMLWould() throws {
        let frontMatter = try FrontMatterParser.parse(text: "---\nn: 0007\nb: yes\nc: C#\n---", path: "p").frontMatter
        #expect(frontMatter["n"]?.value == .scalar("0007"))
        #expect(frontMatter["b"]?.value == .scalar("yes"))
        #expect(frontMatter["c"]?.value == .scalar("C#"))
    }

    /// Malformed front matter: the error names the exact line and says why.
    @Test(arguments: [
        ("id: KB-1\n---\n", 1, "missing front matter: the file must start with a '---' line"),
        ("---\nid: KB-1\ntitle: x\n", 1, "front matter opened on line 1 is never closed with '---'"),
        ("---\nid: KB-1\n  title: x\n---\n", 3, "bad indentation: unexpected indented line (nested mappings and multi-line values are not supported)"),
        ("---\nid: KB-1\ntitle: a\nid: KB-2\n---\n", 4, "duplicate key 'id' (first defined on line 2)"),
        ("---\nid: KB-1\ntitle: \"sin cerrar\n---\n", 3, "unterminated double-quoted string"),
        ("---\ntitle: 'sin cerrar\n---\n", 2, "unterminated single-quoted string"),
        ("---\ntags: [a, b\n---\n", 2, "unterminated list: missing ']' (a [..] list must close on the same line)"),
        ("---\ntags: [a, b # c]\n---\n", 2, "unterminated list: missing ']' (a [..] list must close on the same line)"),
        ("---\nid: KB-1\n\ttitle: x\n---\n", 3, "tab character in indentation (YAML allows only spaces)"),
        ("---\ntags:\n  - a\n    - b\n---\n", 4, "bad indentation: list item indented 4 spaces, previous items 2"),
        ("---\ntags:\n  - a\n  -\n---\n", 4, "empty list item"),
        ("---\nid KB-1\n---\n", 2, "expected 'key: value'"),
        ("---\nid:KB-1\n---\n", 2, "missing space after ':' in 'key: value'"),
        ("---\nmi clave: x\n---\n", 2, "invalid key 'mi clave' (use letters, digits, '_' or '-')"),
        ("---\ntitle: Error: no carga\n---\n", 2, "a plain value cannot contain ': ' or end with ':'; quote the value"),
        ("---\ntitle: \"a\" b\n---\n", 2, "unexpected text after quoted value"),
        ("---\ntitle: \"bad \\q escape\"\n---\n", 2, "invalid escape '\\q' in double-quoted string"),
        ("---\ntags: [a, [b]]\n---\n", 2, "nested lists or mappings are not supported"),
        ("---\ntags: [a,, b]\n---\n", 2, "empty list item"),
        ("---\ntags: [a] x\n---\n", 2, "unexpected text after ']'"),
        ("---\nmeta: {a: 1}\n---\n", 2, "flow mappings ('{...}') are not supported"),
        ("---\nbody: |\n  text\n---\n", 2, "block scalars ('|', '>') are not supported; write the value on one line"),
        ("---\nref: *alias\n---\n", 2, "anchors, aliases and tags ('&', '*', '!') are not supported"),
        ("---\nuser: @ana\n---\n", 2, "a plain value cannot start with '@'; quote the value"),
        ("---\ntags: - a\n---\n", 2, "a list cannot start on the key line; put '- item' lines below it or write [a, b]"),
        ("---\n- a\n---\n", 2, "list item without a key above it"),
        ("---\nid: KB-1\ntags: [a]\n  - b\n---\n", 4, "bad indentation: unexpected indented line (nested mappings and multi-line values are not supported)"),
    ])
    func rejects(text: String, line: Int, reason: String) {
        #expect(throws: ArticleError.invalidFrontMatter(path: "kb/articles/x.md", line: line, reason: reason)) {
            try FrontMatterParser.parse(text: text, path: "kb/articles/x.md")
        }
    }

    @Test func errorDescriptionIsCompilerStyle() {
        let error = ArticleError.invalidFrontMatter(path: "kb/articles/x.md", line: 4, reason: "duplicate key 'id'")
        #expect(error.description == "kb/articles/x.md:4: error: duplicate key 'id'")
    }
}
