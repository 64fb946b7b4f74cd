import Foundation

extension Store {
    /// Bytes of new full-text entries FTS5 gathers in memory before writing them out as a segment (FTS5's default is
    /// 1 MiB). An import writes its tickets in one transaction: with a larger buffer it writes fewer, larger segments
    /// and merges them less (at 10,000 tickets 4 MiB took ≈ 12% off the index's CPU against 1 MiB). At 1,000,000
    /// tickets 16 MiB against 4 cut the inserts that stall the writer for more than 20 ms (a segment written, merges)
    /// from 106 to 34, and their time from 19.5 to 12.8 s; the memory it costs is paid for by the smaller page cache
    /// of `bulkWrite`. Writes of a few tickets flush at commit whatever the size.
    static let ticketIndexBufferBytes = 16 << 20

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
