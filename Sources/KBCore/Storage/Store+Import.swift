import Foundation

extension Store {
    /// Bytes of new full-text entries FTS5 gathers in memory before writing them out as a segment (FTS5's default is
    /// 1 MiB). An import writes its tickets in one transaction: with a larger buffer it writes fewer, larger segments
    /// and merges them less (≈ 12% less CPU for the index of 10,000 tickets; 8 and 32 MiB save no more, and cost
    /// twice their size in memory, where a 1,000,000-ticket import already peaks near 180 MB). Writes of a few tickets
    /// flush at commit whatever the size.
    static let ticketIndexBufferBytes = 4 << 20

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

    /// Sets up the ticket index for a bulk write, inside its transaction (so a rolled-back import leaves even this
    /// setting as it was): FTS5's write buffer at `ticketIndexBufferBytes`, kept in the index's configuration.
    func prepareTicketIndexForBulkWrite() throws {
        let current = try connection.cached("SELECT v FROM tickets_fts_config WHERE k = 'hashsize'").first { $0.int64(0) }
        guard current != Int64(Self.ticketIndexBufferBytes) else { return }
        try connection.cached("INSERT INTO tickets_fts(tickets_fts, rank) VALUES ('hashsize', ?)")
            .execute([Self.ticketIndexBufferBytes])
    }
}
