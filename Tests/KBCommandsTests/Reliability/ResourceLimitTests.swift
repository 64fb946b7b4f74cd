import Foundation
import Testing
import KBCore
import KBTestSupport

/// Oversized and hostile input through the built `kb`: a clear error, the rest of the input still handled,
/// and the process's peak memory bounded (measured from `/proc`, see `MeasuredProcess`), never a crash.
@Suite(.serialized, .enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
struct ResourceLimitTests {
    /// Peak resident memory allowed to one kb run on hostile input.
    static let memoryBound = 300 << 20

    /// Writes `parts` to `url` one after another, each `Data` written as it comes so memory stays small.
    static func write(_ url: URL, _ parts: [(Data, Int)]) throws {
        guard FileManager.default.createFile(atPath: url.path, contents: nil) else { throw CocoaError(.fileWriteUnknown) }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        for (data, repeats) in parts {
            for _ in 0..<repeats { try handle.write(contentsOf: data) }
        }
    }

    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory(prefix: "kb-limits")
        try directory.makeWorkspace()
        return directory
    }

    static func expectBounded(_ result: MeasuredProcess.Result, _ what: String) {
        #expect(result.maximumResidentBytes > 1 << 20, "\(what): no memory measured; is /proc mounted?")
        #expect(result.status >= 0, "\(what): killed by signal \(-result.status)\n\(result.stderr.prefix(2_000))")
        #expect(result.maximumResidentBytes < memoryBound,
                "\(what): peak memory \(result.maximumResidentMegabytes) MB (bound \(memoryBound >> 20) MB)")
    }

    @Test func hundredMegabyteLineIsRejectedAndTheRestImported() throws {
        let directory = try Self.workspace()
        let file = directory.url.appendingPathComponent("big.jsonl")
        let chunk = Data(String(repeating: "a", count: 1 << 20).utf8)
        try Self.write(file, [
            (Data((TicketFixtures.line(id: "T-1") + "\n").utf8), 1),
            (Data("{\"id\":\"T-BIG\",\"title\":\"".utf8), 1), (chunk, 100), (Data("\"}\n".utf8), 1),
            (Data((TicketFixtures.line(id: "T-3") + "\n").utf8), 1),
        ])
        let result = try MeasuredProcess.run(["import", file.path], root: directory.url)
        Self.expectBounded(result, "100 MB line")
        #expect(result.status == 1)
        #expect(result.stderr.contains("big.jsonl:2: error:"), "\(result.stderr)")
        #expect(result.stdout.contains("read 3, inserted 2, updated 0, unchanged 0, rejected 1"), "\(result.stdout)")
    }

    @Test func ticketWithAMillionEventsIsRejectedWithReason() throws {
        let directory = try Self.workspace()
        let file = directory.url.appendingPathComponent("events.jsonl")
        let head = TicketFixtures.line(id: "T-EVENTS").replacingOccurrences(of: "\"events\":[", with: "\"events\":[{},")
        let split = head.range(of: "\"events\":[")!
        try Self.write(file, [
            (Data(head[..<split.upperBound].utf8), 1), (Data(String(repeating: "{},", count: 10_000).utf8), 100),
            (Data(head[split.upperBound...].utf8), 1), (Data("\n".utf8), 1),
            (Data((TicketFixtures.line(id: "T-OK") + "\n").utf8), 1),
        ])
        // A first record of 3 MB, beyond format detection's 64 KB look, is still told to be JSON Lines.
        let result = try MeasuredProcess.run(["import", file.path], root: directory.url)
        Self.expectBounded(result, "a million events")
        #expect(result.status == 1)
        #expect(result.stderr.contains("events.jsonl:1: error:") && result.stderr.contains("at most \(Ticket.Limits.maximumEvents)"),
                "\(result.stderr)")
        #expect(result.stdout.contains("inserted 1"), "\(result.stdout)")
    }

    /// 200,000 comments (18 MB) for one ticket in a `--comments` file: rejected before they are parsed
    /// (a million took 950 MB).
    @Test func zendeskTicketWithTooManyCommentsIsRejected() throws {
        let directory = try Self.workspace()
        let tickets = directory.url.appendingPathComponent("tickets.json")
        try Data("""
            {"tickets": [
            {"id": 4711, "subject": "Portal caído", "description": "No carga", "priority": "high", "status": "solved",
             "requester_id": 501, "created_at": "2026-03-02T12:14:00Z"},
            {"id": 4712, "subject": "Otro", "description": "No carga", "priority": "low", "status": "solved",
             "requester_id": 501, "created_at": "2026-03-02T12:14:00Z"}
            ]}
            """.utf8).write(to: tickets)
        let comments = directory.url.appendingPathComponent("comments.json")
        let one = "{\"id\":1,\"author_id\":601,\"public\":false,\"body\":\"nota\",\"created_at\":\"2026-03-02T12:40:00Z\"},"
        try Self.write(comments, [
            (Data("{\"4711\": [".utf8), 1), (Data(String(repeating: one, count: 10_000).utf8), 20),
            (Data((one.dropLast() + "], \"4712\": []}\n").utf8), 1),
        ])
        let result = try MeasuredProcess.run(["import", "--format", "zendesk", "--comments", comments.path, tickets.path],
                                             root: directory.url)
        Self.expectBounded(result, "200,000 Zendesk comments")
        #expect(result.status == 1)
        #expect(result.stderr.contains("tickets.json:2: error:"), "\(result.stderr)")
        #expect(result.stdout.contains("inserted 1"), "\(result.stdout)")
    }

    /// A Zendesk ticket carrying 20 MB of comments inline: rejected before it is parsed (60 MB took 715 MB).
    @Test func zendeskTicketOverTheRecordLimitIsRejected() throws {
        let directory = try Self.workspace()
        let tickets = directory.url.appendingPathComponent("tickets.json")
        let one = "{\"id\":1,\"author_id\":601,\"public\":false,\"body\":\"nota\",\"created_at\":\"2026-03-02T12:40:00Z\"},"
        try Self.write(tickets, [
            (Data("{\"tickets\": [\n{\"id\": 4711, \"subject\": \"Portal\", \"status\": \"solved\", \"created_at\": \"2026-03-02T12:14:00Z\", \"comments\": [".utf8), 1),
            (Data(String(repeating: one, count: 10_000).utf8), 22),
            (Data((one.dropLast() + "]},\n{\"id\": 4712, \"subject\": \"Otro\", \"priority\": \"low\", \"status\": \"solved\", \"created_at\": \"2026-03-02T12:14:00Z\"}\n]}\n").utf8), 1),
        ])
        let result = try MeasuredProcess.run(["import", "--format", "zendesk", tickets.path], root: directory.url)
        Self.expectBounded(result, "20 MB Zendesk ticket")
        #expect(result.status == 1)
        #expect(result.stderr.contains("tickets.json:2: error:"), "\(result.stderr)")
        #expect(result.stdout.contains("inserted 1"), "\(result.stdout)")
    }

    /// `kb suggest` given a 100 MB ticket file or 100 MB on standard input: refused before parsing.
    @Test(arguments: [true, false])
    func hugeSuggestInputIsRefused(asFile: Bool) throws {
        let directory = try Self.workspace()
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        #expect(try MeasuredProcess.run(["import", directory.url.appendingPathComponent("t.jsonl").path], root: directory.url).status == 0)
        let big = directory.url.appendingPathComponent("big.json")
        let chunk = Data(String(repeating: "el portal no carga ", count: 55_189).utf8)
        try Self.write(big, [(Data("{\"id\":\"N-1\",\"title\":\"x\",\"description\":\"".utf8), 1), (chunk, 100),
                             (Data("\",\"severity\":3,\"status\":\"new\",\"created_at\":\"2026-03-02T09:14:00-03:00\"}".utf8), 1)])
        let result = asFile
            ? try MeasuredProcess.run(["suggest", "--file", big.path], root: directory.url)
            : try MeasuredProcess.run(["suggest"], root: directory.url, standardInput: big.path)
        Self.expectBounded(result, "100 MB for kb suggest")
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: ") && result.stderr.contains("more than one ticket may hold"), "\(result.stderr)")
    }

    /// 100,000 `[` wherever kb reads JSON: a located error, not a stack overflow.
    @Test(arguments: ["jsonl", "zendesk", "zendesk-lines", "policy", "mapping"])
    func deeplyNestedJSON(place: String) throws {
        let directory = try Self.workspace()
        let nested = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let valid = TicketFixtures.line(id: "T-OK")
        var arguments: [String]
        var expectsImport = true
        switch place {
        case "jsonl":
            try directory.write("in.jsonl", valid + "\n" + nested + "\n{\"id\":\"T-2\",\"extra\":" + nested + "}\n")
            arguments = ["import", directory.url.appendingPathComponent("in.jsonl").path]
        case "zendesk":
            try directory.write("in.json", "{\"tickets\": [" + nested + ", {\"id\": 5, \"tags\": " + nested + "}]}\n")
            arguments = ["import", "--format", "zendesk", directory.url.appendingPathComponent("in.json").path]
            expectsImport = false
        case "zendesk-lines":
            try directory.write("in.json", "{\"id\": 5, \"subject\": \"x\"}\n" + nested + "\n")
            arguments = ["import", "--format", "zendesk", directory.url.appendingPathComponent("in.json").path]
            expectsImport = false
        case "policy":
            try directory.write("kb/policy.json", "{\"language\": " + nested + "}")
            try directory.write("in.jsonl", valid + "\n")
            arguments = ["sla"]
            expectsImport = false
        default:
            try directory.write("map.json", "{\"fields\": " + nested + "}")
            try directory.write("in.csv", "id,title\n1,x\n")
            arguments = ["import", "--mapping", directory.url.appendingPathComponent("map.json").path,
                         directory.url.appendingPathComponent("in.csv").path]
            expectsImport = false
        }
        let result = try MeasuredProcess.run(arguments, root: directory.url)
        Self.expectBounded(result, "100,000 '[' in \(place)")
        #expect(result.status == 1, "\(place): \(result.status) \(result.stderr.prefix(500))")
        #expect(result.stderr.contains("error:"), "\(place): \(result.stderr.prefix(500))")
        #expect(result.stderr.utf8.count < 4_000, "\(place): the error should not echo the input")
        if expectsImport { #expect(result.stdout.contains("inserted 1"), "\(result.stdout)") }
    }

    @Test func fiftyMegabyteArticleIsRefusedAndTheOthersIndexed() throws {
        let directory = try Self.workspace()
        try directory.write("kb/articles/ok.md", """
            ---
            id: KB-0001
            title: Artículo normal
            state: validated
            audience: customer
            ---
            ## Problema
            El portal no carga.
            """)
        let big = directory.url.appendingPathComponent("kb/articles/big.md")
        let paragraph = Data(String(repeating: "El portal no carga y la contraseña caducó otra vez. ", count: 20).utf8 + Array("\n\n".utf8))
        try Self.write(big, [
            (Data("---\nid: KB-0002\ntitle: Enorme\nstate: validated\naudience: customer\n---\n## Problema\n".utf8), 1),
            (paragraph, 50 * (1 << 20) / paragraph.count),
        ])
        let result = try MeasuredProcess.run(["index"], root: directory.url)
        Self.expectBounded(result, "50 MB article")
        #expect(result.status == 1)
        #expect(result.stderr.contains("kb/articles/big.md:1: error:"), "\(result.stderr.prefix(500))")
        #expect(result.stdout.contains("added 1"), "\(result.stdout)")
    }

    /// Fourteen levels of partials each including the one below four times (4^14 inclusions; 50 s and 547 MB before
    /// the renderer had limits): a located error naming the template, in bounded memory.
    @Test func fourFoldPartialFanOutStops() throws {
        let directory = try Self.workspace()
        try directory.write("parciales/p0.mustache", "texto repetido ")
        for level in 1...14 {
            try directory.write("parciales/p\(level).mustache", String(repeating: "{{> p\(level - 1)}}", count: 4))
        }
        try directory.write("abanico.mustache", "{{> p14}}\n")
        try directory.write("datos.json", "{}")
        let path = { (name: String) in directory.url.appendingPathComponent(name).path }
        let result = try MeasuredProcess.run(["render", path("abanico.mustache"), "--data", path("datos.json"), "--partials",
                                              path("parciales")], root: directory.url)
        Self.expectBounded(result, "four-fold partials")
        #expect(result.status == 1)
        #expect(result.stderr.contains(path("abanico.mustache") + ": error: rendering expands partials and sections more than"),
                "\(result.stderr.prefix(500))")
        #expect(result.stdout.isEmpty)
    }
}
