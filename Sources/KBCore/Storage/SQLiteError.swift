import CSQLite
import Foundation

/// A failure reported by SQLite: codes, SQLite's message and the statement text, never the bound values.
///
/// Bound values are ticket text; keeping them out means an error can be logged or shown without leaking data.
/// Failures a person can act on (a full disk, missing permissions, a damaged file, a busy database) are told as
/// sentences naming the file; the rest keep SQLite's words, which only a bug in kb should produce.
public struct SQLiteError: Error, DiagnosticConvertible, Sendable {
    /// Primary result code (`SQLITE_BUSY`, `SQLITE_CONSTRAINT`, …).
    public let code: Int32
    /// Extended result code (`SQLITE_CONSTRAINT_UNIQUE`, …).
    public let extendedCode: Int32
    public let message: String
    /// The SQL text with `?` placeholders, when a statement was involved.
    public let sql: String?
    /// The database file, kept for the failures that concern the file itself, so the message can say which.
    public let path: String?
    /// The operating system's error number behind an I/O failure (`ENOSPC`, `EACCES`…), 0 when none.
    public let systemErrorNumber: Int32

    public init(code: Int32, extendedCode: Int32? = nil, message: String, sql: String? = nil, path: String? = nil,
                systemErrorNumber: Int32 = 0) {
        self.code = code & 0xFF
        self.extendedCode = extendedCode ?? code
        self.message = message
        self.sql = sql
        self.path = path
        self.systemErrorNumber = systemErrorNumber
    }

    init(connection handle: OpaquePointer?, code: Int32, sql: String? = nil) {
        let message = handle.flatMap { sqlite3_errmsg($0) }.map { String(cString: $0) }
            ?? String(cString: sqlite3_errstr(code))
        let extended = handle.map { sqlite3_extended_errcode($0) } ?? code
        self.init(code: code, extendedCode: extended, message: message, sql: sql,
                  path: SQLiteError.filePath(handle, code: code), systemErrorNumber: handle.map { sqlite3_system_errno($0) } ?? 0)
    }

    /// The main database file of `handle` when `code` is about the file (damage, space, permissions, I/O); nil otherwise.
    static func filePath(_ handle: OpaquePointer?, code: Int32) -> String? {
        guard SQLiteError.fileCodes.contains(code & 0xFF), let handle,
              let name = sqlite3_db_filename(handle, "main"), name.pointee != 0 else { return nil }
        return String(cString: name)
    }

    private static let fileCodes: Set<Int32> = [
        SQLITE_CORRUPT, SQLITE_NOTADB, SQLITE_FULL, SQLITE_IOERR, SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM,
        SQLITE_BUSY, SQLITE_LOCKED,
    ]

    /// The same failure told about the database at `path` (a file being built under another name, say).
    func about(_ path: String) -> SQLiteError {
        SQLiteError(code: code, extendedCode: extendedCode, message: message, sql: sql, path: self.path == nil ? nil : path,
                    systemErrorNumber: systemErrorNumber)
    }

    /// True when SQLite found the file damaged.
    public var isDamage: Bool { code == SQLITE_CORRUPT || code == SQLITE_NOTADB }

    /// True when the disk (or the file system holding the database) has no room left.
    public var isDiskFull: Bool { code == SQLITE_FULL || (code == SQLITE_IOERR && systemErrorNumber == ENOSPC) }

    /// SQLite's own words: code, message and statement; what a bug report needs.
    public var technicalDescription: String {
        var text = "sqlite error \(extendedCode): \(message)"
        if let sql { text += " (in: \(sql.count > 200 ? String(sql.prefix(200)) + "…" : sql))" }
        return text
    }

    public var diagnostic: Diagnostic {
        let file = path ?? "the database"
        if isDamage {
            // Said first and in plain words: the user's next step is about the file, not the SQL.
            return Diagnostic(.error, "\(file) is damaged; move it away and rebuild it with 'kb import' and 'kb index' (\(technicalDescription))")
        }
        if isDiskFull {
            return Diagnostic(.error, "cannot write \(file): no space left on the disk; nothing of this command was saved; "
                + "free some space and run it again")
        }
        switch code {
        case SQLITE_READONLY:
            return Diagnostic(.error, "cannot write \(file): this user may not write the file or its folder; "
                + "ask for write access (commands that only read, such as search, show, suggest and review, still work)")
        case SQLITE_CANTOPEN, SQLITE_PERM:
            let reason = systemErrorNumber == 0 ? "permission denied or no such folder" : Self.systemReason(systemErrorNumber)
            return Diagnostic(.error, "cannot open \(file): \(reason); check that the folder exists and that this user may read it")
        case SQLITE_IOERR:
            let reason = systemErrorNumber == 0 ? "disk I/O error" : Self.systemReason(systemErrorNumber)
            return Diagnostic(.error, "cannot read or write \(file): \(reason); check the disk, then run the command again "
                + "(nothing of this command was saved)")
        case SQLITE_BUSY, SQLITE_LOCKED:
            return Diagnostic(.error, "\(file) is busy: another kb command kept it locked longer than kb waits "
                + "(database is locked); run this one again when that one has finished")
        default:
            return Diagnostic(.error, technicalDescription)
        }
    }

    static func systemReason(_ number: Int32) -> String {
        guard let text = strerror(number) else { return "error \(number)" }
        return String(cString: text).lowercased()
    }
}
