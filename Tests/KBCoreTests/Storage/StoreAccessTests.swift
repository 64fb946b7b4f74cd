import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// How commands use the store: one snapshot for a reader, atomic creation under concurrent commands, a
/// sentence for a full disk, and a database that belongs to one workspace.
@Suite struct StoreAccessTests {
    /// `count` tickets whose titles all match "portal caído", ids `prefix-0`…
    static func tickets(_ prefix: String, count: Int) throws -> [Ticket] {
        try (0..<count).map { index in
            try Ticket(json: JSONParser().parse(TicketFixtures.line(id: "\(prefix)-\(index)", title: "Portal caído \(prefix) \(index)")))
        }
    }

    static func insert(_ tickets: [Ticket], into store: Store) throws {
        try store.write { for ticket in tickets { try store.upsert(ticket) } }
    }

    static func engine(_ store: Store) throws -> SearchEngine {
        try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!, synonyms: { _ in [] }))
    }

    /// A reader opened before an import commits keeps seeing the store as it was, in every read: the statistics
    /// its search engine took when created and the ranking and details read after the commit agree, and the
    /// answer is exactly the one before. A reader opened after sees the new state.
    @Test func readerKeepsOneSnapshotAcrossACommit() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let writer = try Store(path: path)
        defer { try? writer.close() }
        try Self.insert(try Self.tickets("A", count: 10), into: writer)

        let reader = try Store(path: path, access: .read)
        let engine = try Self.engine(reader)
        let before = try engine.search("portal caído").results.map(\.id)
        #expect(before.count == 10)

        // The engine below took its statistics before the commit and ranks after it, as a command whose import
        // commits mid-search would.
        let engineAcross = try Self.engine(reader)
        try Self.insert(try Self.tickets("B", count: 300), into: writer)
        #expect(try reader.ticketCount() == 10)
        #expect(try engineAcross.search("portal caído").results.map(\.id) == before)
        #expect(try engine.search("portal caído").results.map(\.id) == before)
        try reader.close()

        let later = try Store(path: path, access: .read)
        defer { try? later.close() }
        #expect(try later.ticketCount() == 310)
        #expect(try Self.engine(later).search("portal caído").results.map(\.id) != before)
    }

    /// A long-lived reader takes a new snapshot when asked, and learns whether anything was committed meanwhile.
    @Test func readerRenewsItsSnapshot() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let writer = try Store(path: path)
        defer { try? writer.close() }
        try Self.insert(try Self.tickets("A", count: 5), into: writer)
        let reader = try Store(path: path, access: .read)
        defer { try? reader.close() }
        #expect(try reader.renewSnapshot() == false)
        try Self.insert(try Self.tickets("B", count: 5), into: writer)
        #expect(try reader.ticketCount() == 5)
        #expect(try reader.renewSnapshot() == true)
        #expect(try reader.ticketCount() == 10)
        #expect(try reader.renewSnapshot() == false)
    }

    /// `Store.read` gives a writable store the same guarantee for the reads inside it.
    @Test func readBlockKeepsOneSnapshot() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let writer = try Store(path: path)
        defer { try? writer.close() }
        try Self.insert(try Self.tickets("A", count: 5), into: writer)
        let other = try Store(path: path, access: .write)
        defer { try? other.close() }
        let counts = try other.read {
            let first = try other.ticketCount()
            try Self.insert(try Self.tickets("B", count: 5), into: writer)
            return (first, try other.ticketCount())
        }
        #expect(counts == (5, 5))
        #expect(try other.ticketCount() == 10)
    }

    /// A store opened for reading writes nothing: no schema, no journal mode, no workspace record; and a file
    /// without a database is not created.
    @Test func readerNeverWrites() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        #expect(throws: StoreError.missing(path: path)) { try Store(path: path, access: .read) }
        #expect(!FileManager.default.fileExists(atPath: path))
        try Store(path: path).close()
        let reader = try Store(path: path, access: .read, workspace: "/somewhere/else")
        #expect(throws: SQLiteError.self) { try reader.connection.execute("INSERT INTO meta(key, value) VALUES ('x', 'y')") }
        try reader.close()
        let check = try Store(path: path, access: .write)
        defer { try? check.close() }
        // Only what the schema itself writes: the ticket index's totals (migration 8).
        #expect(try check.connection.scalarText("SELECT group_concat(key) FROM meta") == Store.ticketIndexTotalsKey)
    }

    /// Commands started together on a new workspace each see no database or a complete one: every one opens it,
    /// none calls it foreign, damaged or locked, and no temporary file stays behind. A race, so many rounds: the
    /// creation kb had before (in place, header read in three transactions) failed about one round in 80 here.
    @Test func concurrentCreationIsAtomic() throws {
        let failures = Failures()
        for round in 0..<80 {
            let directory = try TemporaryDirectory()
            let path = directory.url.appendingPathComponent(".kb/kb.sqlite").path
            DispatchQueue.concurrentPerform(iterations: 6) { _ in
                do {
                    let store = try Store(path: path)
                    _ = try store.ticketCount()
                    try store.close()
                } catch {
                    failures.add("round \(round): \(Diagnostic(error).formatted)")
                }
            }
            let files = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent(".kb").path)
            #expect(files.allSatisfy { $0.hasPrefix("kb.sqlite") }, "\(files)")
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
    }

    /// A full disk mid-import (here the database's page limit, which fails the same way: SQLITE_FULL) is told as a
    /// sentence naming the file, without SQLite's code or statement, and the import leaves nothing behind.
    @Test func fullDiskIsASentence() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        defer { try? store.close() }
        try Self.insert(try Self.tickets("A", count: 3), into: store)
        let pages = try store.connection.scalarInt("PRAGMA page_count")
        _ = try store.connection.scalarInt("PRAGMA max_page_count = \(pages + 2)")
        var lines = ""
        for index in 0..<400 { lines += TicketFixtures.line(id: "F-\(index)", title: "Ticket \(index) con texto") + "\n" }
        let file = try directory.write("more.jsonl", lines)
        do {
            _ = try TicketImporter(store: store).importFiles([file.path], displayNames: ["more.jsonl"])
            Issue.record("the import should have run out of room")
        } catch {
            let text = Diagnostic(error).formatted
            #expect(text == "error: cannot write \(path): no space left on the disk; nothing of this command was saved; "
                + "free some space and run it again", "\(text)")
        }
        #expect(try store.ticketCount() == 3)
    }

    /// A database the workspace at `owner` records and still uses as its own file is refused to another workspace
    /// unless sharing is allowed; a workspace that was moved or copied (the recorded one no longer uses the file)
    /// takes the database over on its next write.
    @Test func databaseBelongsToOneWorkspace() throws {
        let directory = try TemporaryDirectory()
        let first = directory.url.appendingPathComponent("first")
        let second = directory.url.appendingPathComponent("second")
        for root in [first, second] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent("kb"), withIntermediateDirectories: true)
        }
        let path = first.appendingPathComponent(".kb/kb.sqlite").path
        try Store(path: path, workspace: first.path).close()
        // The second workspace's .kb is the first one's, as a symbolic link makes it.
        try FileManager.default.createSymbolicLink(at: second.appendingPathComponent(".kb"),
                                                   withDestinationURL: first.appendingPathComponent(".kb"))
        let shared = second.appendingPathComponent(".kb/kb.sqlite").path
        for access in [Store.Access.read, .write, .create] {
            #expect(throws: StoreError.sharedDatabase(path: shared, workspace: second.path, owner: first.path)) {
                try Store(path: shared, access: access, workspace: second.path)
            }
        }
        try Store(path: shared, access: .write, workspace: second.path, allowsSharedDatabase: true).close()
        // Allowed sharing records nothing: the first workspace still owns it.
        try Store(path: path, access: .write, workspace: first.path).close()

        // A copy of the first workspace has its own file: it opens, and records itself.
        let copy = directory.url.appendingPathComponent("copy")
        try FileManager.default.createDirectory(at: copy.appendingPathComponent("kb"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: copy.appendingPathComponent(".kb"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: path, toPath: copy.appendingPathComponent(".kb/kb.sqlite").path)
        let copied = try Store(path: copy.appendingPathComponent(".kb/kb.sqlite").path, access: .write, workspace: copy.path)
        #expect(try copied.connection.scalarText("SELECT value FROM meta WHERE key = 'workspace'") == copy.path)
        try copied.close()
    }

    /// A file where the database's folder should be, and a folder where its file should be: each a sentence saying
    /// which is in the way, for readers and writers alike, and nothing created.
    @Test func somethingInTheWay() throws {
        let directory = try TemporaryDirectory()
        let folder = directory.url.appendingPathComponent(".kb").path
        try directory.write(".kb", "not a folder")
        for access in [Store.Access.read, .create] {
            #expect(throws: StoreError.inaccessible(path: folder + "/kb.sqlite",
                                                    reason: "\(folder) is a file, where kb keeps its database folder; move it away")) {
                try Store(path: folder + "/kb.sqlite", access: access)
            }
        }
        try FileManager.default.removeItem(atPath: folder)
        try FileManager.default.createDirectory(atPath: folder + "/kb.sqlite", withIntermediateDirectories: true)
        for access in [Store.Access.read, .create] {
            #expect(throws: StoreError.isDirectory(path: folder + "/kb.sqlite")) { try Store(path: folder + "/kb.sqlite", access: access) }
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["kb.sqlite"])
    }

    /// A bulk write keeps its changes when its body says so, and none when it says not to or throws.
    @Test func bulkWriteCommitsOrRollsBack() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let tickets = try Self.tickets("A", count: 3)
        try store.bulkWrite {
            try store.upsert(tickets[0])
            return false
        }
        #expect(throws: StoreError.self) {
            try store.bulkWrite {
                try store.upsert(tickets[1])
                throw StoreError.missingFTS5
            }
        }
        #expect(try store.ticketCount() == 0)
        try store.bulkWrite {
            try store.upsert(tickets[2])
            return true
        }
        #expect(try store.ticketCount() == 1 && store.hasTicket(id: "A-2") && !store.hasTicket(id: "A-0"))
        #expect(!store.connection.isInTransaction)
    }

    /// Typed filters select by status, severity and creation time; the latest ticket is the most recently created.
    @Test func filtersSelectTickets() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let lines = [
            TicketFixtures.line(id: "S1-OLD", severity: 1, status: "closed"),
            TicketFixtures.line(id: "S1-NEW", severity: 1, status: "closed").replacingOccurrences(of: "2026-03-02T09:14", with: "2026-04-02T09:14"),
            TicketFixtures.line(id: "S1-OPEN", severity: 1, status: "assigned").replacingOccurrences(of: "2026-03-02T09:14", with: "2026-05-02T09:14"),
            TicketFixtures.line(id: "S3", severity: 3, status: "closed").replacingOccurrences(of: "2026-03-02T09:14", with: "2026-06-02T09:14"),
        ]
        try store.write { for line in lines { try store.upsert(Ticket(json: JSONParser().parse(line))) } }
        let closedCritical = TicketFilter(statuses: [.closed], severities: [1, 2])
        #expect(try store.tickets(closedCritical).map(\.id) == ["S1-OLD", "S1-NEW"])
        #expect(try store.latestTicketID(closedCritical) == "S1-NEW")
        let april = Timestamp(iso8601: "2026-04-01T00:00:00Z")!
        #expect(try store.tickets(TicketFilter(createdSince: april)).map(\.id) == ["S1-NEW", "S1-OPEN", "S3"])
        #expect(try store.tickets(TicketFilter(severities: [1], createdBefore: april)).map(\.id) == ["S1-OLD"])
        #expect(try store.latestTicketID(TicketFilter(statuses: [.resolved])) == nil)
    }

    /// Failures collected from concurrent threads.
    final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [String] = []

        func add(_ item: String) {
            lock.lock()
            items.append(item)
            lock.unlock()
        }

        var all: [String] {
            lock.lock()
            defer { lock.unlock() }
            return items
        }
    }
}
