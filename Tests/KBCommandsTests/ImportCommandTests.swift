import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct ImportCommandTests {
    /// A file mixing valid tickets with every kind of bad record the issue lists.
    static func mixedFile() -> (text: String, validIDs: [String], badLines: [Int: String]) {
        let big = String(repeating: "texto largo ", count: 5 * 1024 * 1024 / 12)
        var lines: [String] = []
        lines.append(TicketFixtures.line(id: "T-1"))                                   // 1 ok
        lines.append("{\"id\":\"T-2\",\"title\":")                                    // 2 broken JSON
        lines.append(TicketFixtures.line(id: "", title: "sin id"))                     // 3 empty id
        lines.append(TicketFixtures.line(id: "T-4", severity: 0))                      // 4 severity 0
        lines.append(TicketFixtures.line(id: "T-5", severity: 7))                      // 5 severity 7
        lines.append(TicketFixtures.line(id: "T-6", status: "pending"))                // 6 unknown status
        lines.append(TicketFixtures.line(id: "T-7").replacingOccurrences(of: "09:14:00-03:00", with: "09:14:00")) // 7 no offset
        lines.append("{\"id\":\"T-8\",\"title\":\"mal \u{FFFD}\"}")                    // 8 replaced below by invalid UTF-8
        lines.append(TicketFixtures.line(id: "T-1", title: "duplicado"))               // 9 duplicate id
        lines.append(TicketFixtures.line(id: "T-10", title: "descripcion enorme").replacingOccurrences(
            of: "La pantalla queda en blanco", with: big))                              // 10 ok, 5 MB description
        lines.append(TicketFixtures.line(id: "T-11", extra: "\"timezone\":\"Mars/Olympus\""))  // 11 bad zone (last wins)
        lines.append(TicketFixtures.line(id: "T-12", status: "open"))                  // 12 ok? no: unknown status
        lines.append(TicketFixtures.line(id: "T-13", severity: 5, status: "new"))      // 13 ok
        let bad: [Int: String] = [2: "invalid JSON", 3: "id: must not be empty", 4: "severity", 5: "severity",
                                  6: "status: unknown value", 7: "created_at", 8: "invalid UTF-8", 9: "duplicate id 'T-1'",
                                  11: "timezone", 12: "status: unknown value"]
        return (lines.joined(separator: "\n") + "\n", ["T-1", "T-10", "T-13"], bad)
    }

    func writeMixed(_ directory: TemporaryDirectory) throws -> URL {
        let mixed = Self.mixedFile()
        var data = Data(mixed.text.utf8)
        // Line 8 carries a byte sequence that is not UTF-8.
        let marker = Data("mal \u{FFFD}".utf8)
        let range = try #require(data.range(of: marker))
        data.replaceSubrange(range, with: Data("mal ".utf8) + Data([0xC3, 0x28]))
        let file = directory.url.appendingPathComponent("mixed.jsonl")
        try data.write(to: file)
        return file
    }

    @Test func mixedFileImportsValidAndNamesEachBadLine() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        _ = try writeMixed(directory)
        let result = runKB(["import", "mixed.jsonl"], in: directory.url)
        #expect(result.code == 1)
        let mixed = Self.mixedFile()
        let errorLines = result.stderr.split(separator: "\n").map(String.init)
        #expect(errorLines.count == mixed.badLines.count)
        for (line, reason) in mixed.badLines {
            #expect(errorLines.contains { $0.hasPrefix("mixed.jsonl:\(line): error: ") && $0.contains(reason) },
                    "line \(line) should be rejected for \(reason)")
        }
        #expect(result.stdout.contains("inserted 3"))
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticketCount() == 3)
        for id in mixed.validIDs { #expect(try store.ticket(id: id) != nil) }
        #expect(try store.ticket(id: "T-10")?.description.utf8.count ?? 0 > 5_000_000)
    }

    @Test func strictImportsNothing() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        _ = try writeMixed(directory)
        try directory.write("good.jsonl", TicketFixtures.line(id: "T-100") + "\n")
        #expect(runKB(["import", "good.jsonl"], in: directory.url).code == 0)
        let result = runKB(["import", "--strict", "--json", "mixed.jsonl"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stdout.contains("\"inserted\":0"))
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticketCount() == 1)
    }

    /// Standard input can be read once: a second `-` is a usage error, not a silent import of nothing.
    @Test func standardInputTwiceIsAUsageError() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let result = runKB(["import", "-", "-"], in: directory.url, stdin: TicketFixtures.line(id: "T-1") + "\n")
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix("error: - (standard input) given more than once\n"))
    }

    @Test func reimportChangesNothingAndUpdatesChangedTickets() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("a.jsonl", TicketFixtures.line(id: "T-1") + "\n" + TicketFixtures.line(id: "T-2") + "\n")
        let first = runKB(["import", "--json", "a.jsonl"], in: directory.url)
        #expect(first.stdout == "{\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":[],\"files\":[{\"file\":\"a.jsonl\",\"format\":\"jsonl\",\"read\":2,\"inserted\":2,\"updated\":0,\"unchanged\":0,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        let second = runKB(["import", "--json", "a.jsonl"], in: directory.url)
        #expect(second.stdout == "{\"read\":2,\"inserted\":0,\"updated\":0,\"unchanged\":2,\"rejected\":[],\"files\":[{\"file\":\"a.jsonl\",\"format\":\"jsonl\",\"read\":2,\"inserted\":0,\"updated\":0,\"unchanged\":2,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        try directory.write("a.jsonl", TicketFixtures.line(id: "T-1", title: "Cambio de titulo") + "\n")
        let third = runKB(["import", "--json", "a.jsonl"], in: directory.url)
        #expect(third.stdout == "{\"read\":1,\"inserted\":0,\"updated\":1,\"unchanged\":0,\"rejected\":[],\"files\":[{\"file\":\"a.jsonl\",\"format\":\"jsonl\",\"read\":1,\"inserted\":0,\"updated\":1,\"unchanged\":0,\"rejected\":0}],\"unknown_values\":[],\"file_problems\":[]}\n")
        let shown = runKB(["show", "--json", "T-1"], in: directory.url)
        #expect(shown.code == 0)
        #expect(shown.stdout.contains("\"title\": \"Cambio de titulo\""))
    }

    @Test func showPrintsTimelineInTimeOrder() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let events = """
            "events":[{"at":"2026-03-02T10:00:00-03:00","kind":"resolved","text":"segundo"},\
            {"at":"2026-03-02T09:30:00-03:00","kind":"comment","text":"primero"}]
            """
        let line = TicketFixtures.line(id: "T-9").replacingOccurrences(
            of: #""events":[{"at":"2026-03-02T09:20:00-03:00","kind":"comment","author":"ana","text":"Revisando"}]"#, with: events)
        try directory.write("t.jsonl", line + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        let shown = runKB(["show", "T-9"], in: directory.url)
        let first = try #require(shown.stdout.range(of: "primero"))
        let second = try #require(shown.stdout.range(of: "segundo"))
        #expect(first.lowerBound < second.lowerBound)
        let missing = runKB(["show", "T-404"], in: directory.url)
        #expect(missing.code == 1)
        #expect(missing.stderr.contains("no ticket or article 'T-404'"))
    }
}
