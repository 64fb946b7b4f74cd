import CSQLite

/// Tells SQLite to copy bound text and blobs, since Swift's buffers do not outlive the bind call.
let SQLITE_TRANSIENT = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

/// A prepared statement, finalised when released.
public final class Statement {
    let handle: OpaquePointer
    let connection: Connection
    /// The SQL text, kept for error reports.
    public let sql: String

    init(connection: Connection, sql: String) throws {
        var statement: OpaquePointer?
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else {
            throw SQLiteError(connection: connection.handle, code: code, sql: sql)
        }
        self.handle = statement
        self.connection = connection
        self.sql = sql
    }

    deinit {
        sqlite3_finalize(handle)
    }

    /// Column names to positions, read from SQLite the first time a row is read by name.
    private var columnIndexes: [String: Int32]?

    /// The position of the result column named `name` (the first, when several share it).
    func columnIndex(named name: String) -> Int32 {
        if columnIndexes == nil {
            var indexes: [String: Int32] = [:]
            for index in 0..<sqlite3_column_count(handle) {
                guard let pointer = sqlite3_column_name(handle, index) else { continue }
                let columnName = String(cString: pointer)
                if indexes[columnName] == nil { indexes[columnName] = index }
            }
            columnIndexes = indexes
        }
        guard let index = columnIndexes?[name] else {
            preconditionFailure("no column named '\(name)' in: \(sql)")
        }
        return index
    }

    /// Clears previous bindings and binds `values` to parameters 1…n.
    @discardableResult
    public func bind(_ values: [any SQLBindable]) throws -> Statement {
        sqlite3_reset(handle)
        sqlite3_clear_bindings(handle)
        for (offset, value) in values.enumerated() {
            try bind(value.sqlValue, at: Int32(offset + 1))
        }
        return self
    }

    /// Binds one value to the 1-based parameter `index`.
    public func bind(_ value: SQLValue, at index: Int32) throws {
        let code: Int32
        switch value {
        case .null:
            code = sqlite3_bind_null(handle, index)
        case .integer(let number):
            code = sqlite3_bind_int64(handle, index, number)
        case .real(let number):
            code = sqlite3_bind_double(handle, index, number)
        case .text(let text):
            code = sqlite3_bind_text(handle, index, text, -1, SQLITE_TRANSIENT)
        case .blob(let bytes):
            code = bytes.withUnsafeBytes { raw in
                sqlite3_bind_blob64(handle, index, raw.baseAddress, sqlite3_uint64(raw.count), SQLITE_TRANSIENT)
            }
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code, sql: sql) }
    }

    /// Advances to the next row: true when a row is available, false when done.
    public func step() throws -> Bool {
        let code = sqlite3_step(handle)
        switch code {
        case SQLITE_ROW:
            return true
        case SQLITE_DONE:
            sqlite3_reset(handle)
            return false
        default:
            sqlite3_reset(handle)
            throw SQLiteError(connection: connection.handle, code: code, sql: sql)
        }
    }

    /// Runs the statement to completion with `values` bound.
    public func execute(_ values: [any SQLBindable] = []) throws {
        try bind(values)
        while try step() {}
    }

    /// Runs the statement with `values` bound to parameters 1…n and `utf8` as text to parameter n+1.
    ///
    /// Binds the text from bytes with their length, so a large document need not become a `String`
    /// (a UTF-8 validation and a copy) nor be measured with `strlen` on its way into SQLite.
    public func execute(_ values: [any SQLBindable], appendingUTF8 utf8: UnsafeBufferPointer<UInt8>) throws {
        try bind(values)
        try bind(utf8: utf8, at: Int32(values.count + 1))
        while try step() {}
    }

    /// Binds `utf8` as text to the 1-based parameter `index`, from the bytes with their length (no `String`).
    public func bind(utf8: UnsafeBufferPointer<UInt8>, at index: Int32) throws {
        // A null base address (empty text) would bind NULL; a one-byte dummy binds "".
        let code = withUnsafePointer(to: 0 as UInt8) { empty in
            let start = UnsafeRawPointer(utf8.baseAddress ?? empty).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text64(handle, index, start, sqlite3_uint64(utf8.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code, sql: sql) }
    }

    /// Calls `body` for each row produced with `values` bound.
    public func forEachRow(_ values: [any SQLBindable] = [], _ body: (Row) throws -> Void) throws {
        try bind(values)
        defer { sqlite3_reset(handle) }
        while try step() {
            try body(Row(statement: self))
        }
    }

    /// The rows produced with `values` bound, each turned into a value by `transform`.
    public func map<T>(_ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> [T] {
        var result: [T] = []
        try forEachRow(values) { result.append(try transform($0)) }
        return result
    }

    /// The first row's value, if any.
    public func first<T>(_ values: [any SQLBindable] = [], _ transform: (Row) throws -> T) throws -> T? {
        try bind(values)
        defer { sqlite3_reset(handle) }
        guard try step() else { return nil }
        return try transform(Row(statement: self))
    }
}

/// The current row of a statement; valid only inside the row callback.
///
/// Read columns by the name the SELECT gives them (`row["created_at"]`, an alias with `AS` for expressions), as
/// GRDB does: the reading code then says what it reads, and reordering a SELECT cannot shift values into the
/// wrong fields. Positions remain for single-column statements and for code that builds its column list.
public struct Row {
    let statement: Statement

    public var columnCount: Int32 { sqlite3_column_count(statement.handle) }

    /// The value of the column named `name`, converted to the type asked for; NULL reads as nil for optionals.
    ///
    /// A name the statement does not produce is a programming error and stops the program, naming the SQL.
    public subscript<Value: SQLColumnValue>(_ name: String) -> Value {
        Value(row: self, column: statement.columnIndex(named: name))
    }

    public func isNull(_ index: Int32) -> Bool {
        sqlite3_column_type(statement.handle, index) == SQLITE_NULL
    }

    public func int(_ index: Int32) -> Int {
        Int(sqlite3_column_int64(statement.handle, index))
    }

    public func int64(_ index: Int32) -> Int64 {
        sqlite3_column_int64(statement.handle, index)
    }

    public func double(_ index: Int32) -> Double {
        sqlite3_column_double(statement.handle, index)
    }

    public func text(_ index: Int32) -> String {
        guard let pointer = sqlite3_column_text(statement.handle, index) else { return "" }
        let count = Int(sqlite3_column_bytes(statement.handle, index))
        return String(decoding: UnsafeBufferPointer(start: pointer, count: count), as: UTF8.self)
    }

    public func optionalText(_ index: Int32) -> String? {
        isNull(index) ? nil : text(index)
    }

    /// Calls `body` with a blob column's bytes in place (valid only during the call), without copying them.
    public func withBlob<T>(_ index: Int32, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let pointer = sqlite3_column_blob(statement.handle, index)
        let count = Int(sqlite3_column_bytes(statement.handle, index))
        return try body(UnsafeBufferPointer(start: pointer?.assumingMemoryBound(to: UInt8.self), count: count))
    }

    public func blob(_ index: Int32) -> [UInt8] {
        guard let pointer = sqlite3_column_blob(statement.handle, index) else { return [] }
        let count = Int(sqlite3_column_bytes(statement.handle, index))
        return Array(UnsafeRawBufferPointer(start: pointer, count: count))
    }
}

/// A type a column value converts to, for `row["name"]`.
public protocol SQLColumnValue {
    /// The value at `column` of the current row.
    init(row: Row, column: Int32)
}

extension String: SQLColumnValue {
    public init(row: Row, column: Int32) { self = row.text(column) }
}

extension Int: SQLColumnValue {
    public init(row: Row, column: Int32) { self = row.int(column) }
}

extension Int64: SQLColumnValue {
    public init(row: Row, column: Int32) { self = row.int64(column) }
}

extension Double: SQLColumnValue {
    public init(row: Row, column: Int32) { self = row.double(column) }
}

extension Bool: SQLColumnValue {
    public init(row: Row, column: Int32) { self = row.int64(column) != 0 }
}

extension Array: SQLColumnValue where Element == UInt8 {
    public init(row: Row, column: Int32) { self = row.blob(column) }
}

extension Optional: SQLColumnValue where Wrapped: SQLColumnValue {
    public init(row: Row, column: Int32) {
        self = row.isNull(column) ? nil : Wrapped(row: row, column: column)
    }
}
