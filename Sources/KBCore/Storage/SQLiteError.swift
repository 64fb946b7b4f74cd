import CSQLite

/// A failure reported by SQLite: codes, SQLite's message and the statement text, never the bound values.
///
/// Bound values are ticket text; keeping them out means an error can be logged or shown without leaking data.
public struct SQLiteError: Error, CustomStringConvertible, Sendable {
    /// Primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public let code: Int32
    /// Extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public let extendedCode: Int32
    public let message: String
    /// The SQL text with `?` placeholders, when a statement was involved.
    public let sql: String?
    /// The database file, kept for damage (`SQLITE_CORRUPT`, `SQLITE_NOTADB`) so the message can say which file.
    public let path: String?

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil, path: String? = nil) {
        self.code = code & 0xFF
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        self.path = path
    }

    init(connection handle: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code, extendedCode: extended, message: message, sql: sql,
                  path: SQLiteError.damagedPath(handle, code: code))
    }

    /// The main database file of `handle` when `code` reports a damaged file; nil otherwise.
    static func damagedPath(_ handle: OpaquePointer?, code: Int32) -> String? {
        let primary = code & 0xFF
        guard primary == SQLITE_CORRUPT || primary == SQLITE_NOTADB, let handle,
              let name = sqlite3_db_filename(handle, "main") else { return nil }
        return String(cString: name)
    }

    /// True when SQLite found the file damaged.
    public var isDamage: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    public var description: String {
        var text = "sqlite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql))" }
        if isDamage {
            // Said first and in plain words: the user's next step is about the file, not the SQL.
            return "\(path ?? "the database") is damaged; move it away and rebuild it with 'kb import' and 'kb index' (\(text))"
        }
        return text
    }

    /// True for the errors another writer causes: locked or busy beyond the timeout.
    public var isBusy: Bool { code == SQLITE_BUSY || code == SQLITE_LOCKED }
}
