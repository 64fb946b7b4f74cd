import Foundation
import Synchronization
import Testing
import KBTestSupport
@testable import KBCore

/// Writers queue behind each other: a write transaction held longer than a connection's busy timeout (a big import)
/// makes a second writer wait for it, where it used to fail with "database is locked".
@Suite struct WriterWaitTests {
    /// What the waiting writer's thread reports.
    final class Outcome: Sendable {
        enum State: Equatable, Sendable { case waiting, began, failed(String) }
        private let state = Mutex(State.waiting)
        var value: State { state.withLock { $0 } }
        func set(_ value: State) { state.withLock { $0 = value } }
    }

    /// The second writer's connection gives up on ordinary busy waits after 50 ms; `beginImmediate` (what every import
    /// and index run begins with) must wait far longer. It is still waiting after ten times that, and begins as soon
    /// as the first writer commits. No clock is asserted: only the order of events.
    @Test func writerWaitsPastTheBusyTimeout() throws {
        let directory = try TemporaryDirectory(prefix: "kb-concurrency")
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        try Store(path: path).close()
        let holder = try Connection(path: path)
        try holder.execute("BEGIN IMMEDIATE")
        try holder.execute("INSERT INTO meta(key, value) VALUES ('holder', 'x')")
        let outcome = Outcome()
        let waiter = Thread {
            do {
                let connection = try Connection(path: path, busyTimeoutMilliseconds: 50)
                try connection.beginImmediate()
                try connection.execute("INSERT INTO meta(key, value) VALUES ('waiter', 'y')")
                try connection.execute("COMMIT")
                try connection.close()
                outcome.set(.began)
            } catch {
                outcome.set(.failed("\(error)"))
            }
        }
        waiter.start()
        usleep(500_000)
        #expect(outcome.value == .waiting, "the second writer should still be waiting for the write lock")
        try holder.execute("COMMIT")
        try holder.close()
        while outcome.value == .waiting { usleep(10_000) }
        #expect(outcome.value == .began)
        let store = try Store(path: path, access: .read)
        defer { try? store.close() }
        #expect(try store.connection.scalarText("SELECT value FROM meta WHERE key = 'holder'") == "x")
        #expect(try store.connection.scalarText("SELECT value FROM meta WHERE key = 'waiter'") == "y")
    }
}
