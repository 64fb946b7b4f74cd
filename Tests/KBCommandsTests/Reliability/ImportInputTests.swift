import Foundation
import Testing
import KBCore
import KBTestSupport
#if canImport(Glibc)
import Glibc
#endif

/// Every way of handing `kb import` its input, through the built binary: a file, a pipe to `/dev/stdin` and to `-`,
/// process substitution and a FIFO read the same records (before, detection opened the path several times: a pipe
/// read 0 records, a FIFO blocked for ever). Endless and binary streams are refused after a bounded read.
@Suite(.serialized, .enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
struct ImportInputTests {
    /// One input per format, with the options it needs.
    static let inputs: [(file: String, options: [String])] = [
        ("tickets.jsonl", []), ("export.csv", ["--mapping", "mapping.json"]), ("zendesk.json", []),
    ]

    /// The three exports, written into `directory`.
    static func writeExports(to directory: TemporaryDirectory) throws {
        var tickets = ""
        TicketGenerator(seed: 21).writeJSONLines(count: 300) { tickets += $0 + "\n" }
        try directory.write("tickets.jsonl", tickets)
        try directory.write("export.csv", SupportExportCSV(rows: 300).text)
        try directory.write("mapping.json", SupportExportCSV.mappingJSON)
        let zendesk = (1...40).map { id in
            """
            {"id": \(id), "subject": "Caída \(id)", "description": "No carga", "priority": "\(["urgent", "high", "normal", "low"][id % 4])",
             "status": "\(["open", "pending", "solved", "closed"][id % 4])", "requester_id": 10, "via": {"channel": "web"},
             "created_at": "2026-03-02T12:00:00Z", "updated_at": "2026-03-02T14:00:00Z"}
            """
        }
        try directory.write("zendesk.json", "{\"tickets\": [\n" + zendesk.joined(separator: ",\n") + "\n], \"end_of_stream\": true}\n")
    }

    /// A fresh workspace holding the exports.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "kb-input")
        try directory.makeWorkspace()
        try writeExports(to: directory)
        return directory
    }

    /// The `--json` counts of an import, without the per-file names (which differ by how the input was named).
    static func counts(_ output: String) -> String {
        String(output.prefix { $0 != "]" })
    }

    @Test(arguments: inputs.indices)
    func everyWayInImportsTheSameRecords(input: Int) throws {
        let (file, options) = Self.inputs[input]
        let reference = try Self.workspace()
        let fromFile = try BuiltBinary.run(["import", "--json"] + options + [file], in: reference.url)
        #expect(fromFile.code == 0, "\(fromFile.stderr)")
        #expect(fromFile.stdout.contains("\"rejected\":[]"))
        let data = try Data(contentsOf: reference.url.appendingPathComponent(file))

        for path in ["/dev/stdin", "-"] {
            let directory = try Self.workspace()
            let piped = try BuiltBinary.run(["import", "--json"] + options + [path], in: directory.url, input: data)
            #expect(Self.counts(piped.stdout) == Self.counts(fromFile.stdout), "\(file) piped to \(path): \(piped.stderr)")
        }

        let substituted = try Self.workspace()
        let quoted = (options + ["<(cat \(file))"]).map { $0.hasPrefix("<(") ? $0 : "'\($0)'" }.joined(separator: " ")
        let substitution = try BuiltBinary.shell("\"$KB\" import --json \(quoted)", in: substituted.url)
        #expect(Self.counts(substitution.stdout) == Self.counts(fromFile.stdout), "\(file) through <(…): \(substitution.stderr)")

        let fifoDirectory = try Self.workspace()
        let fifo = fifoDirectory.url.appendingPathComponent("input.fifo").path
        #expect(mkfifo(fifo, 0o600) == 0)
        // The writer blocks on opening until kb opens the FIFO for reading, then writes it all once.
        let writer = Thread {
            guard let handle = FileHandle(forWritingAtPath: fifo) else { return }
            try? handle.write(contentsOf: data)
            try? handle.close()
        }
        writer.start()
        // Through a watchdog: a kb that opens the FIFO twice waits for ever for a second writer.
        let absolute = options.map { $0.hasSuffix(".json") ? fifoDirectory.url.appendingPathComponent($0).path : $0 }
        let throughFIFO = try MeasuredProcess.run(["import", "--json"] + absolute + [fifo], root: fifoDirectory.url, timeLimit: 60)
        // Releases a writer still waiting to open (when kb never opened the FIFO).
        let release = open(fifo, O_RDONLY | O_NONBLOCK)
        if release >= 0 { close(release) }
        #expect(throughFIFO.status >= 0, "kb hung on the FIFO and was killed")
        #expect(Self.counts(throughFIFO.stdout) == Self.counts(fromFile.stdout), "\(file) through a FIFO: \(throughFIFO.stderr)")
    }

    /// The issue's case: the first three lines piped read three records, not zero.
    @Test func firstLinesOfAFilePipedToStandardInput() throws {
        let directory = try Self.workspace()
        let result = try BuiltBinary.shell("head -3 tickets.jsonl | \"$KB\" import /dev/stdin", in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        #expect(result.stdout == "read 3, inserted 3, updated 0, unchanged 0, rejected 0\n")
    }

    /// An endless stream of text on `-` is refused after detection's bounded look (before, `-` was read whole first
    /// and `yes | kb import -` never ended). `timeout` turns a hang into exit 124 instead of a stuck test run.
    @Test func endlessTextOnStandardInputIsRefused() throws {
        let directory = try Self.workspace()
        let result = try BuiltBinary.shell("yes | timeout 60 \"$KB\" import -", in: directory.url)
        #expect(result.code == 1, "exit \(result.code) (124: hung until killed)")
        #expect(result.stderr.hasPrefix("-: error: cannot tell the format: "), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }

    /// `/dev/zero` and random bytes, with or without `--format`: refused after the bounded look, never read for ever.
    @Test(arguments: [["/dev/zero"], ["--format", "jsonl", "/dev/zero"], ["--format", "csv", "/dev/urandom"], ["/dev/urandom"]])
    func endlessBinaryStreamsAreRefused(arguments: [String]) throws {
        let directory = try Self.workspace()
        let result = try MeasuredProcess.run(["import"] + arguments, root: directory.url, timeLimit: 30)
        #expect(result.status == 1, "killed or hung: \(result.status)")
        #expect(result.stderr.contains(": error: not a ticket file: it holds binary data"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }
}
