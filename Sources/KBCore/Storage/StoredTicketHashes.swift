import Foundation

/// The fingerprints of the tickets a database holds, read without writing anything: what a dry run of an import
/// compares its records with to tell inserted, updated and unchanged apart.
///
/// Opens the file read-only with a plain connection (no migration, no journal-mode change, no tokenizer), so a
/// dry run leaves even an older or locked database exactly as it found it.
public final class StoredTicketHashes {
    private let connection: Connection
    /// False for a database file kb has created but not yet given its tables.
    private let hasTickets: Bool

    /// Opens the database at `path`; nil when there is none yet (every ticket would be inserted).
    public init?(path: String) throws {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        connection = try Connection(path: path, mode: .readOnly)
        let applicationID = try connection.scalarInt("PRAGMA application_id")
        let objects = try connection.scalarInt("SELECT count(*) FROM sqlite_schema")
        guard applicationID == Int(Schema.applicationID) || (applicationID == 0 && objects == 0) else {
            throw StoreError.foreignDatabase(path: path)
        }
        hasTickets = objects > 0
    }

    /// The stored fingerprint of ticket `id`, nil when the database has no such ticket.
    public func hash(id: String) throws -> String? {
        guard hasTickets else { return nil }
        return try connection.cached("SELECT hash FROM tickets WHERE id = ?").first([id]) { $0.text(0) }
    }
}
