import Foundation
import Testing
import KBCore
import KBTestSupport

/// Kills `kb import` with SIGKILL at random moments: the database must be intact and hold the state
/// before or after the import, never something between.
@Suite(.serialized) struct CrashSafetyTests {
    static func writeTickets(count: Int, to url: URL) throws {
        var text = ""
        text.reserveCapacity(count * 400)
        for index in 0..<count {
            text += TicketFixtures.line(id: String(format: "T-%06d", index), title: "Incidente \(index) en el portal") + "\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Kills land at seeded points spread over the reading and writing of the import, measured from a full run on
    /// a copy of the workspace; the state after each kill is exactly "before" or "after". At least one kill must
    /// land before the commit, or the test would have checked nothing but completed imports: each attempt starts
    /// again from the seeded workspace, and a kill that came after the commit (the machine ran faster than in the
    /// rehearsal) halves the delays that follow.
    ///
    /// With a first small import "before" is not simply an empty database, and the import writes through the log;
    /// without, it is a first import, which writes through a rollback journal (`Store.withRollbackJournal`): killed,
    /// the journal is rolled back by the next command, and the file is back in WAL mode.
    @Test(.enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"), arguments: [1, 0])
    func killedImportLeavesBeforeOrAfter(seededTickets: Int) throws {
        let seeded = try TemporaryDirectory()
        try seeded.makeWorkspace()
        let count = 20_000
        let file = seeded.url.appendingPathComponent("tickets.jsonl")
        try Self.writeTickets(count: count, to: file)
        if seededTickets > 0 {
            try seeded.write("seed.jsonl", TicketFixtures.line(id: "SEED-1") + "\n")
            #expect(try BuiltBinary.run(["import", "seed.jsonl"], in: seeded.url).code == 0)
        } else {
            try Workspace(root: seeded.url).openStore(.create).close()
        }

        // How long a whole import takes on this machine now, so the kills spread over it.
        let rehearsal = try Self.copy(of: seeded)
        let started = Date()
        #expect(try BuiltBinary.run(["import", "tickets.jsonl"], in: rehearsal.url).code == 0)
        let fullRun = Date().timeIntervalSince(started)

        var generator = SeededGenerator(seed: 0xC4A5)
        var scale = 1.0
        var sawBefore = 0
        var sawAfter = 0
        for attempt in 0..<8 where sawBefore < 3 {
            let directory = try Self.copy(of: seeded)
            let delay = Double.random(in: (fullRun * 0.2)...(fullRun * 0.8), using: &generator) * scale
            let process = try BuiltBinary.start(["import", "tickets.jsonl"], in: directory.url)
            usleep(UInt32(delay * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // The posting lists' runs were in a file unlinked when it was made: nothing is left beside the database.
            let left = try FileManager.default.contentsOfDirectory(atPath: directory.url.appendingPathComponent(".kb").path)
            #expect(left.filter { !$0.hasPrefix("kb.sqlite") }.isEmpty, "left in .kb: \(left.sorted())")
            let store = try Workspace(root: directory.url).openStore(.write)
            try store.checkIntegrity()
            let stored = try store.ticketCount()
            // The index's totals are the stored tickets': both written, or neither.
            #expect(try store.indexedTicketCount() == stored)
            #expect(try store.connection.scalarText("PRAGMA journal_mode") == "wal")
            try store.close()
            #expect(stored == seededTickets || stored == count + seededTickets,
                    "attempt \(attempt) (killed after \(delay) s): \(stored) tickets")
            if stored == seededTickets {
                sawBefore += 1
                // The import that was killed, run again to its end: the database still takes it whole.
                if sawBefore == 1 {
                    #expect(try BuiltBinary.run(["import", "--json", "tickets.jsonl"], in: directory.url).code == 0)
                    let reopened = try Workspace(root: directory.url).openStore(.read)
                    defer { try? reopened.close() }
                    #expect(try reopened.ticketCount() == count + seededTickets)
                }
            } else {
                sawAfter += 1
                scale /= 2
            }
        }
        #expect(sawBefore > 0, "every kill (\(sawAfter)) came after the commit; the test checked only completed imports")
    }

    /// A copy of `workspace` (folders and database) in a new temporary folder.
    static func copy(of workspace: TemporaryDirectory) throws -> TemporaryDirectory {
        let copy = try TemporaryDirectory()
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: workspace.url.path).sorted() {
            try manager.copyItem(at: workspace.url.appendingPathComponent(name), to: copy.url.appendingPathComponent(name))
        }
        return copy
    }
}
