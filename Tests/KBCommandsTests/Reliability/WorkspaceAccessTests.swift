import Foundation
import Testing
import KBCore
import KBTestSupport

/// Workspaces kb may only read, and databases that belong to another workspace.
@Suite struct WorkspaceAccessTests {
    /// A workspace with a closed severity-1 incident (T-1), a few other tickets and an indexed article.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        var lines = TicketFixtures.line(id: "T-1", severity: 1, status: "closed") + "\n"
        for index in 2...6 { lines += TicketFixtures.line(id: "T-\(index)", title: "Portal caído \(index)") + "\n" }
        try directory.write("t.jsonl", lines)
        try directory.write("kb/articles/a.md", "---\nid: KB-0001\ntitle: No carga el login\nstate: validated\naudience: customer\n---\n## Problema\nEl login del portal no carga.\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    // MARK: - Read-only workspaces

    /// Runs the built kb as a user who may not write `.kb/`: as `nobody` when the tests run as root (root ignores
    /// permissions), else as this user after `chmod a-w`.
    static func runWithoutWriteAccess(_ arguments: [String], in directory: URL) throws -> (code: Int32, stdout: String, stderr: String) {
        guard let kb = BuiltBinary.kbURL else { throw CocoaError(.fileNoSuchFile) }
        let process = Process()
        if geteuid() == 0 {
            process.executableURL = URL(fileURLWithPath: "/usr/bin/setpriv")
            process.arguments = ["--reuid=65534", "--regid=65534", "--clear-groups", kb.path] + arguments
        } else {
            process.executableURL = kb
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = Thread.detachNewThreadReading(err)
        let output = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self), String(decoding: errors.wait(), as: UTF8.self))
    }

    static var canDropWriteAccess: Bool {
        BuiltBinary.kbURL != nil && (geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"))
    }

    /// `mode` on `.kb/` and, for the files in it, `mode` without execute bits.
    static func chmodState(_ directory: TemporaryDirectory, _ mode: mode_t) {
        let state = directory.url.appendingPathComponent(".kb").path
        for name in (try? FileManager.default.contentsOfDirectory(atPath: state)) ?? [] {
            chmod(state + "/" + name, mode & 0o666)
        }
        chmod(state, mode)
    }

    /// With `.kb/` and its files read-only, the commands that only read work (search, show, suggest, review to
    /// standard output, sla), also once the write-ahead log files are gone; a command that writes says so in a
    /// sentence, and the database is unchanged.
    @Test(.enabled(if: canDropWriteAccess, "needs the built kb executable, and setpriv when run as root"))
    func readOnlyWorkspaceServesReads() throws {
        let directory = try Self.workspace()
        let database = directory.url.appendingPathComponent(".kb/kb.sqlite")
        for logsPresent in [true, false] {
            if !logsPresent {
                for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: database.path + suffix) }
            }
            Self.chmodState(directory, 0o555)
            defer { Self.chmodState(directory, 0o755) }
            let before = try Data(contentsOf: database)
            let search = try Self.runWithoutWriteAccess(["search", "portal"], in: directory.url)
            #expect(search.code == 0 && search.stdout.contains("T-"), "\(search.stderr)")
            let show = try Self.runWithoutWriteAccess(["show", "T-1"], in: directory.url)
            #expect(show.code == 0 && show.stdout.hasPrefix("T-1"), "\(show.stderr)")
            let suggest = try Self.runWithoutWriteAccess(["suggest", "No carga el login del portal"], in: directory.url)
            #expect(suggest.code == 0 && suggest.stdout.contains("KB-0001"), "\(suggest.stderr)")
            let review = try Self.runWithoutWriteAccess(["review", "T-1", "--out", "-"], in: directory.url)
            #expect(review.code == 0 && review.stdout.contains("T-1"), "\(review.stderr)")
            let sla = try Self.runWithoutWriteAccess(["sla"], in: directory.url)
            #expect(sla.code == 0, "\(sla.stderr)")
            try directory.write("more.jsonl", TicketFixtures.line(id: "T-99") + "\n")
            let importing = try Self.runWithoutWriteAccess(["import", "more.jsonl"], in: directory.url)
            #expect(importing.code == 1)
            #expect(importing.stderr.hasPrefix("error: cannot write \(database.path): this user may not write"), "\(importing.stderr)")
            #expect(try Data(contentsOf: database) == before, "logs present: \(logsPresent)")
        }
    }

    /// A `.kb/` this user may not even enter: a sentence naming the file and what to check, not "no database yet".
    @Test(.enabled(if: canDropWriteAccess, "needs the built kb executable, and setpriv when run as root"))
    func unreadableWorkspaceSaysPermissionDenied() throws {
        let directory = try Self.workspace()
        // Root-owned 0700 keeps `nobody` out; for another user, 000 does.
        Self.chmodState(directory, geteuid() == 0 ? 0o700 : 0)
        defer { Self.chmodState(directory, 0o755) }
        let path = directory.url.appendingPathComponent(".kb/kb.sqlite").path
        for command in [["search", "portal"], ["import", "t.jsonl"]] {
            let result = try Self.runWithoutWriteAccess(command, in: directory.url)
            #expect(result.code == 1)
            #expect(result.stderr == "error: cannot open \(path): permission denied; check that this user may read it and the folders above it\n",
                    "\(command): \(result.stderr)")
        }
    }

    // MARK: - Shared databases

    /// A second workspace whose `.kb` is the first one's (a symbolic link): `kb index` there is refused with a
    /// sentence instead of removing the first workspace's articles; reads are refused too, unless
    /// `KB_ALLOW_SHARED_DATABASE=1`. A copy of the workspace (its own database file) is not refused.
    @Test func sharedDatabaseIsRefused() throws {
        let first = try Self.workspace()
        let second = try TemporaryDirectory()
        try second.makeWorkspace()
        try FileManager.default.createSymbolicLink(at: second.url.appendingPathComponent(".kb"),
                                                   withDestinationURL: first.url.appendingPathComponent(".kb"))
        let index = runKB(["index"], in: second.url)
        #expect(index.code == 1)
        let path = second.url.appendingPathComponent(".kb/kb.sqlite").path
        #expect(index.stderr.hasPrefix("error: \(path) is the database of the workspace \(Workspace(root: first.url).canonicalRoot), and "),
                "\(index.stderr)")
        #expect(index.stderr.contains("set KB_ALLOW_SHARED_DATABASE=1 to share it anyway"))
        #expect(runKB(["search", "login"], in: first.url).stdout.contains("KB-0001"), "the first workspace lost its article")
        #expect(runKB(["search", "login"], in: second.url).code == 1)
        let allowed = runKB(["search", "login"], in: second.url, environment: ["KB_ALLOW_SHARED_DATABASE": "1"])
        #expect(allowed.code == 0 && allowed.stdout.contains("KB-0001"), "\(allowed.stderr)")

        let copy = try TemporaryDirectory()
        try FileManager.default.removeItem(at: copy.url)
        try FileManager.default.copyItem(at: first.url, to: copy.url)
        let copied = runKB(["index"], in: copy.url)
        #expect(copied.code == 0, "\(copied.stderr)")
        #expect(runKB(["index"], in: first.url).code == 0)
    }
}

extension Thread {
    /// Reads `pipe` to its end on a new thread, so a child never blocks on a full pipe; `wait()` gives the bytes.
    static func detachNewThreadReading(_ pipe: Pipe) -> PipeReader {
        let reader = PipeReader()
        Thread { reader.finish(pipe.fileHandleForReading.readDataToEndOfFile()) }.start()
        return reader
    }
}

/// The bytes one thread read from a pipe, handed to another.
final class PipeReader: @unchecked Sendable {
    private let condition = NSCondition()
    private var data: Data?

    func finish(_ value: Data) {
        condition.lock()
        data = value
        condition.signal()
        condition.unlock()
    }

    func wait() -> Data {
        condition.lock()
        defer { condition.unlock() }
        while data == nil { condition.wait() }
        return data ?? Data()
    }
}
