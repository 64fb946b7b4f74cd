import Foundation

extension Store {
    /// The stored fingerprint of ticket `id`, nil when there is no such ticket: what a dry run of an import compares
    /// its records with to tell inserted, updated and unchanged apart (on a `.read` store, which writes nothing).
    func storedHash(id: String) throws -> Int64? {
        try connection.cached("SELECT hash FROM tickets WHERE id = ?").first([id]) { $0.int64(0) }
    }
}
