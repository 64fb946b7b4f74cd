import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct StoreTests {
    @Test func createsSchemaAndMarksFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        #expect(try store.connection.scalarInt("PRAGMA application_id") == Int(Schema.applicationID))
        #expect(try store.connection.scalarText("PRAGMA journal_mode") == "wal")
        #expect(try store.connection.scalarInt("PRAGMA page_size") == Store.pageBytes)
        try store.checkIntegrity()
        try store.close()
        // Reopening an up-to-date database migrates nothing and keeps data.
        let again = try Store(path: path, access: .write)
        #expect(try again.ticketCount() == 0)
        try again.close()
    }

    /// Readers map the file (as `kb serve`'s do); the writer does not.
    @Test func readersMapTheFile() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let writer = try Store(path: path)
        #expect(try writer.connection.scalarInt("PRAGMA mmap_size") == 0)
        try writer.close()
        let reader = try Store(path: path, access: .read)
        defer { try? reader.close() }
        #expect(try reader.connection.scalarInt("PRAGMA mmap_size") == Int(Store.readerMemoryMapBytes))
    }

    @Test func refusesForeignDatabaseWithoutWriting() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("other.sqlite").path
        let other = try Connection(path: path)
        try other.execute("CREATE TABLE notes(text TEXT); INSERT INTO notes VALUES ('keep');")
        try other.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: StoreError.foreignDatabase(path: path)) { try Store(path: path) }
        let after = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(before == after)
        #expect(!FileManager.default.fileExists(atPath: path + "-wal"))
    }

    @Test func refusesNewerSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        try Store(path: path).close()
        let raw = try Connection(path: path)
        try raw.execute("PRAGMA user_version = \(Schema.currentVersion + 1)")
        try raw.close()
        #expect(throws: StoreError.newerSchema(path: path, found: Schema.currentVersion + 1, supported: Schema.currentVersion)) {
            try Store(path: path)
        }
    }

    @Test(arguments: [Data("this is not a database at all, just text".utf8), Data(repeating: 0xFF, count: 8192)])
    func refusesNonDatabaseFiles(content: Data) throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("kb.sqlite")
        try content.write(to: url)
        #expect(throws: StoreError.notADatabase(path: url.path)) { try Store(path: url.path) }
        #expect(try Data(contentsOf: url) == content)
    }

    @Test func refusesCorruptedDatabase() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("kb.sqlite")
        let store = try Store(path: url.path)
        try store.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        try store.close()
        var bytes = try Data(contentsOf: url)
        // Clobber the header's magic string: SQLite no longer recognises the file.
        bytes.replaceSubrange(0..<16, with: Data(repeating: 0x41, count: 16))
        try bytes.write(to: url)
        #expect(throws: StoreError.notADatabase(path: url.path)) { try Store(path: url.path) }
    }

    @Test func missingDatabaseWithoutCreate() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("none.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try Store(path: path, access: .write) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func errorsCarrySQLButNotBoundValues() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let secret = "secreto-del-cliente"
        do {
            try store.connection.prepare("INSERT INTO tickets(id) VALUES (?)").execute([secret])
            Issue.record("insert without required columns should fail")
        } catch let error as SQLiteError {
            #expect(error.sql?.contains("INSERT INTO tickets") == true)
            #expect(!error.description.contains(secret))
            #expect(error.code == 19)
        }
    }

    @Test func upsertReplacesIndexEntries() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        var ticket = Ticket(id: "T-1", title: "balanceador caido", severity: 2, status: .closed, createdAt: created)
        #expect(try store.connection.transaction { try store.upsert(ticket) } == .inserted)
        ticket.title = "certificado vencido"
        #expect(try store.connection.transaction { try store.upsert(ticket) } == .updated)
        #expect(try store.connection.transaction { try store.upsert(ticket) } == .unchanged)
        #expect(try FullTextOracle.postingsCount(store, word: "certificado") == 1)
        #expect(try FullTextOracle.postingsCount(store, word: "balanceador") == 0)
        try TicketPostingsTests.expectInStep(store)
    }
}
