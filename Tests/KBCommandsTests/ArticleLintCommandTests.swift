import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct ArticleLintCommandTests {
    /// A valid validated article: front matter on lines 1–10, `## Problema` on line 11.
    static func article(id: String = "KB-0001", state: String = "validated", audience: String = "internal",
                        tickets: String = "[T-1042]", problem: String = "El portal no carga.",
                        cause: String = "## Causa\nEl certificado venció.") -> String {
        """
        ---
        id: \(id)
        title: No carga el login
        state: \(state)
        audience: \(audience)
        services: [portal]
        tickets: \(tickets)
        updated: 2026-03-10
        language: es
        ---
        ## Problema
        \(problem)
        ## Entorno
        Portal web.
        ## Solución
        1. Renovar el certificado.
        \(cause)

        """
    }

    /// One file per planted defect, each with the diagnostic it must produce.
    static let planted: [(path: String, text: String, expected: String)] = [
        ("kb/articles/a-bad-state.md", article(id: "KB-0010", state: "published"),
         "kb/articles/a-bad-state.md:4: error: 'state' must be wip, not_validated, validated or archived (got 'published')"),
        ("kb/articles/b-missing-section.md", article(id: "KB-0011", cause: ""),
         "kb/articles/b-missing-section.md:11: error: missing section '## Causa' (required in validated articles)"),
        ("kb/articles/c-unknown-ticket.md", article(id: "KB-0012", tickets: "[T-1042, T-404404]"),
         "kb/articles/c-unknown-ticket.md:7: error: linked ticket 'T-404404' not found in the store"),
        ("kb/articles/d-duplicate.md", article(id: "KB-0012"),
         "kb/articles/d-duplicate.md:2: error: duplicate id 'KB-0012' (already used by kb/articles/c-unknown-ticket.md)"),
        ("kb/articles/e-email.md", article(id: "KB-0014", audience: "customer", problem: "Escriba a soporte.interno@acme.cl para ayuda."),
         "kb/articles/e-email.md:12: error: email address in customer-visible text (column 11); remove it or move it into an internal block"),
        ("kb/articles/f-unclosed.md", article(id: "KB-0015", problem: "El portal no carga.\n<!-- internal -->\nnota"),
         "kb/articles/f-unclosed.md:13: error: internal block is never closed with '<!-- /internal -->' (everything after it is hidden from customers)"),
        ("kb/articles/g-customer-name.md", article(id: "KB-0016", audience: "customer", problem: "Le pasó a Banco Austral."),
         "kb/articles/g-customer-name.md:12: error: customer name in customer-visible text (column 11); remove it or move it into an internal block"),
    ]

    func workspace() throws -> TemporaryDirectory {
        var articles: [String: String] = ["kb/articles/ok.md": Self.article(id: "KB-0001")]
        for file in Self.planted { articles[file.path] = file.text }
        return try WriterCLIFixtures.workspace(tickets: [WriterCLIFixtures.closed(id: "T-1042", title: "No carga el login")],
                                               articles: articles)
    }

    @Test func findsEveryPlantedDefectWithFileAndLine() throws {
        let directory = try workspace()
        let result = runKB(["article", "lint"], in: directory.url)
        #expect(result.code == 1)
        let lines = result.stdout.split(separator: "\n").map(String.init)
        for file in Self.planted {
            #expect(lines.contains(file.expected), "missing: \(file.expected)\n\(result.stdout)")
        }
        #expect(!lines.contains { $0.hasPrefix("kb/articles/ok.md:") && $0.contains(": error: ") }, "\(result.stdout)")
        // Sorted by path then line: the order the linter documents.
        let paths = lines.map { String($0.prefix { $0 != ":" }) }
        #expect(paths == paths.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(result.stderr.hasPrefix("linted 8 articles: "))
    }

    @Test func jsonCountsMatch() throws {
        let directory = try workspace()
        let result = runKB(["article", "lint", "--json"], in: directory.url)
        #expect(result.code == 1)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let diagnostics = try #require(json["diagnostics"] as? [[String: Any]])
        let errors = diagnostics.filter { $0["severity"] as? String == "error" }.count
        #expect(json["errors"] as? Int == errors && errors >= Self.planted.count)
        #expect(json["warnings"] as? Int == diagnostics.count - errors)
        let first = try #require(diagnostics.first)
        #expect(Set(first.keys) == ["path", "line", "severity", "message"])
        #expect(diagnostics.contains { $0["path"] as? String == "kb/articles/c-unknown-ticket.md" && $0["line"] as? Int == 7 })
    }

    @Test func pathsSelectFilesAndFolders() throws {
        let directory = try workspace()
        let single = runKB(["article", "lint", "kb/articles/ok.md"], in: directory.url)
        #expect(single.code == 0, "\(single.stdout)")
        #expect(single.stderr == "linted 1 article: 0 errors, 0 warnings\n")
        try directory.write("kb/articles/portal/x.md", Self.article(id: "KB-0099", state: "borrador"))
        // Paths are relative to the current folder; diagnostics name files relative to the workspace.
        let folder = runKB(["article", "lint", "articles/portal"], in: directory.url.appendingPathComponent("kb"))
        #expect(folder.code == 1)
        #expect(folder.stdout.hasPrefix("kb/articles/portal/x.md:4: error: "))
        let missing = runKB(["article", "lint", "kb/articles/nope.md"], in: directory.url)
        #expect(missing.code == 1 && missing.stderr.contains("kb/articles/nope.md:1: error: cannot read file: no such file or folder"))
    }

    @Test func withoutDatabaseTicketLinksAreNotChecked() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/a.md", Self.article(tickets: "[T-404404]"))
        let result = runKB(["article", "lint"], in: directory.url)
        #expect(result.code == 0, "\(result.stdout)")
        #expect(result.stderr.hasPrefix("warning: no ticket database yet"))
        #expect(!result.stdout.contains("T-404404"))
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }

    @Test func emptyWorkspaceLintsNothing() throws {
        let directory = try WriterCLIFixtures.workspace(tickets: [WriterCLIFixtures.closed(id: "T-1", title: "x")])
        let result = runKB(["article", "lint"], in: directory.url)
        #expect(result.code == 0 && result.stdout.isEmpty)
        #expect(result.stderr == "linted 0 articles: 0 errors, 0 warnings\n")
    }
}
