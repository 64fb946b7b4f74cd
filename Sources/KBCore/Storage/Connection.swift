import CSQLite
import Foundation

/// One SQLite connection, closed explicitly with `close()`.
///
/// Configured as every kb connection must be: extended result codes, a busy timeout,
/// foreign keys on. WAL is switched on by `Store` once it knows the file is a kb database,
/// because changing the journal mode writes to the file.
public final class Connection {
    let handle: OpaquePointer
    private var statements: [String: Statement] = [:]
    private let busyTimeoutMilliseconds: Int32
    private var isClosed = false
    /// Path of the database file.
    public let path: String
    /// Writes gathered in memory for the open transaction (a store's `TicketPostingsWriter`): called before every
    /// COMMIT this connection runs, and before a savepoint opens (so rolling back to it cannot leave them behind).
    var beforeCommit: ((Connection) throws -> Void)?
    /// Drops what `beforeCommit` would have written: called after every ROLLBACK this connection runs.
    var afterRollback: (() -> Void)?

    /// How the file is opened.
    public enum Mode: Sendable {
        case readWrite
        case readWriteCreate
        case readOnly
        /// Read-only, trusting that nothing changes the file while it is open: no locks, no `-wal` or `-shm`.
        /// For a database in a folder this user cannot write, whose `-shm` SQLite therefore cannot create.
        case immutable
    }

    public init(path: String, mode: Mode = .readWriteCreate, busyTimeoutMilliseconds: Int32 = 10_000) throws {
        var flags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_EXRESCODE
        var name = path
        switch mode {
        case .readWrite: flags |= SQLITE_OPEN_READWRITE
        case .readWriteCreate: flags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE
        case .readOnly: flags |= SQLITE_OPEN_READONLY
        case .immutable:
            flags |= SQLITE_OPEN_READONLY | SQLITE_OPEN_URI
            name = "file:" + Connection.uriEscaped(path) + "?immutable=1"
        }
        var handle: OpaquePointer?
        let code = sqlite3_open_v2(name, &handle, flags, nil)
        guard code == SQLITE_OK, let handle else {
            let error = SQLiteError(connection: handle, code: code)
            sqlite3_close_v2(handle)
            throw error
        }
        self.handle = handle
        self.path = path
        self.busyTimeoutMilliseconds = busyTimeoutMilliseconds
        sqlite3_extended_result_codes(handle, 1)
        sqlite3_busy_timeout(handle, busyTimeoutMilliseconds)
        try execute("PRAGMA foreign_keys = ON")
    }

    deinit {
        if !isClosed {
            statements.removeAll()
            sqlite3_close_v2(handle)
        }
    }

    /// `path` with the characters a URI gives meaning to (`%`, `?`, `#`) percent-encoded.
    static func uriEscaped(_ path: String) -> String {
        var result = ""
        for scalar in path.unicodeScalars {
            switch scalar {
            case "%": result += "%25"
            case "?": result += "%3F"
            case "#": result += "%23"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// Keeps the `-wal` and `-shm` files when the last connection closes (emptied, not deleted), so that a user who
    /// may read the database but not write its folder can still open it: SQLite cannot create them for that user.
    func keepWriteAheadLogFiles() throws {
        var enabled: Int32 = 1
        let code = sqlite3_file_control(handle, "main", SQLITE_FCNTL_PERSIST_WAL, &enabled)
        guard code == SQLITE_OK else { throw SQLiteError(connection: handle, code: code) }
    }

    /// Finalises cached statements and closes the connection.
    public func close() throws {
        guard !isClosed else { return }
        statements.removeAll()
        let code = sqlite3_close(handle)
        guard code == SQLITE_OK else { throw SQLiteError(connection: handle, code: code) }
        isClosed = true
    }

    /// Runs one or more statements that bind nothing.
    public func execute(_ sql: String) throws {
        var message: UnsafeMutablePointer<CChar>?
        let code = sqlite3_exec(handle, sql, nil, nil, &message)
        guard code == SQLITE_OK else {
            let text = message.map { String(cString: $0) } ?? String(cString: sqlite3_errstr(code))
            sqlite3_free(message)
            throw SQLiteError(code: code, extendedCode: sqlite3_extended_errcode(handle), message: text, sql: sql,
                              path: SQLiteError.filePath(handle, code: code))
        }
    }

    /// A new prepared statement.
    public func prepare(_ sql: String) throws -> Statement {
        try Statement(connection: self, sql: sql)
    }

    /// A prepared statement reused across calls with the same SQL text.
    public func cached(_ sql: String) throws -> Statement {
        if let statement = statements[sql] { return statement }
        let statement = try prepare(sql)
        statements[sql] = statement
        return statement
    }

    /// Runs `body` in a transaction: committed when it returns, rolled back when it throws.
    ///
    /// `immediate` takes the write lock at once, so two writers queue on the busy timeout
    /// instead of failing with a deadlock when both upgrade from read to write.
    public func transaction<T>(immediate: Bool = true, _ body: () throws -> T) throws -> T {
        if immediate { try beginImmediate() } else { try execute("BEGIN DEFERRED") }
        do {
            let result = try body()
            try commit()
            return result
        } catch {
            rollback()
            throw error
        }
    }

    /// Writes what `beforeCommit` holds, then COMMIT.
    public func commit() throws {
        try beforeCommit?(self)
        try execute("COMMIT")
    }

    /// ROLLBACK (its own failure ignored: a transaction SQLite already rolled back has nothing to undo), then drops
    /// what `beforeCommit` holds.
    public func rollback() {
        try? execute("ROLLBACK")
        afterRollback?()
    }

    /// How long `beginImmediate` waits for another connection's write transaction to end. An import of a
    /// million tickets holds the write lock for minutes; a second import (or `kb index`) started meanwhile must
    /// queue behind it, not fail after the 10 s that suit readers. A writer that dies releases its lock at once.
    public static let writerTimeoutMilliseconds: Int32 = 15 * 60 * 1000

    /// `BEGIN IMMEDIATE`, waiting up to `writerTimeoutMilliseconds` for the write lock.
    public func beginImmediate() throws {
        sqlite3_busy_timeout(handle, Self.writerTimeoutMilliseconds)
        defer { sqlite3_busy_timeout(handle, busyTimeoutMilliseconds) }
        try execute("BEGIN IMMEDIATE")
    }

    /// Runs `body` inside a savepoint, so a failure undoes only its own writes.
    public func savepoint<T>(_ name: String = "kb_step", _ body: () throws -> T) throws -> T {
        // Outside a transaction the savepoint is one, which RELEASE commits.
        let outermost = !isInTransaction
        try beforeCommit?(self)
        try execute("SAVEPOINT \(name)")
        do {
            let result = try body()
            if outermost { try beforeCommit?(self) }
            try execute("RELEASE \(name)")
            return result
        } catch {
            try? execute("ROLLBACK TO \(name)")
            try? execute("RELEASE \(name)")
            afterRollback?()
            throw error
        }
    }

    /// The single integer a query returns (0 when it returns no row).
    public func scalarInt(_ sql: String, _ values: [any SQLBindable] = []) throws -> Int {
        try cached(sql).first(values) { $0.int(0) } ?? 0
    }

    /// The single text a query returns.
    public func scalarText(_ sql: String, _ values: [any SQLBindable] = []) throws -> String? {
        try cached(sql).first(values) { $0.optionalText(0) } ?? nil
    }

    /// Rows changed by the last statement.
    public var changes: Int { Int(sqlite3_changes(handle)) }

    /// Row id of the last insert.
    public var lastInsertRowID: Int64 { sqlite3_last_insert_rowid(handle) }

    /// True when a transaction is open.
    public var isInTransaction: Bool { sqlite3_get_autocommit(handle) == 0 }
}
