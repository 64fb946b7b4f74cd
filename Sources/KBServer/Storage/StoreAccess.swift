import Foundation
import KBCore

/// The server's connections to the workspace database: read connections for the worker threads and one
/// writer, so searches never wait for an import (SQLite in WAL mode lets readers go on while one writes).
///
/// Crosses threads (`@unchecked Sendable`): every field is guarded by a lock. The `Store`s it holds do not:
/// a reader is lent to one request at a time (`checkOut`/`checkIn`), and the writer is used under
/// `writerLock` only. Readers are opened on demand and kept, so there are at most as many as requests ever ran
/// at once: one per libmicrohttpd worker thread.
public final class StoreAccess: @unchecked Sendable {
    public let path: String
    private let language: Language
    private let workspace: String
    private let allowsShared: Bool
    private let readerMemoryMapMiB: Int
    private let lock = NSLock()
    private var idle: [ReaderConnection] = []
    private var lent = 0
    private var closed = false
    private let writerLock = NSLock()
    private var writer: Store?

    /// Opens the writer (creating and migrating the database when needed) so a bad file fails at start-up. Each read
    /// connection maps up to `readerMemoryMapMiB` of the file (`ServerConfiguration.readerMemoryMapMiB`).
    public init(workspace: Workspace, language: Language, readerMemoryMapMiB: Int = ServerConfiguration().readerMemoryMapMiB) throws {
        self.readerMemoryMapMiB = readerMemoryMapMiB
        self.path = workspace.databasePath
        self.language = language
        self.workspace = workspace.canonicalRoot
        self.allowsShared = workspace.allowsSharedDatabase
        self.writer = try Store(path: path, access: .create, language: language,
                                workspace: workspace.canonicalRoot, allowsSharedDatabase: workspace.allowsSharedDatabase)
    }

    /// Read connections open now, lent or idle.
    public var readerCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return idle.count + lent
    }

    /// A reader with its snapshot begun; give it back with `checkIn`.
    func checkOut() throws -> ReaderConnection {
        lock.lock()
        if closed {
            lock.unlock()
            throw Problem.unavailable("problem.shutting_down")
        }
        let reader = idle.popLast()
        lent += 1
        lock.unlock()
        do {
            let connection = try reader ?? openReader()
            try connection.beginSnapshot()
            return connection
        } catch {
            lock.lock()
            lent -= 1
            lock.unlock()
            if let reader { try? reader.close() }
            throw error
        }
    }

    private func openReader() throws -> ReaderConnection {
        let store = try Store(path: path, access: .read, language: language, workspace: workspace, allowsSharedDatabase: allowsShared)
        // Store maps `Store.readerMemoryMapBytes` of every reader; the server's setting replaces it (0: none).
        _ = try store.connection.scalarInt("PRAGMA mmap_size = \(readerMemoryMapMiB << 20)")
        return ReaderConnection(store: store)
    }

    /// Ends the reader's snapshot and keeps it for the next request (closes it when the server has closed).
    func checkIn(_ reader: ReaderConnection) {
        reader.endSnapshot()
        lock.lock()
        lent -= 1
        let keep = !closed
        if keep { idle.append(reader) }
        lock.unlock()
        if !keep { try? reader.close() }
    }

    /// Runs `body` with the writer, one caller at a time. `body` opens its own transaction.
    public func write<T>(_ body: (Store) throws -> T) throws -> T {
        writerLock.lock()
        defer { writerLock.unlock() }
        guard let writer else { throw Problem.unavailable("problem.shutting_down") }
        return try body(writer)
    }

    /// Closes every connection; readers still lent are closed when they come back.
    public func close() throws {
        lock.lock()
        closed = true
        let readers = idle
        idle.removeAll()
        lock.unlock()
        for reader in readers { try reader.close() }
        writerLock.lock()
        defer { writerLock.unlock() }
        try writer?.close()
        writer = nil
    }
}
