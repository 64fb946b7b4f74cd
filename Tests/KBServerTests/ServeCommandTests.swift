import Foundation
import KBTestSupport
import Testing

@Suite("kb serve command")
struct ServeCommandTests {
    @Test func refusesANonLoopbackHostWithoutTokens() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let result = runKB(["serve", "--host", "0.0.0.0", "--port", "0"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("error: refusing to listen on 0.0.0.0 without access tokens"))
        #expect(result.stderr.contains("--tokens FILE"))
    }

    @Test func badTokensFileNamesItsLine() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("tokens", "read 0123456789abcdef0123\nadmin 0123456789abcdef9999\n")
        let result = runKB(["serve", "--host", "0.0.0.0", "--tokens", "tokens"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.contains("tokens:2: error: role must be read or write, found 'admin'"))
    }

    @Test(arguments: [["--port", "70000"], ["--threads", "0"], ["--host", "example.com"]])
    func badSettingsAreUsageOrClearErrors(arguments: [String]) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let result = runKB(["serve"] + arguments, in: directory.url)
        #expect(result.code != 0)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func aZendeskSecretFileMustBeReadableAndNotEmpty() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let missing = runKB(["serve", "--zendesk-secret-file", "nope"], in: directory.url)
        #expect(missing.code != 0)
        #expect(missing.stderr.contains("nope: error: cannot read the file: no such file"))
        try directory.write("secret", " \n")
        let empty = runKB(["serve", "--zendesk-secret-file", "secret"], in: directory.url)
        #expect(empty.code != 0)
        #expect(empty.stderr.contains("the Zendesk signing secret is empty"))
        // Like every file kb reads, a secret file in the workspace that a link takes outside it is refused.
        let outside = try TemporaryDirectory()
        try outside.write("secret", "s3cr3t-signing-key\n")
        try FileManager.default.createSymbolicLink(at: directory.url.appendingPathComponent("linked"),
                                                   withDestinationURL: outside.url.appendingPathComponent("secret"))
        let linked = runKB(["serve", "--zendesk-secret-file", "linked"], in: directory.url)
        #expect(linked.code != 0)
        #expect(linked.stderr.contains("symbolic link resolves outside the workspace"), "\(linked.stderr)")
    }

    @Test func helpDescribesTokensAndShutdown() {
        let result = runKB(["serve", "--help"], in: FileManager.default.temporaryDirectory)
        #expect(result.code == 0)
        #expect(result.stdout.contains("--tokens"))
        #expect(result.stdout.contains("SIGTERM"))
    }

    /// The real binary: starts, answers, and on SIGTERM stops cleanly with exit 0 and the database closed.
    @Test(.enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
    func binaryServesAndStopsOnSIGTERM() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("tickets.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        let process = Process()
        process.executableURL = BuiltBinary.kbURL
        process.arguments = ["serve", "--port", "0", "--threads", "2"]
        process.currentDirectoryURL = directory.url
        process.environment = ["KB_NOW": fixedNow, "PATH": "/usr/bin:/bin"]
        let errors = Pipe()
        process.standardError = errors
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        defer { if process.isRunning { process.terminate() } }
        // The first line says where it listens.
        var text = ""
        let handle = errors.fileHandleForReading
        while !text.contains("\n") {
            let chunk = handle.availableData
            if chunk.isEmpty { break }
            text += String(decoding: chunk, as: UTF8.self)
        }
        let port = try #require(text.range(of: #"127\.0\.0\.1:[0-9]+"#, options: .regularExpression)
            .flatMap { UInt16(text[$0].split(separator: ":")[1]) }, "\(text)")
        let response = try RawHTTPClient(port: port).request("GET", "/api/tickets/T-1")
        #expect(response.status == 200)
        kill(process.processIdentifier, SIGTERM)
        let rest = handle.readDataToEndOfFile()
        process.waitUntilExit()
        text += String(decoding: rest, as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(process.terminationReason == .exit)
        #expect(text.contains("\"GET /api/tickets/T-1 HTTP/1.1\" 200"))
        #expect(text.contains("kb serve: stopped"))
        // Every connection closed: the last close checkpointed the log into the database and emptied it (kb keeps
        // the emptied `-wal` file so that readers who cannot write `.kb/` can still open the store).
        let log = directory.url.appendingPathComponent(".kb/kb.sqlite-wal").path
        let size = (try? FileManager.default.attributesOfItem(atPath: log))?[.size] as? Int ?? 0
        #expect(size == 0)
    }
}
