import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// The CLI on a database it must not use — another program's SQLite file, a damaged file, one from a newer kb,
/// a folder — prints `error: …` naming the problem, exits 1, and leaves the file byte for byte as it was.
@Suite struct DatabaseOpeningTests {
    /// Commands that open the database, with what they need around them.
    static let commands: [[String]] = [
        ["import", "t.jsonl"], ["index"], ["search", "portal"], ["sla"], ["show", "T-1"], ["gaps"],
        ["training", "--out", "-"], ["article", "draft", "T-1"], ["article", "link", "T-1", "KB-0001"],
        ["suggest", "No carga el portal"],
    ]

    enum Damage: String, CaseIterable {
        case foreign, newer, notSQLite, clobberedHeader, truncated, zeroedPages

        /// What the error must say.
        var expected: String {
            switch self {
            case .foreign: "kb did not create"
            case .newer: "newer kb"
            case .notSQLite, .clobberedHeader: "is not a kb database"
            case .truncated, .zeroedPages: "kb.sqlite"
            }
        }
    }

    /// A workspace whose database has `damage`; returns the database's path.
    static func workspace(_ damage: Damage) throws -> (TemporaryDirectory, URL) {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        try directory.write("kb/articles/a.md", "---\nid: KB-0001\ntitle: A\nstate: validated\naudience: customer\n---\n## Problema\nx\n")
        let url = directory.url.appendingPathComponent(".kb/kb.sqlite")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        switch damage {
        case .foreign:
            let other = try Connection(path: url.path)
            try other.execute("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('keep');")
            try other.close()
        case .newer:
            try Self.realDatabase(at: url, in: directory)
            let raw = try Connection(path: url.path)
            try raw.execute("PRAGMA user_version = 999")
            try raw.close()
        case .notSQLite:
            try Data("id,title\n1,no soy una base de datos\n".utf8).write(to: url)
        case .clobberedHeader:
            try Self.realDatabase(at: url, in: directory)
            var bytes = try Data(contentsOf: url)
            bytes.replaceSubrange(0..<16, with: Data(repeating: 0x41, count: 16))
            try bytes.write(to: url)
        case .truncated:
            try Self.realDatabase(at: url, in: directory)
            let bytes = try Data(contentsOf: url)
            try bytes.prefix(bytes.count / 2).write(to: url)
        case .zeroedPages:
            try Self.realDatabase(at: url, in: directory)
            var bytes = try Data(contentsOf: url)
            // Keep the header page; wipe the pages holding the schema's tables and indexes.
            bytes.replaceSubrange(4096..<min(bytes.count, 4096 * 6), with: Data(repeating: 0, count: min(bytes.count, 4096 * 6) - 4096))
            try bytes.write(to: url)
        }
        return (directory, url)
    }

    /// A kb database with some tickets, checkpointed into the main file and closed.
    static func realDatabase(at url: URL, in directory: TemporaryDirectory) throws {
        var lines = ""
        for index in 0..<300 { lines += TicketFixtures.line(id: "R-\(index)", title: "Incidente \(index) del portal") + "\n" }
        try directory.write("seed.jsonl", lines)
        #expect(runKB(["import", "seed.jsonl"], in: directory.url).code == 0)
        let store = try Store(path: url.path, access: .write)
        try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try store.close()
        for suffix in ["-wal", "-shm"] { try? FileManager.default.removeItem(atPath: url.path + suffix) }
    }

    static func snapshot(_ url: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) {
            files[name] = try Data(contentsOf: url.deletingLastPathComponent().appendingPathComponent(name))
        }
        return files
    }

    @Test(arguments: Damage.allCases)
    func damagedDatabaseIsLeftAlone(damage: Damage) throws {
        let (directory, url) = try Self.workspace(damage)
        let before = try Self.snapshot(url)
        for command in Self.commands {
            let result = runKB(command, in: directory.url)
            #expect(result.code == 1, "\(damage) \(command): exit \(result.code)\n\(result.stderr)")
            let firstError = result.stderr.components(separatedBy: "\n").first { $0.contains("error: ") } ?? ""
            #expect(firstError.hasPrefix("error: ") && firstError.contains(damage.expected),
                    "\(damage) \(command): \(result.stderr)")
            #expect(!result.stderr.contains("sqlite error"), "\(damage) \(command): a raw SQLite message: \(result.stderr)")
            #expect(try Self.snapshot(url) == before, "\(damage) \(command): the database folder changed")
        }
    }

    /// Damage deep inside a table, which opening cannot see without reading everything: a command that reaches
    /// it says the file is damaged and what to do, naming the file (not only SQLite's words), and changes nothing.
    @Test func damageFoundMidCommandIsExplained() throws {
        let (directory, url) = try Self.workspace(.newer)
        // Rebuild a healthy database, then wipe a page in the middle of each table that spans several (ticket rows,
        // index pages), found whatever the file's page size; first pages, which opening reads, stay intact, so
        // commands open the file and meet the damage while they work.
        try FileManager.default.removeItem(at: url)
        try Self.realDatabase(at: url, in: directory)
        let inspector = try Connection(path: url.path, mode: .readOnly)
        let pageSize = try inspector.scalarInt("PRAGMA page_size")
        var wiped: [Int] = []
        for table in ["tickets", "ticket_postings"] {
            let leaves = try inspector.prepare("SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno")
                .map([table]) { Int($0.int64(0)) }
            if leaves.count > 2 { wiped.append(leaves[leaves.count / 2]) }
        }
        try inspector.close()
        #expect(!wiped.isEmpty, "the ticket rows should span several pages")
        var bytes = try Data(contentsOf: url)
        for page in wiped {
            bytes.replaceSubrange((page - 1) * pageSize..<page * pageSize, with: Data(repeating: 0xA5, count: pageSize))
        }
        try bytes.write(to: url)
        let before = try Data(contentsOf: url)
        var explained = 0
        for command in [["search", "incidente"], ["show", "R-150"], ["sla"], ["gaps"], ["suggest", "Incidente del portal"],
                        ["search", "--json", "portal"]] {
            let result = runKB(command, in: directory.url)
            if result.code != 0 {
                #expect(result.code == 1 && result.stderr.hasPrefix("error: \(url.path) is damaged; move it away"),
                        "\(command): \(result.stderr)")
                explained += 1
            }
            #expect(try Data(contentsOf: url) == before, "\(command): the database file changed")
        }
        #expect(explained > 0, "the wiped pages should have been read by some command")
    }

    /// A folder where the database should be.
    @Test func folderInPlaceOfTheDatabase() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.jsonl", TicketFixtures.line(id: "T-1") + "\n")
        try FileManager.default.createDirectory(at: directory.url.appendingPathComponent(".kb/kb.sqlite"), withIntermediateDirectories: true)
        let result = runKB(["import", "t.jsonl"], in: directory.url)
        #expect(result.code == 1 && result.stderr.hasPrefix("error: ") && result.stderr.contains("kb.sqlite is a folder"), "\(result.stderr)")
    }
}
