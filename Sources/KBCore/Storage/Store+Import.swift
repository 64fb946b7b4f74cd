import Foundation

extension Store {
    /// Runs a whole import as one write transaction: committed when `body` returns true, rolled back when it returns
    /// false (`--strict` with rejections) or throws. A kill at any moment leaves the database as it was (SQLite's WAL
    /// discards the uncommitted frames on the next open). A larger page cache serves the import's many upserts.
    func importTransaction(_ body: () throws -> Bool) throws {
        try connection.execute("PRAGMA cache_size = -65536")
        defer { try? connection.execute("PRAGMA cache_size = -2000") }
        try connection.beginImmediate()
        do {
            try connection.execute(try body() ? "COMMIT" : "ROLLBACK")
        } catch {
            try? connection.execute("ROLLBACK")
            throw error
        }
    }

    /// The stored fingerprint of ticket `id`, nil when there is no such ticket: what a dry run of an import compares
    /// its records with to tell inserted, updated and unchanged apart (on a `.read` store, which writes nothing).
    func storedHash(id: String) throws -> String? {
        try connection.cached("SELECT hash FROM tickets WHERE id = ?").first([id]) { $0.text(0) }
    }
}
