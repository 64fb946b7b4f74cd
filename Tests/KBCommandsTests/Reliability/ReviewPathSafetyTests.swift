import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb review --out`, for one review (a file) and for a period (`--since`, a folder): names the file system would
/// cut or refuse, files where folders are needed and folders where a file is needed give a clear error and
/// write nothing — not even the missing folders review creates; `../` and absolute paths write exactly the file
/// named; nothing is overwritten without `--force`, and a symbolic link is replaced, never written through;
/// hostile ticket ids never name a file outside the period's folder.
@Suite struct ReviewPathSafetyTests {
    /// A folder holding the workspace (`ws`, where kb runs) and a folder beside it (`outside`).
    struct Fixture {
        let root: TemporaryDirectory
        var workspace: URL { root.url.appendingPathComponent("ws") }
        var outside: URL { root.url.appendingPathComponent("outside") }

        func run(_ arguments: [String]) -> CLIResult { runKB(arguments, in: workspace) }

        func text(_ path: String) throws -> String {
            try String(contentsOf: workspace.appendingPathComponent(path), encoding: .utf8)
        }

        func outsideText(_ name: String) throws -> String {
            try String(contentsOf: outside.appendingPathComponent(name), encoding: .utf8)
        }
    }

    /// A closed severity 1 incident created in March 2026 with the given id.
    static func incident(_ id: String, day: Int = 2) throws -> Ticket {
        let created = try #require(Timestamp(iso8601: String(format: "2026-03-%02dT09:14:00-03:00", day)))
        func at(_ minutes: Int64) -> Timestamp { Timestamp(seconds: created.seconds + minutes * 60, offsetSeconds: created.offsetSeconds) }
        return Ticket(id: id, title: "No carga el portal", description: "Pantalla en blanco", customer: "Acme", plan: "24x7",
                      timezone: "America/Santiago", service: "portal", severity: 1, status: .closed, channel: .telefono,
                      assignee: "ana", createdAt: created, resolvedAt: at(180), closedAt: at(240),
                      resolution: "Certificado renovado", rootCause: "Certificado vencido",
                      events: [TicketEvent(at: at(10), kind: .comment, author: "ana", text: "Revisando"),
                               TicketEvent(at: at(60), kind: .mitigated, author: "ana", text: "Portal accesible"),
                               TicketEvent(at: at(180), kind: .resolved, author: "ana", text: "Listo")])
    }

    static func fixture(ids: [String] = ["T-1"]) throws -> Fixture {
        let fixture = Fixture(root: try TemporaryDirectory())
        for folder in [fixture.workspace.appendingPathComponent("kb/articles"), fixture.outside, fixture.workspace.appendingPathComponent("sub")] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        let lines = try ids.enumerated().map { try incident($0.element, day: 2 + $0.offset % 20).jsonText() }
        try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: fixture.workspace.appendingPathComponent("tickets.jsonl"))
        try Data("mi archivo".utf8).write(to: fixture.workspace.appendingPathComponent("afile"))
        let imported = fixture.run(["import", "tickets.jsonl"])
        #expect(imported.code == 0 && imported.stdout.contains("inserted \(ids.count),"), "\(imported.stdout) \(imported.stderr)")
        return fixture
    }

    /// Every file and folder under `url`, recursively, sorted, with the size of each file.
    static func listing(_ url: URL) throws -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        var paths: [String] = []
        while let path = enumerator?.nextObject() as? String {
            let size = (try? FileManager.default.attributesOfItem(atPath: url.appendingPathComponent(path).path)[.size] as? Int) ?? -1
            paths.append("\(path) \(size)")
        }
        return paths.sorted()
    }

    static let longName = String(repeating: "g", count: 256) + ".md"
    /// `--out` values no single review may be written to; each must leave every file and folder as it was.
    static let badFiles = [
        "T-1.md\u{0}../../evil.md", "\u{0}", "", longName, "sub/" + String(repeating: "ñ", count: 200) + ".md",
        "nuevo/" + longName, "nuevo/otro/" + String(repeating: "é", count: 128), "afile/x.md", "afile/nuevo/x.md",
        ".", "..", "sub", "sub/", "nuevo/", "../outside", "../outside/", String(repeating: "ab/", count: 1400) + "x.md",
        String(repeating: "../", count: 3) + longName,
    ]

    @Test(arguments: badFiles.indices)
    func badReviewPathsWriteNothing(case number: Int) throws {
        let name = Self.badFiles[number]
        let fixture = try Self.fixture()
        let before = try Self.listing(fixture.root.url)
        for extra in [[], ["--force"], ["--audience", "customer", "--format", "html"]] {
            let result = fixture.run(["review", "T-1", "--out", name] + extra)
            let shown = String(reflecting: String(name.prefix(80)))
            #expect(result.code == 1 || result.code == 64, "\(shown) \(extra): \(result.code) \(result.stdout)")
            #expect(result.stderr.hasPrefix("error: ") && !result.stderr.contains("Error Domain"),
                    "\(shown) \(extra): unclear error \(String(reflecting: String(result.stderr.prefix(300))))")
            #expect(try Self.listing(fixture.root.url) == before, "\(shown) \(extra): files changed")
        }
    }

    /// `--out` folders a period's reviews may not be written to.
    static let badFolders = [
        "reviews\u{0}/../../x", "", "-", "afile", "afile/reviews", String(repeating: "r", count: 256),
        "nuevo/" + String(repeating: "r", count: 256), String(repeating: "ab/", count: 1400),
    ]

    @Test(arguments: badFolders.indices)
    func badPeriodFoldersWriteNothing(case number: Int) throws {
        let name = Self.badFolders[number]
        let fixture = try Self.fixture()
        let before = try Self.listing(fixture.root.url)
        for extra in [[], ["--force"]] {
            let result = fixture.run(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", name] + extra)
            let shown = String(reflecting: String(name.prefix(80)))
            #expect(result.code == 1 || result.code == 64, "\(shown) \(extra): \(result.code) \(result.stdout)")
            #expect(result.stderr.hasPrefix("error: ") && !result.stderr.contains("Error Domain"),
                    "\(shown) \(extra): unclear error \(String(reflecting: String(result.stderr.prefix(300))))")
            #expect(try Self.listing(fixture.root.url) == before, "\(shown) \(extra): files changed")
        }
    }

    /// A folder whose own path the kernel takes but whose files' paths it would refuse: refused before the folder
    /// is created.
    @Test func periodFolderTooDeepForItsFilesWritesNothing() throws {
        let fixture = try Self.fixture()
        // `ws/` plus folder names of 200 bytes up to 4,090 bytes: the folder fits, `FOLDER/summary.md` does not.
        var folder = ""
        while fixture.workspace.path.utf8.count + 1 + folder.utf8.count + 201 <= 4_090 { folder += String(repeating: "c", count: 200) + "/" }
        folder += String(repeating: "d", count: 4_090 - fixture.workspace.path.utf8.count - 1 - folder.utf8.count)
        #expect(fixture.workspace.appendingPathComponent(folder).path.utf8.count == 4_090)
        let before = try Self.listing(fixture.root.url)
        let result = fixture.run(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", folder])
        #expect(result.code == 1 && result.stderr.hasPrefix("error: cannot write ") && result.stderr.contains("over the limit of 4095"),
                "\(result.stderr.suffix(200))")
        #expect(try Self.listing(fixture.root.url) == before, "files changed")
    }

    /// `../` and absolute paths write the file named and nothing else; `-` is standard output, not a file.
    @Test func pathsOutsideTheWorkspaceWriteExactlyTheFileNamed() throws {
        let fixture = try Self.fixture()
        let before = try Self.listing(fixture.workspace)
        let absolute = fixture.outside.appendingPathComponent("absoluta.md").path
        for name in ["../outside/relativa.md", "sub/../../outside/vuelta.md", absolute, "../outside/nueva/carpeta/T-1.md"] {
            let result = fixture.run(["review", "T-1", "--out", name])
            #expect(result.code == 0 && result.stdout == "wrote \(name)\n", "\(name): \(result.stderr)")
        }
        #expect(try Self.listing(fixture.workspace) == before, "the workspace changed")
        let written = try Self.listing(fixture.outside).map { $0.split(separator: " ")[0] }
        #expect(written == ["absoluta.md", "nueva", "nueva/carpeta", "nueva/carpeta/T-1.md", "relativa.md", "vuelta.md"])
        #expect(try fixture.outsideText("relativa.md").hasPrefix("# Revisión post-incidente T-1"))

        let standardOutput = fixture.run(["review", "T-1", "--out", "-"])
        #expect(standardOutput.code == 0 && standardOutput.stdout.hasPrefix("# Revisión post-incidente T-1"), "\(standardOutput.stderr)")
        #expect(try Self.listing(fixture.workspace) == before, "'--out -' wrote a file")
    }

    /// An existing file, however it is named, and a symbolic link to a file elsewhere are left alone without
    /// --force; with it the review replaces the file, and the link itself (the file it pointed to is untouched).
    /// A dangling link is replaced too, never followed to create its target.
    @Test func reviewFilesAreNeverOverwrittenWithoutForce() throws {
        let fixture = try Self.fixture()
        try Data("mi revisión".utf8).write(to: fixture.workspace.appendingPathComponent("T-1.md"))
        try Data("no tocar".utf8).write(to: fixture.outside.appendingPathComponent("secreto.md"))
        try FileManager.default.createSymbolicLink(at: fixture.workspace.appendingPathComponent("enlace.md"),
                                                   withDestinationURL: fixture.outside.appendingPathComponent("secreto.md"))
        try FileManager.default.createSymbolicLink(at: fixture.workspace.appendingPathComponent("colgante.md"),
                                                   withDestinationURL: fixture.outside.appendingPathComponent("creado.md"))
        let names = ["T-1.md", "./T-1.md", "sub/../T-1.md", "../ws/T-1.md", fixture.workspace.appendingPathComponent("T-1.md").path,
                     "enlace.md", fixture.workspace.appendingPathComponent("enlace.md").path]
        for name in names {
            let refused = fixture.run(["review", "T-1", "--out", name])
            #expect(refused.code == 1 && refused.stderr == "error: \(name) already exists; nothing was written (use --force to overwrite)\n",
                    "\(name): \(refused.stderr)")
        }
        #expect(try fixture.text("T-1.md") == "mi revisión")
        #expect(try fixture.outsideText("secreto.md") == "no tocar")

        for name in ["T-1.md", "enlace.md", "colgante.md"] {
            let forced = fixture.run(["review", "T-1", "--out", name, "--force"])
            #expect(forced.code == 0 && forced.stdout == "wrote \(name)\n", "\(name): \(forced.stderr)")
            #expect(try fixture.text(name).hasPrefix("# Revisión post-incidente T-1"))
            let attributes = try FileManager.default.attributesOfItem(atPath: fixture.workspace.appendingPathComponent(name).path)
            #expect(attributes[.type] as? FileAttributeType == .typeRegular, "\(name) is still a link")
        }
        #expect(try fixture.outsideText("secreto.md") == "no tocar")
        #expect(!FileManager.default.fileExists(atPath: fixture.outside.appendingPathComponent("creado.md").path))
    }

    /// A period's folder: any existing review, summary or index (or a link to a file elsewhere under one of those
    /// names) stops the whole run without --force, with nothing written; with it every file is replaced.
    @Test func periodFilesAreNeverOverwrittenWithoutForce() throws {
        let fixture = try Self.fixture(ids: ["T-1", "T-2"])
        let period = ["review", "--since", "2026-03-01", "--until", "2026-04-01", "--format", "html", "--out"]
        let folder = fixture.workspace.appendingPathComponent("revisiones")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("no tocar".utf8).write(to: fixture.outside.appendingPathComponent("secreto.html"))
        try FileManager.default.createSymbolicLink(at: folder.appendingPathComponent("T-2.html"),
                                                   withDestinationURL: fixture.outside.appendingPathComponent("secreto.html"))
        for existing in ["index.html", "summary.html", "T-1.html"] {
            try Data("mío".utf8).write(to: folder.appendingPathComponent(existing))
            let before = try Self.listing(fixture.root.url)
            for name in ["revisiones", "./revisiones/", "../ws/revisiones", folder.path] {
                let refused = fixture.run(period + [name])
                #expect(refused.code == 1 && refused.stderr.contains("already exist") && refused.stderr.contains("T-2.html"),
                        "\(name): \(refused.stderr)")
                #expect(try Self.listing(fixture.root.url) == before, "\(name) with \(existing): files changed")
            }
            try FileManager.default.removeItem(at: folder.appendingPathComponent(existing))
        }
        let forced = fixture.run(period + ["revisiones", "--force"])
        #expect(forced.code == 0, "\(forced.stderr)")
        #expect(try Self.listing(folder).map { $0.split(separator: " ")[0] } == ["T-1.html", "T-2.html", "index.html", "summary.html"])
        #expect(try fixture.text("revisiones/T-2.html").contains("T-2"))
        #expect(try fixture.outsideText("secreto.html") == "no tocar")
    }

    /// Ticket ids are data, not paths: hostile ones name files directly inside the period's folder, within the
    /// file system's limits, none hidden, none replacing another review, the summary or the index.
    @Test func hostileTicketIDsStayInsideThePeriodFolder() throws {
        let ids = ["../../evil", "/etc/passwd", "..", ".", "...", ".hidden", "index", "summary", "INDEX", "T-1", "t-1", "T-1.md",
                   "a/b", "a\\..\\b", "~", "名前/../../x", "\u{202E}dm.exe", "con", "-", "--force", "a b", "$(rm -rf ~)",
                   String(repeating: "é", count: 100), String(repeating: "x", count: 200), String(repeating: "x", count: 199) + "y"]
        let fixture = try Self.fixture(ids: ids)
        let result = fixture.run(["review", "--since", "2026-03-01", "--until", "2026-04-01", "--out", "periodo"])
        #expect(result.code == 0, "\(result.stderr)")
        let folder = fixture.workspace.appendingPathComponent("periodo")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(files.count == ids.count + 2, "\(files)")
        for file in files {
            #expect(!file.hasPrefix(".") && !file.contains("/") && file.utf8.count <= 255 && file.hasSuffix(".md"), "\(file)")
            var isDirectory: ObjCBool = false
            #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(file).path, isDirectory: &isDirectory)
                    && !isDirectory.boolValue, "\(file)")
        }
        #expect(try fixture.text("periodo/index.md").contains("../../evil"))
        #expect(try !fixture.text("periodo/summary.md").hasPrefix("# Revisión post-incidente"))
        // Nothing anywhere but the period's folder.
        #expect(try Self.listing(fixture.outside).isEmpty)
        let top = try FileManager.default.contentsOfDirectory(atPath: fixture.root.url.path).sorted()
        #expect(top == ["outside", "ws"])
        let workspaceTop = try FileManager.default.contentsOfDirectory(atPath: fixture.workspace.path).sorted()
        #expect(workspaceTop == [".kb", "afile", "kb", "periodo", "sub", "tickets.jsonl"])
    }
}
