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

    @Test(.enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
    func killedImportLeavesBeforeOrAfter() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let count = 20_000
        let file = directory.url.appendingPathComponent("tickets.jsonl")
        try Self.writeTickets(count: count, to: file)
        // A first small import so "before" is not simply an empty database.
        try directory.write("seed.jsonl", TicketFixtures.line(id: "SEED-1") + "\n")
        #expect(try BuiltBinary.run(["import", "seed.jsonl"], in: directory.url).code == 0)

        var generator = SystemRandomNumberGenerator()
        for attempt in 0..<4 {
            let process = try BuiltBinary.start(["import", "tickets.jsonl"], in: directory.url)
            usleep(UInt32.random(in: 150_000...1_500_000, using: &generator))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            // Writable: FTS5's integrity check is asked for with an INSERT.
            let store = try Workspace(root: directory.url).openStore(.write)
            try store.checkIntegrity()
            try store.connection.execute("INSERT INTO tickets_fts(tickets_fts) VALUES ('integrity-check')")
            let stored = try store.ticketCount()
            try store.close()
            #expect(stored == 1 || stored == count + 1, "attempt \(attempt): \(stored) tickets after the kill")
            if stored == count + 1 { break }
        }
        let rerun = try BuiltBinary.run(["import", "--json", "tickets.jsonl"], in: directory.url)
        #expect(rerun.code == 0)
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        #expect(try store.ticketCount() == count + 1)
    }
}
