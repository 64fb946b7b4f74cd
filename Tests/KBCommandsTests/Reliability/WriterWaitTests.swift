import Foundation
import Testing
import KBCore
import KBTestSupport

/// Writers queue behind each other: its own suite because it mostly waits, so it runs beside the busy ones.
@Suite(.enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
struct WriterWaitTests {
    /// A write transaction held longer than the 10 s busy timeout (a big import): a second import waits for it
    /// and succeeds, where it used to fail with "database is locked".
    @Test func importWaitsForALongWriter() throws {
        let directory = try TemporaryDirectory(prefix: "kb-concurrency")
        try directory.makeWorkspace()
        try directory.write("seed.jsonl", TicketFixtures.line(id: "SEED-1") + "\n")
        #expect(try BuiltBinary.run(["import", "seed.jsonl"], in: directory.url).code == 0)
        try directory.write("more.jsonl", TicketFixtures.line(id: "MORE-1") + "\n")
        let holder = try Connection(path: Workspace(root: directory.url).databasePath)
        try holder.execute("BEGIN IMMEDIATE")
        try holder.execute("INSERT INTO meta(key, value) VALUES ('holder', 'x')")
        let started = Date()
        let process = try BuiltBinary.start(["import", "more.jsonl"], in: directory.url)
        usleep(12_000_000)
        #expect(process.isRunning, "the import should still be waiting for the write lock")
        try holder.execute("COMMIT")
        try holder.close()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "the waiting import failed")
        #expect(Date().timeIntervalSince(started) >= 12)
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticketCount() == 2)
        #expect(try store.connection.scalarText("SELECT value FROM meta WHERE key = 'holder'") == "x")
    }
}
