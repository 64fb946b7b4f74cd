import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// Files kb writes stay where they belong: draft paths made from hostile ticket titles and services never
/// leave `kb/articles`, `--out` refuses names the file system would cut or refuse, and nothing is overwritten
/// without `--force`. (`kb review --out` has its own, `ReviewPathSafetyTests`.)
@Suite struct PathSafetyTests {
    static let pathAttacks = [
        "../../etc/passwd", "/etc/passwd", "..", ".", "...", "./../x", "a/../../b", "..\\..\\windows", "~/.ssh/id_rsa",
        "C:\\x", "x\u{0}../../y", "\u{0}", "", " ", "-", "--force", "con", "nul", "aux.md", ".hidden", "x.md/", "%2e%2e%2f",
        String(repeating: "á", count: 300), String(repeating: "a", count: 300), String(repeating: "ab/", count: 120),
        "\u{202E}dm.exe", "👩‍💻/👩‍💻", "名前/../../x", "\n../x", "{{> partial}}", "$(rm -rf ~)", "`x`", "a:b*c?d\"e<f>g|h",
    ]

    static func isInside(_ path: String) -> Bool {
        let components = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard components.count >= 3, components[0] == "kb", components[1] == "articles", path.hasSuffix(".md") else { return false }
        return components.dropFirst(2).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." && $0.utf8.count <= 255 }
    }

    /// Every hostile title and service (and random hostile text) gives a path inside kb/articles with valid
    /// slugs, and the draft written there parses back with its title.
    @Test func draftPathsStayInsideArticles() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let drafter = ArticleDrafter(language: .spanish, templates: try Workspace(root: directory.url).templates(language: .spanish))
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        var generator = SeededGenerator(seed: 0x5106)
        var inputs = Self.pathAttacks.flatMap { attack in [(attack, attack), (attack, "portal"), ("x", attack)] }
        for _ in 0..<300 {
            inputs.append((HostileText.string(using: &generator, pieces: 1...5), HostileText.string(using: &generator, pieces: 1...3)))
        }
        for (index, (title, service)) in inputs.enumerated() {
            let ticket = Ticket(id: "T-\(index)", title: title, service: service.isEmpty ? nil : service, severity: 3,
                                status: .closed, createdAt: created)
            let path = ArticleDrafter.relativePath(title: title, ticket: ticket)
            #expect(Self.isInside(path), "\(String(reflecting: title)) / \(String(reflecting: service)) → \(path)")
            let id = String(format: "KB-%04d", index + 1)
            guard let draft = Self.draft(drafter, ticket, id: id, date: created) else { continue }
            if case .failure(let error) = Result(catching: { () throws(ArticleDraftError) in try draft.write(root: directory.url) }) {
                // The same slug twice is refused, never overwritten; anything else is a failure.
                if case .fileExists = error { continue }
                Issue.record("\(draft.path): \(error)")
                continue
            }
            let written = directory.url.appendingPathComponent(draft.path).standardizedFileURL.path
            #expect(written.hasPrefix(directory.url.appendingPathComponent("kb/articles").standardizedFileURL.path + "/"))
            let parsed = try Article.parse(text: String(contentsOfFile: written, encoding: .utf8), path: draft.path)
            #expect(parsed.title == draft.title)
        }
        // Nothing was written anywhere but kb/articles.
        let top = try FileManager.default.contentsOfDirectory(atPath: directory.path).sorted()
        #expect(top == ["kb"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent("kb").path) == ["articles"])
    }

    static func draft(_ drafter: ArticleDrafter, _ ticket: Ticket, id: String, date: Timestamp) -> ArticleDraft? {
        do {
            return try drafter.draft(from: ticket, id: id, date: date)
        } catch {
            Issue.record("\(String(reflecting: ticket.title)) / \(String(reflecting: ticket.service)): \(error)")
            return nil
        }
    }

    /// Drafting the same ticket twice never replaces the first draft, even through the CLI.
    @Test func draftNeverOverwrites() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1", title: "../../../etc/passwd", extra: "\"resolution\":\"x\"") + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        let first = runKB(["article", "draft", "T-1"], in: directory.url)
        #expect(first.code == 0, "\(first.stderr)")
        let path = "kb/articles/portal/etc-passwd.md"
        let original = try String(contentsOf: directory.url.appendingPathComponent(path), encoding: .utf8)
        try directory.write(path, original + "\nEditado por la redactora.\n")
        let second = runKB(["article", "draft", "T-1"], in: directory.url)
        #expect(second.code == 1 && second.stderr.contains(path), "\(second.stderr)")
        #expect(try String(contentsOf: directory.url.appendingPathComponent(path), encoding: .utf8).hasSuffix("Editado por la redactora.\n"))
        for id in ["../T-1", "/etc/passwd", "T-1\u{0}x", String(repeating: "x", count: 10_000)] {
            let result = runKB(["article", "draft", id], in: directory.url)
            #expect((result.code == 1 || result.code == 64) && result.stderr.hasPrefix("error: "),
                    "\(String(reflecting: id.prefix(40))): \(result.stderr)")
        }
    }

    static func trainingWorkspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/a.md", """
            ---
            id: KB-0001
            title: Cambiar la contraseña
            state: validated
            audience: customer
            services: [portal]
            ---
            ## Problema
            Olvidé la contraseña.

            ## Solución
            Use la opción de recuperar.
            """)
        return directory
    }

    /// `--out` names the file system would cut at a NUL or refuse as too long: a clear error and no file at all
    /// (a NUL would otherwise make `guia.md\0../../x` write `guia.md`).
    @Test(arguments: 0..<6)
    func badOutputNamesWriteNothing(case number: Int) throws {
        let name = ["guia.md\u{0}../../evil.md", "\u{0}", String(repeating: "g", count: 256) + ".md",
                    "sub/" + String(repeating: "ñ", count: 200) + ".md", "no-such-folder/guia.md", "."][number]
        let directory = try Self.trainingWorkspace()
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let before = try Self.listing(directory.url)
        let result = runKB(["training", "--out", name], in: directory.url)
        let shown = String(reflecting: name)
        #expect(result.code == 1 || result.code == 64, "\(shown): \(result.code) \(String(reflecting: result.stderr))")
        #expect(result.stderr.contains("error:"), "\(shown): \(String(reflecting: result.stderr))")
        let after = try Self.listing(directory.url)
        #expect(after == before, "\(shown): files appeared: \(String(reflecting: Set(after).subtracting(before)))")
    }

    /// An existing file (or a symbolic link to one elsewhere) is left alone without --force; with it, the
    /// document replaces the file, and a link is replaced rather than written through.
    @Test func outputIsNeverOverwrittenWithoutForce() throws {
        let directory = try Self.trainingWorkspace()
        try directory.write("guia.md", "mi guía")
        let outside = try TemporaryDirectory()
        try outside.write("secreto.md", "no tocar")
        try FileManager.default.createSymbolicLink(at: directory.url.appendingPathComponent("enlace.md"),
                                                   withDestinationURL: outside.url.appendingPathComponent("secreto.md"))
        for name in ["guia.md", "enlace.md", "./guia.md", "../\(directory.url.lastPathComponent)/guia.md",
                     directory.url.appendingPathComponent("guia.md").path] {
            let refused = runKB(["training", "--out", name], in: directory.url)
            #expect(refused.code == 1 && refused.stderr.contains("already exists"), "\(name): \(refused.stderr)")
        }
        #expect(try String(contentsOf: directory.url.appendingPathComponent("guia.md"), encoding: .utf8) == "mi guía")
        #expect(try String(contentsOf: outside.url.appendingPathComponent("secreto.md"), encoding: .utf8) == "no tocar")
        for name in ["guia.md", "enlace.md"] {
            let forced = runKB(["training", "--out", name, "--force"], in: directory.url)
            #expect(forced.code == 0, "\(forced.stderr)")
        }
        #expect(try String(contentsOf: directory.url.appendingPathComponent("guia.md"), encoding: .utf8).contains("Cambiar la contraseña"))
        #expect(try String(contentsOf: outside.url.appendingPathComponent("secreto.md"), encoding: .utf8) == "no tocar")
    }

    /// Every file under `url`, recursively, sorted.
    static func listing(_ url: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String { paths.append(path) }
        return paths.sorted()
    }
}
