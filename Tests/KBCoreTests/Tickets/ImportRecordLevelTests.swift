import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A few bad bytes cost the record they are in, never the file: a byte order mark costs nothing, a NUL or invalid
/// UTF-8 costs its line (named `FILE:LINE`), a bad first record costs that record only, and every record of every
/// file is accounted for.
@Suite struct ImportRecordLevelTests {
    static func lines(_ count: Int, from start: Int = 1) -> [String] {
        (start..<(start + count)).map { TicketFixtures.line(id: "T-\($0)") }
    }

    static func importing(_ files: [(name: String, bytes: [UInt8])], format: ImportFormat? = nil,
                          strict: Bool = false) throws -> (ImportReport, Store, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        var paths: [String] = []
        for file in files {
            let url = directory.url.appendingPathComponent(file.name)
            try Data(file.bytes).write(to: url)
            paths.append(url.path)
        }
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        // Callers keep the directory as long as the store: a first import reopens the log files in it afterwards.
        let report = try TicketImporter(store: store).importFiles(paths, displayNames: files.map(\.name), format: format, strict: strict)
        return (report, store, directory)
    }

    static func bytes(_ lines: [String]) -> [UInt8] {
        Array((lines.joined(separator: "\n") + "\n").utf8)
    }

    @Test func byteOrderMarkCostsNothing() throws {
        let (report, store, directory) = try Self.importing([("bom.jsonl", [0xEF, 0xBB, 0xBF] + Self.bytes(Self.lines(5)))])
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        #expect(report.rejected == [])
        #expect(report.inserted == 5)
    }

    static let damagedLines: [(String, [UInt8])] = [
        ("nul-in-value", Array("{\"id\":\"T-X\",\"title\":\"a".utf8) + [0] + Array("b\"}".utf8)),
        ("nul-line", [0, 0, 0, 0]),
        ("invalid-utf8", Array("{\"id\":\"T-X\",\"title\":\"mal ".utf8) + [0xC3, 0x28] + Array("\"}".utf8)),
    ]

    /// One NUL in line 2, a line of NULs, invalid UTF-8: each loses its own record, named by its line.
    @Test(arguments: damagedLines)
    func damagedLineLosesOnlyItself(name: String, damaged: [UInt8]) throws {
        var content = Self.bytes(Array(Self.lines(1)))
        content += damaged + [0x0A]
        content += Self.bytes(Self.lines(3, from: 2))
        let (report, store, directory) = try Self.importing([("\(name).jsonl", content)])
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        #expect(report.inserted == 4)
        #expect(report.rejected.map(\.line) == [2])
        #expect(report.rejected.first?.file == "\(name).jsonl")
        #expect(report.rejected.first?.kind == "invalid JSON")
    }

    /// `kb import a.jsonl b.jsonl` where b's first line is `{"id":"X"}`: a is imported, b's other lines too, and the one
    /// rejection says what the record lacks (it used to refuse both files, saying the id was missing).
    @Test func badFirstRecordLosesOnlyItself() throws {
        let (report, store, directory) = try Self.importing([
            ("a.jsonl", Self.bytes(Self.lines(3))),
            ("b.jsonl", Self.bytes(["{\"id\":\"X\"}"] + Self.lines(4, from: 10))),
        ])
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        #expect(report.inserted == 7)
        #expect(report.rejected.map(\.description) == ["b.jsonl:1: error: title: missing"])
        #expect(report.files.map(\.file) == ["a.jsonl", "b.jsonl"])
        #expect(report.files.map(\.counts.read) == [3, 5])
        #expect(report.files.map(\.counts.inserted) == [3, 4])
        #expect(report.files.map(\.counts.rejected) == [0, 1])
    }

    /// A first line that is not JSON at all does not hide the format the next lines show.
    @Test func garbageFirstLineDoesNotHideTheFormat() throws {
        let (report, store, directory) = try Self.importing([("g.jsonl", Array("garbage\n".utf8) + Self.bytes(Self.lines(2)))])
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        #expect(report.inserted == 2)
        #expect(report.rejected.map(\.line) == [1])
    }

    /// Every record of every file is read once and ends in exactly one outcome, file by file and in total.
    @Test func everyRecordOfEveryFileIsAccountedFor() throws {
        let csv = "id,title,severity,status,created_at\nC-1,x,3,closed,2026-03-02T09:14:00Z\nC-2,y,9,closed,2026-03-02T09:14:00Z\n"
        let (report, store, directory) = try Self.importing([
            ("a.jsonl", Self.bytes(Self.lines(4) + ["{broken"])),
            ("b.csv", Array(csv.utf8)),
            ("c.jsonl", Self.bytes(Self.lines(2))),
        ])
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        for file in report.files {
            let counts = file.counts
            #expect(counts.read == counts.inserted + counts.updated + counts.unchanged + counts.rejected, "\(file.file)")
        }
        #expect(report.files.map(\.counts.read) == [5, 2, 2])
        #expect(report.files.map(\.counts.inserted) == [4, 1, 0])
        #expect(report.files.map(\.counts.unchanged) == [0, 0, 2])
        #expect(report.read == report.files.map(\.counts.read).reduce(0, +))
        #expect(report.rejected.count == 2)
    }

    /// `--strict` keeps its meaning: one bad record in the second file, nothing from either is written.
    @Test func strictStillWritesNothing() throws {
        let (report, store, directory) = try Self.importing([
            ("a.jsonl", Self.bytes(Self.lines(3))), ("b.jsonl", Self.bytes(["{\"id\":\"X\"}"] + Self.lines(2, from: 10))),
        ], strict: true)
        defer { try? store.close(); withExtendedLifetime(directory) {} }
        #expect(report.rolledBack)
        #expect(report.inserted == 0)
        #expect(try store.ticketCount() == 0)
        // The index's lists and totals, written inside the import's transaction, are as they were.
        #expect(try store.connection.scalarInt("SELECT count(*) FROM ticket_postings") == 0)
        #expect(try store.ticketIndexTotals() == (0, 0))
    }

    /// A CSV cell with a NUL byte rejects its record; a byte order mark on a mapping file is fine.
    @Test func csvNulCellAndMappingFileWithByteOrderMark() throws {
        let directory = try TemporaryDirectory()
        let mapping = try directory.write("m.json", "\u{FEFF}{\"fields\": {\"id\": \"Ticket\", \"title\": \"Asunto\"}}")
        var csv = Array("Ticket,Asunto,severity,status,created_at\n1,uno,3,closed,2026-03-02T09:14:00Z\n2,d".utf8)
        csv += [0] + Array("s,3,closed,2026-03-02T09:14:00Z\n3,tres,3,closed,2026-03-02T09:14:00Z\n".utf8)
        let file = directory.url.appendingPathComponent("x.csv")
        try Data(csv).write(to: file)
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let importer = TicketImporter(store: store)
        importer.settings.csvMapping = try CSVMapping.load(path: mapping.path)
        let report = try importer.importFiles([file.path], displayNames: ["x.csv"])
        #expect(report.inserted == 2)
        #expect(report.rejected.map(\.description) == ["x.csv:3: error: column \"Asunto\": holds a NUL byte, which no text has (binary data pasted into the export?)"])
    }

    @Test func zendeskMappingFileWithByteOrderMark() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("z.json", "\u{FEFF}{\"users\": {\"601\": \"ana\"}}")
        #expect(try ZendeskImportMapping.load(path: file.path).users == ["601": "ana"])
    }

    /// Folders and empty paths get a sentence, not `NSCocoaErrorDomain error 256`.
    @Test func foldersAndEmptyPathsAreNamed() throws {
        let directory = try TemporaryDirectory()
        #expect(throws: TicketError.unreadable(path: "''", reason: "an empty path names no file; give a file name, or - for standard input")) {
            try ByteInput(path: "")
        }
        #expect(throws: TicketError.unreadable(path: directory.path, reason: "it is a folder; name the files inside it (e.g. \(directory.path)/*.jsonl)")) {
            try ByteInput(path: directory.path)
        }
        #expect(throws: TicketError.unreadable(path: directory.path + "/none.jsonl", reason: "no such file")) {
            try ByteInput(path: directory.path + "/none.jsonl")
        }
    }
}
