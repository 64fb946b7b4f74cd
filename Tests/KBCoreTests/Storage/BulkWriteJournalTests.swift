import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A first import writes through a rollback journal (each page once, not into the log and again into the file), only
/// when nothing else has the store open, and always leaves the file in WAL mode for the commands after it.
@Suite struct BulkWriteJournalTests {
    static func journalMode(_ connection: Connection) throws -> String? {
        try connection.scalarText("PRAGMA journal_mode")
    }

    /// A bulk write of `tickets`: the journal it went through and the file's journal mode inside it.
    static func importing(_ tickets: ArraySlice<Ticket>, into store: Store) throws -> (journal: BulkWriteJournal, modeDuring: String?) {
        var modeDuring: String?
        let journal = try store.bulkWrite {
            modeDuring = try journalMode(store.connection)
            for ticket in tickets { try store.upsert(ticket) }
            return true
        }
        return (journal, modeDuring)
    }

    @Test func firstImportWritesThroughARollbackJournalAndLeavesTheLog() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let tickets = try StoreAccessTests.tickets("A", count: 4)
        let first = try Self.importing(tickets.prefix(2), into: store)
        #expect(first.journal == .rollbackJournal)
        #expect(first.modeDuring == "delete")
        #expect(try Self.journalMode(store.connection) == "wal")
        #expect(try store.connection.scalarInt("PRAGMA synchronous") == 1, "NORMAL again after the import")
        // The store holds tickets now: the next import goes through the log, which readers read past.
        let second = try Self.importing(tickets.suffix(2), into: store)
        #expect(second.journal == .writeAheadLog)
        #expect(second.modeDuring == "wal")
        #expect(try store.ticketCount() == 4)
        let reader = try Store(path: store.path, access: .read)
        defer { try? reader.close() }
        #expect(try reader.ticketCount() == 4)
        #expect(try Self.searchCount(reader) == 4, "the full-text index holds the tickets of both journals")
    }

    /// Through either journal, a bulk write whose body says no or throws leaves nothing, and the file in WAL mode.
    @Test func rolledBackFirstImportLeavesTheStoreEmpty() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        defer { try? store.close() }
        let tickets = try StoreAccessTests.tickets("B", count: 2)
        let declined = try store.bulkWrite {
            try store.upsert(tickets[0])
            return false
        }
        #expect(declined == .rollbackJournal)
        #expect(throws: StoreError.self) {
            try store.bulkWrite {
                try store.upsert(tickets[1])
                throw StoreError.missingFTS5
            }
        }
        #expect(try store.ticketCount() == 0)
        #expect(try Self.journalMode(store.connection) == "wal")
        #expect(!FileManager.default.fileExists(atPath: path + "-journal"))
        #expect(try store.indexedTicketCount() == 0)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM ticket_postings") == 0)
    }

    /// A reader open on the empty store (a running server) keeps the import in the log: SQLite will not switch the
    /// journal under it, and the reader goes on reading its snapshot instead of waiting.
    @Test func anotherConnectionKeepsTheImportInTheLog() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        defer { try? store.close() }
        let reader = try Store(path: path, access: .read)
        defer { try? reader.close() }
        let journal = try store.bulkWrite {
            for ticket in try StoreAccessTests.tickets("C", count: 3) { try store.upsert(ticket) }
            #expect(try reader.ticketCount() == 0)
            return true
        }
        #expect(journal == .writeAheadLog)
        #expect(try reader.ticketCount() == 0, "the reader's snapshot is the one before")
        try reader.renewSnapshot()
        #expect(try reader.ticketCount() == 3)
    }

    /// A file left in rollback-journal mode (an import killed mid-way, or a reader that got in at its commit while it
    /// switched back) is put back in WAL mode by the next command that opens it, reader or writer.
    @Test(arguments: [Store.Access.read, .write])
    func openingSwitchesAFileLeftInRollbackModeBack(access: Store.Access) throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        try StoreAccessTests.insert(try StoreAccessTests.tickets("D", count: 2), into: store)
        try store.close()
        let raw = try Connection(path: path)
        #expect(try raw.scalarText("PRAGMA journal_mode = DELETE") == "delete")
        try raw.close()
        let reopened = try Store(path: path, access: access)
        defer { try? reopened.close() }
        #expect(try Self.journalMode(reopened.connection) == "wal")
        #expect(try reopened.ticketCount() == 2)
    }

    static func searchCount(_ store: Store) throws -> Int {
        try FullTextOracle.postingsCount(store, word: "portal")
    }
}
