import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Every kind of file kb reads from a workspace — articles (and their folder), templates and partials, the policy,
/// the synonyms, the demo data — is refused with a named error when a symbolic link takes it outside the
/// workspace, and nothing of the outside file is shown; a link to another file inside the workspace is fine.
@Suite struct WorkspaceConfinementTests {
    /// A workspace and, next to it, a folder outside it holding `secret` in every file.
    struct Fixture {
        let workspace: TemporaryDirectory
        let outside: TemporaryDirectory
        static let secret = "SECRETO-FUERA-root:x:0:0"

        init() throws {
            workspace = try TemporaryDirectory()
            try workspace.makeWorkspace()
            outside = try TemporaryDirectory()
        }

        /// Makes `link` (workspace-relative) a symbolic link to `target` (an absolute path).
        func link(_ link: String, to target: String) throws {
            let url = workspace.url.appendingPathComponent(link)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: url)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
        }

        /// Writes `text` outside the workspace and returns its path.
        func outsideFile(_ name: String, _ text: String) throws -> String {
            try outside.write(name, text).path
        }

        func run(_ arguments: [String]) -> CLIResult {
            runKB(arguments, in: workspace.url)
        }
    }

    static func article(id: String, text: String) -> String {
        """
        ---
        id: \(id)
        title: Portal caído \(id)
        state: validated
        audience: customer
        services: [portal]
        updated: 2026-09-01
        ---
        ## Problema
        \(text)

        ## Entorno
        Portal.

        ## Solución
        \(text)

        ## Causa
        Certificado.

        """
    }

    static func expectRefused(_ result: CLIResult, path: String, _ label: String) {
        let all = result.stdout + result.stderr
        #expect(all.contains("\(path)") && all.contains("symbolic link resolves outside the workspace"),
                "\(label): \(all.prefix(600))")
        #expect(!all.contains(Fixture.secret), "\(label): the outside file was shown")
    }

    @Test func articlesLinkedOutOfTheWorkspaceAreRefused() throws {
        let fixture = try Fixture()
        // Indexed while it was a real file, then replaced by a link out: the old version goes too.
        try fixture.workspace.write("kb/articles/fuera.md", Self.article(id: "KB-0101", text: "Antes."))
        try fixture.workspace.write("notas/dentro.md", Self.article(id: "KB-0102", text: "VISIBLE-DENTRO"))
        try fixture.link("kb/articles/alias.md", to: fixture.workspace.url.appendingPathComponent("notas/dentro.md").path)
        #expect(fixture.run(["index"]).code == 0)
        try fixture.link("kb/articles/fuera.md", to: try fixture.outsideFile("secreto.md", Self.article(id: "KB-0101", text: Fixture.secret)))
        try fixture.link("kb/articles/otro.md", to: try fixture.outsideFile("otro.md", Self.article(id: "KB-0103", text: Fixture.secret)))

        let indexed = fixture.run(["index"])
        Self.expectRefused(indexed, path: "kb/articles/fuera.md:1: error", "kb index")
        Self.expectRefused(indexed, path: "kb/articles/otro.md:1: error", "kb index")
        #expect(fixture.run(["show", "KB-0101"]).code != 0, "the earlier version is no longer indexed")
        #expect(fixture.run(["show", "KB-0103"]).code != 0)
        #expect(fixture.run(["show", "KB-0102"]).stdout.contains("VISIBLE-DENTRO"), "a link inside the workspace is read")

        let training = fixture.run(["training", "--out", "-"])
        #expect(training.code == 0)
        Self.expectRefused(training, path: "kb/articles/fuera.md", "kb training")
        #expect(training.stdout.contains("VISIBLE-DENTRO"))
        let lint = fixture.run(["article", "lint"])
        Self.expectRefused(lint, path: "kb/articles/otro.md:1: error", "kb article lint")
        #expect(!fixture.run(["search", "SECRETO"]).stdout.contains(Fixture.secret))
    }

    @Test func anArticlesFolderOutsideTheWorkspaceIsRefused() throws {
        let fixture = try Fixture()
        _ = try fixture.outsideFile("articulos/a.md", Self.article(id: "KB-0201", text: Fixture.secret))
        try FileManager.default.removeItem(at: fixture.workspace.url.appendingPathComponent("kb/articles"))
        try fixture.link("kb/articles", to: fixture.outside.url.appendingPathComponent("articulos").path)
        for command in [["index"], ["training", "--out", "-"], ["article", "lint"]] {
            let result = fixture.run(command)
            #expect(result.code == 1, "\(command)")
            Self.expectRefused(result, path: "kb/articles:1: error", "\(command)")
        }
    }

    @Test func templatesAndPartialsLinkedOutAreRefused() throws {
        let fixture = try Fixture()
        try fixture.workspace.write("t.jsonl", TicketFixtures.line(id: "T-1", severity: 1) + "\n")
        #expect(fixture.run(["import", "t.jsonl"]).code == 0)
        let templates = fixture.workspace.url.appendingPathComponent("templates")
        // A link to a template elsewhere inside the workspace is used.
        try fixture.workspace.write("mis-plantillas/review.md.mustache", "PLANTILLA PROPIA\n")
        try fixture.link("templates/review.md.mustache",
                         to: fixture.workspace.url.appendingPathComponent("mis-plantillas/review.md.mustache").path)
        #expect(fixture.run(["review", "T-1", "--format", "md"]).stdout.contains("PLANTILLA PROPIA"))

        let passwd = try fixture.outsideFile("passwd", Fixture.secret + "\n")
        for link in ["review.md.mustache", "partials/pie.mustache"] {
            try fixture.link("templates/review.md.mustache",
                             to: fixture.workspace.url.appendingPathComponent("mis-plantillas/review.md.mustache").path)
            try fixture.link("templates/" + link, to: passwd)
            let result = fixture.run(["review", "T-1", "--format", "md"])
            #expect(result.code == 1, "\(link)")
            Self.expectRefused(result, path: templates.appendingPathComponent(link).path + ": error", "template \(link)")
            try FileManager.default.removeItem(at: templates.appendingPathComponent(link))
        }
    }

    @Test func policySynonymsAndDemoDataLinkedOutAreRefused() throws {
        let fixture = try Fixture()
        // Links inside the workspace are fine.
        try fixture.workspace.write("config/policy.json", "{\"language\": \"es\"}\n")
        try fixture.link("kb/policy.json", to: fixture.workspace.url.appendingPathComponent("config/policy.json").path)
        try fixture.workspace.write("t.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        #expect(fixture.run(["import", "t.jsonl"]).code == 0)
        #expect(fixture.run(["sla"]).code == 0)

        let cases: [(file: String, content: String, command: [String])] = [
            ("kb/policy.json", "{\"language\": \"es\", \"x\": \"\(Fixture.secret)\"}", ["sla"]),
            ("kb/synonyms.txt", "portal, \(Fixture.secret)\n", ["search", "portal"]),
            ("kb/demo/tickets.jsonl", TicketFixtures.line(id: "T-1", title: Fixture.secret) + "\n", ["demo"]),
        ]
        for (file, content, command) in cases {
            let backup = fixture.workspace.url.appendingPathComponent(file + ".bak")
            try? FileManager.default.moveItem(at: fixture.workspace.url.appendingPathComponent(file), to: backup)
            try fixture.link(file, to: try fixture.outsideFile(URL(fileURLWithPath: file).lastPathComponent, content))
            let result = fixture.run(command)
            #expect(result.code == 1, "\(file): \(result.stderr)")
            Self.expectRefused(result, path: "\(file): error", file)
            try FileManager.default.removeItem(at: fixture.workspace.url.appendingPathComponent(file))
            try? FileManager.default.moveItem(at: backup, to: fixture.workspace.url.appendingPathComponent(file))
        }
    }

    /// Files a command is given by name — imports and their mappings, `kb suggest --file`, `--queries`, holiday
    /// calendars to import, `kb serve --tokens`, `kb render` templates, data and partials, `kb article lint FILE` —
    /// are refused when they sit in the workspace as named but a link takes them outside; named outside the
    /// workspace, they are read (the user chose them), and `kb policy holidays import` refuses a linked policy.
    @Test func namedInputsLinkedOutAreRefused() throws {
        let fixture = try Fixture()
        let ics = "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:20310101\r\nSUMMARY:\(Fixture.secret)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n"
        try fixture.workspace.write("plantilla.mustache", "{{> pie}}\n")
        try fixture.workspace.write("datos.json", "{}")
        let cases: [(link: String, content: String, command: [String], refused: String)] = [
            ("fuera.jsonl", TicketFixtures.line(id: "T-9", title: Fixture.secret) + "\n", ["import", "fuera.jsonl"], "fuera.jsonl"),
            ("mapa.json", "{\"\(Fixture.secret)\": 1}", ["import", "--format", "csv", "--mapping", "mapa.json", "t.csv"], "mapa.json"),
            ("comentarios/123.json", "{\"comments\": [{\"body\": \"\(Fixture.secret)\"}]}",
             ["import", "--format", "zendesk", "--comments", "comentarios", "zd.json"], "comentarios/123.json"),
            ("ticket.json", "{\"title\": \"\(Fixture.secret)\"}", ["suggest", "--file", "ticket.json"], "ticket.json"),
            ("consultas.tsv", "q1\t\(Fixture.secret)\n", ["search", "--queries", "consultas.tsv"], "consultas.tsv"),
            ("feriados.ics", ics, ["policy", "holidays", "import", "feriados.ics", "--calendar", "CL"], "feriados.ics"),
            ("tokens.txt", "lectura read \(Fixture.secret)-0123456789abcdef\n", ["serve", "--tokens", "tokens.txt", "--port", "0"], "tokens.txt"),
            ("otra.mustache", Fixture.secret + "\n", ["render", "otra.mustache", "--data", "datos.json"], "otra.mustache"),
            ("otros.json", "{\"x\": \"\(Fixture.secret)\"}", ["render", "plantilla.mustache", "--data", "otros.json"], "otros.json"),
            ("pie.mustache", Fixture.secret + "\n", ["render", "plantilla.mustache", "--data", "datos.json"], "pie.mustache"),
            ("parciales/pie.mustache", Fixture.secret + "\n",
             ["render", "plantilla.mustache", "--data", "datos.json", "--partials", "parciales"], "parciales/pie.mustache"),
            ("kb/articles/sub/otro.md", Self.article(id: "KB-0301", text: Fixture.secret), ["article", "lint", "kb/articles/sub/otro.md"],
             "kb/articles/sub/otro.md:1: error"),
        ]
        try fixture.workspace.write("t.csv", "id,title\nT-1,x\n")
        try fixture.workspace.write("zd.json", "{\"tickets\": [{\"id\": 123, \"subject\": \"Portal\"}]}")
        for (index, (link, content, command, refused)) in cases.enumerated() {
            try fixture.link(link, to: try fixture.outsideFile("f\(index)-" + URL(fileURLWithPath: link).lastPathComponent, content))
            let result = fixture.run(command)
            #expect(result.code != 0, "\(command): \(result.stdout) \(result.stderr)")
            Self.expectRefused(result, path: refused, "\(command)")
            try FileManager.default.removeItem(at: fixture.workspace.url.appendingPathComponent(link))
        }

        // Named outside the workspace, a file is read where the user pointed.
        let named = try fixture.outsideFile("consultas-fuera.tsv", "q1\tportal\n")
        #expect(fixture.run(["index"]).code == 0)
        let outside = fixture.run(["search", "--queries", named])
        #expect(outside.stdout.contains("\"qid\""), "\(outside.stderr)")
        // kb policy holidays import reads kb/policy.json to edit it: a linked policy is refused, the link left as is.
        let policy = try fixture.outsideFile("policy.json", "{\"language\": \"es\"}\n")
        try fixture.link("kb/policy.json", to: policy)
        try fixture.workspace.write("feriados.ics", ics)
        let holidays = fixture.run(["policy", "holidays", "import", "feriados.ics", "--calendar", "CL"])
        #expect(holidays.code == 1)
        Self.expectRefused(holidays, path: "kb/policy.json: error", "holidays import with a linked policy")
        #expect(try String(contentsOfFile: policy, encoding: .utf8) == "{\"language\": \"es\"}\n")
    }
}
