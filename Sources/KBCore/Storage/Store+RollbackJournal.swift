import CSQLite
import Foundation

extension Store {
    /// Runs `body`, a bulk write into a store that holds no ticket, with the file in rollback-journal mode when no other
    /// connection has it open, and back in WAL mode afterwards; returns the journal `body` wrote through.
    ///
    /// Through the write-ahead log every page of a write is written twice: into the log, then into the file when the
    /// log is checkpointed after the commit — for a first import, the whole store twice (2.5 GB each way at a million
    /// tickets) and read back once in between. A rollback journal writes the file's pages in place and keeps only the
    /// ones that held something before the write began: for a store with no ticket, the few pages of its empty tables
    /// and its articles. The cost is readers: while such a write holds the file, a command that opens it waits up to
    /// its busy timeout and then reports the store busy, where through the log it would read the state before the
    /// import. So it is done only for a first import — nothing to read yet but articles —, and only when SQLite can
    /// switch at all: it refuses at once while another connection (a running `kb serve`, another command) has the file
    /// open, and the write then goes through the log as any other.
    ///
    /// `synchronous = FULL` during it, SQLite's setting for a rollback journal to survive a power cut as WAL with
    /// `NORMAL` does; a killed import leaves a hot journal that the next connection to open the file rolls back.
    func withRollbackJournal(_ body: () throws -> Void) throws -> BulkWriteJournal {
        guard switchToRollbackJournal() else {
            try body()
            return .writeAheadLog
        }
        defer { restoreWriteAheadLog() }
        try body()
        return .rollbackJournal
    }

    /// How long a reader tries to put the file back in WAL mode while another connection holds it
    /// (`switchToWriteAheadLog`), as long as it waits for any lock: a first import holds the file to its end.
    static let readerSwitchSeconds = 10.0
    /// How long a writer tries: as long as it waits for the write lock (`Connection.writerTimeoutMilliseconds`), so a
    /// second import started during a first one queues behind it as it would behind any write.
    static let writerSwitchSeconds = Double(Connection.writerTimeoutMilliseconds) / 1000

    private func switchToRollbackJournal() -> Bool {
        guard (try? connection.scalarText("PRAGMA journal_mode = DELETE")) == "delete" else { return false }
        guard (try? connection.execute("PRAGMA synchronous = FULL")) != nil else {
            restoreWriteAheadLog()
            return false
        }
        return true
    }

    /// Back to WAL and `synchronous = NORMAL`, waiting while a reader that got in at the commit holds the file. Should
    /// it stay taken past `readerSwitchSeconds`, the next command that opens the file switches it
    /// (`Store.beginSnapshot` for readers, the writers' set-up).
    private func restoreWriteAheadLog() {
        try? connection.execute("PRAGMA synchronous = NORMAL")
        _ = try? Store.switchToWriteAheadLog(connection, waitingUpTo: Self.readerSwitchSeconds)
    }

    /// Puts the file in WAL mode, retrying every 10 ms for up to `seconds` while another connection holds it (SQLite
    /// switches a file's journal only alone, and refuses at once otherwise); true once it is, false when SQLite keeps
    /// another mode without an error (a file system without shared memory) or the wait ends. Other failures (a user who
    /// may not write the file) are thrown.
    @discardableResult
    static func switchToWriteAheadLog(_ connection: Connection, waitingUpTo seconds: Double) throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while true {
            do {
                return try connection.scalarText("PRAGMA journal_mode = WAL") == "wal"
            } catch let error as SQLiteError where error.code == SQLITE_BUSY || error.code == SQLITE_LOCKED {
                // Taken: wait below.
            }
            guard Date() < deadline else { return false }
            usleep(10_000)
        }
    }
}
