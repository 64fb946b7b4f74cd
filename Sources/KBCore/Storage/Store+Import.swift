import Foundation

extension Store {
    /// The stored fingerprint of ticket `id`, nil when there is no such ticket: what a dry run of an import compares
    /// its records with to tell inserted, updated and unchanged apart (on a `.read` store, which writes nothing).
    func storedHash(id: String) throws -> Int64? {
        try connection.cached("SELECT hash FROM tickets WHERE id = ?").first([id]) { $0.int64(0) }
    }

    /// True when the store holds no ticket; inside an import's transaction, whether every record it reads is new
    /// unless its id came earlier in the same import (see `upsert(_:insertingFirst:)`).
    func holdsNoTickets() throws -> Bool {
        try connection.cached("SELECT NOT EXISTS (SELECT 1 FROM tickets)").first { $0.int(0) != 0 } ?? false
    }

    /// Sets up the ticket index for a bulk write, inside its transaction: the postings writer spills sorted runs to a
    /// file beside the store instead of holding a whole import's postings in memory.
    func prepareTicketIndexForBulkWrite() throws {
        ticketPostingsWriter.spillToRuns(besides: path)
    }
}
