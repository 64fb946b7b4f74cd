import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct ImportFormatsTests {
    static let csv = """
        id;title;severity;status;created_at;Origen
        C-1;"Login roto; sin acceso";2;closed;2026-03-02T09:14:00-03:00;ERP
        C-2;"Reporte
        vacío";4;resolved;2026-03-03T10:00:00-03:00;

        """
    static let zendesk = """
        {"tickets": [
          {"id": 1, "subject": "Caída del portal", "description": "No carga", "priority": "urgent", "status": "closed",
           "requester_id": 10, "assignee_id": 20, "via": {"channel": "web"}, "created_at": "2026-03-02T12:00:00Z",
           "updated_at": "2026-03-02T14:00:00Z", "tags": ["portal"]},
          {"id": 2, "subject": "Consulta", "description": "Duda", "priority": "normal", "status": "open",
           "requester_id": 11, "via": {"channel": "voice"}, "created_at": "2026-03-03T12:00:00Z"}
        ], "next_page": null, "end_of_stream": true}
        """

    @Test(arguments: [
        ("{\n  \"tickets\": [\n    {\"id\": 1,\n", ImportFormat.zendesk),
        ("{\n  \"count\": 2,\n  \"next_page\": null,\n  \"tickets\": [\n", .zendesk),
        ("{\"tickets\":[{\"id\":1,\"subject\":\"x\"}],\"end_of_stream\":true}", .zendesk),
        ("{\"id\": 7, \"subject\": \"x\", \"requester_id\": 3}\n{\"id\": 8}\n", .zendesk),
        ("{\"id\":\"T-1\",\"title\":\"x\",\"severity\":3}\n", .jsonl),
        ("{\"id\":\"T-2\",\"title\":\n{\"id\":\"T-3\",\"title\":\"x\",\"severity\":3}\n", .jsonl),
        ("\u{FEFF}Ticket;Asunto;Prioridad\r\n1;x;Alta\r\n", .csv),
        ("\"Nombre, completo\",Fecha\n", .csv),
        ("id\ttitle\n", .csv),
        ("", .jsonl),
        ("  \n\n", .jsonl),
    ])
    func detectsFormatFromFirstBytes(prefix: String, expected: ImportFormat) throws {
        #expect(try ImportFormat.detect(prefix: Array(prefix.utf8), isWholeFile: true, file: "f") == expected)
    }

    @Test func detectsEachFormatAndImportsThemTogether() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("a.csv", Self.csv)
        try directory.write("b.json", Self.zendesk)
        try directory.write("c.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        let result = runKB(["import", "--json", "a.csv", "b.json", "c.jsonl"], in: directory.url)
        #expect(result.stderr == "")
        #expect(result.code == 0)
        #expect(result.stdout == "{\"read\":5,\"inserted\":5,\"updated\":0,\"unchanged\":0,\"rejected\":[],\"files\":[{\"file\":\"a.csv\",\"format\":\"csv\",\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0},{\"file\":\"b.json\",\"format\":\"zendesk\",\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0},{\"file\":\"c.jsonl\",\"format\":\"jsonl\",\"read\":1,\"inserted\":1,\"updated\":0,\"unchanged\":0,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticket(id: "C-2")?.title == "Reporte\nvacío")
        #expect(try store.ticket(id: "C-1")?.extra == ["Origen": "ERP"])
        #expect(try store.ticket(id: "zd:1")?.channel == .ticketera)
        #expect(try store.ticket(id: "zd:2")?.channel == .telefono)
        #expect(try store.ticket(id: "T-1") != nil)
    }

    @Test(arguments: [
        ("notes.txt", "hola mundo\nsin formato\n", "the first line is neither a JSON object nor a CSV header"),
        ("list.json", "[{\"id\": 1}]\n", "it is a JSON array"),
        ("other.jsonl", "{\"name\": \"x\"}\n", "its JSON objects have none of the members that tell a format (members seen: name)"),
    ])
    func saysWhenItCannotTellTheFormat(name: String, content: String, reason: String) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("good.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        try directory.write(name, content)
        let result = runKB(["import", "good.jsonl", name], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("\(name): error: cannot tell the format: \(reason)"))
        #expect(result.stderr.hasSuffix("; pass --format jsonl|csv|zendesk\n"))
        // Detection happens before the transaction: the good file is not imported either.
        #expect(runKB(["show", "T-1"], in: directory.url).code == 1)
        // An explicit format reads the file as told.
        let forced = runKB(["import", "--format", "jsonl", name], in: directory.url)
        #expect(forced.code == 1)
        #expect(forced.stderr.hasPrefix("\(name):1: error: "))
    }

    /// Every input that cannot be opened or told apart is named in one run, each on its own line; nothing is imported.
    @Test func everyUnreadableInputAtOnce() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("good.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        try directory.write("notes.txt", "hola\n")
        let result = runKB(["import", "good.jsonl", "missing.jsonl", "notes.txt", "kb"], in: directory.url)
        #expect(result.code == 1)
        let lines = result.stderr.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0] == "error: cannot read missing.jsonl: no such file")
        #expect(lines[1].hasPrefix("notes.txt: error: cannot tell the format: "))
        #expect(lines[2].hasPrefix("error: cannot read kb: it is a folder; name the files inside it"))
        #expect(runKB(["show", "T-1"], in: directory.url).code == 1)
    }

    /// Binary input is refused after detection's bounded read, whatever --format says: it would only give one
    /// garbage rejection per "line", or none at all for a stream without line ends.
    @Test(arguments: ["jsonl", "csv", "zendesk", nil] as [String?])
    func binaryInputIsNotATicketFile(format: String?) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("good.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        // NUL bytes (as in a zip-based spreadsheet) are added here so test logs stay printable.
        try directory.write("book.xlsx", "PK\u{03}\u{04}binary\u{0}\u{0}")
        let result = runKB(["import"] + (format.map { ["--format", $0] } ?? []) + ["good.jsonl", "book.xlsx"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr == "book.xlsx: error: not a ticket file: it holds binary data (a spreadsheet, a compressed file?); export the tickets as CSV or JSON\n")
        #expect(runKB(["show", "T-1"], in: directory.url).code == 1)
    }

    @Test func csvMapOptionsAndMappingFile() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("export.csv", """
            Ticket ID,Asunto,Prioridad,Estado,Creado
            100,Sin acceso al portal,Urgente,Cerrado,02/03/2026 09:14
            101,Otro,Baja,Abierto,03/03/2026 10:00

            """)
        try directory.write("mapping.json", """
            {"timezone": "America/Santiago",
             "fields": {"severity": {"column": "Prioridad", "values": {"Urgente": 1, "Baja": 4}},
                        "status": {"column": "Estado", "values": {"Cerrado": "closed", "Abierto": "in_progress"}},
                        "created_at": {"column": "Creado", "format": "dd/MM/yyyy HH:mm"}}}
            """)
        let arguments = ["import", "--json", "--map", "id=Ticket ID", "--map", "title=Asunto", "--mapping", "mapping.json", "export.csv"]
        let result = runKB(arguments, in: directory.url)
        #expect(result.stderr == "")
        #expect(result.stdout == "{\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":[],\"files\":[{\"file\":\"export.csv\",\"format\":\"csv\",\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        let again = runKB(arguments, in: directory.url)
        #expect(again.stdout == "{\"read\":2,\"inserted\":0,\"updated\":0,\"unchanged\":2,\"rejected\":[],\"files\":[{\"file\":\"export.csv\",\"format\":\"csv\",\"read\":2,\"inserted\":0,\"updated\":0,\"unchanged\":2,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        let shown = runKB(["show", "--json", "100"], in: directory.url)
        #expect(shown.stdout.contains("\"created_at\": \"2026-03-02T09:14:00-03:00\""))
        #expect(shown.stdout.contains("\"severity\": 1"))
    }

    @Test(arguments: [
        (["import", "--format", "csv", "--map", "priority=Prioridad", "x.csv"], "--map priority: unknown field"),
        (["import", "--format", "csv", "--map", "severity", "x.csv"], "--map needs FIELD=COLUMN"),
        (["import", "--format", "zendesk", "--map", "id=X", "x.csv"], "--map applies to CSV files"),
        (["import", "--format", "csv", "--comments", "c", "x.csv"], "--comments applies to Zendesk exports"),
        (["import", "--format", "jsonl", "--mapping", "m.json", "x.csv"], "--mapping applies to CSV files and Zendesk exports"),
        (["import", "--format", "xml", "x.csv"], "'xml' is not a valid value for --format"),
    ])
    func usageErrors(arguments: [String], message: String) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("x.csv", "id,title\n")
        let result = runKB(arguments, in: directory.url)
        #expect(result.code == KB.usage)
        #expect(result.stderr.contains(message), "\(result.stderr)")
    }

    @Test func badMappingFileNamesItsPath() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("x.csv", Self.csv)
        try directory.write("m.json", #"{"fields": {"severity": {"column": "P", "values": {"Alta": 7}}}}"#)
        let result = runKB(["import", "--mapping", "m.json", "x.csv"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.contains(": error: fields.severity.values[\"Alta\"]: expected a severity 1 to 5"))
    }

    /// `--strict` and the single transaction hold across formats: one bad CSV row leaves every file unimported.
    @Test func strictRollsBackEveryFormat() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("b.json", Self.zendesk)
        try directory.write("a.csv", Self.csv + "C-3;Mala;9;closed;2026-03-02T09:14:00-03:00;\n")
        let result = runKB(["import", "--strict", "--json", "b.json", "a.csv"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stdout.contains("\"inserted\":0"))
        #expect(result.stdout.contains("\"rolled_back\":true"))
        #expect(result.stderr == "a.csv:5: error: severity (column \"severity\"): must be 1 to 5 (1 Crítica … 5 Solicitudes), found 9\n")
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticketCount() == 0)
    }

    /// Zendesk through the CLI: priorities from kb/policy.json, names from --mapping, notes from --comments.
    @Test func zendeskWithPolicyMappingAndComments() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/policy.json", #"{"zendesk": {"priorities": {"normal": 4}}}"#)
        try directory.write("export.json", Self.zendesk)
        try directory.write("names.json", #"{"users": {"20": "ana"}, "channels": {"voice": "chat"}}"#)
        try directory.write("comments/1.json", """
            {"comments": [
              {"id": 1, "author_id": 10, "public": true, "body": "No carga", "created_at": "2026-03-02T12:00:00Z"},
              {"id": 2, "author_id": 20, "public": false, "body": "Revisar balanceador (interno)", "created_at": "2026-03-02T12:10:00Z"},
              {"id": 3, "author_id": 20, "public": true, "body": "Estamos en ello", "created_at": "2026-03-02T12:05:00Z"}
            ]}
            """)
        let result = runKB(["import", "--mapping", "names.json", "--comments", "comments", "export.json"], in: directory.url)
        #expect(result.stderr == "")
        #expect(result.stdout == "read 2, inserted 2, updated 0, unchanged 0, rejected 0\n")
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        let first = try #require(try store.ticket(id: "zd:1"))
        #expect(first.severity == 1)
        #expect(first.assignee == "ana")
        #expect(first.events.map(\.kind) == [.created, .comment, .comment, .resolved, .closed])
        #expect(first.events.map(\.visibility) == [.public, .public, .internal, .public, .public])
        #expect(first.events[2].text == "Revisar balanceador (interno)")
        let second = try #require(try store.ticket(id: "zd:2"))
        #expect(second.severity == 4)
        #expect(second.channel == .chat)
    }
}
