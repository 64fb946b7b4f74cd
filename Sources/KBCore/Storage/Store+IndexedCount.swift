extension Store {
    /// The `meta` key of the ticket index's totals: its tickets and their tokens over all columns, as "ROWS TOKENS".
    static let ticketIndexTotalsKey = "ticket_index_totals"

    /// Number of tickets in the full-text index (equal to `ticketCount()`), read in constant time.
    ///
    /// `SELECT count(*)` walks a million rows (≈ 0.1–0.25 s on a 1M-ticket store), and every search, intake and
    /// review needs the count first: it is kept with the index's totals (`ticketIndexTotals`).
    public func indexedTicketCount() throws -> Int {
        Int(try ticketIndexTotals().rows)
    }

    /// The ticket index's row count and its tokens over all columns: BM25's average length is `tokens / rows` (as
    /// `kb_rank` reads FTS5's through `xRowCount` and `xColumnTotalSize(-1)`). Kept in `meta` by the postings writer,
    /// which adds what a transaction added and removed before it commits (`TicketPostingsWriter.flush`); within a
    /// transaction, what it has not written yet is added here.
    func ticketIndexTotals() throws -> (rows: Int64, tokens: Int64) {
        let stored = try Self.storedTicketIndexTotals(connection)
        guard let stored else {
            throw StoreError.corrupted(path: path, detail: "the ticket index's totals are missing from its meta table")
        }
        let pending = ticketPostingsWriter.pendingTotals
        return (stored.rows + pending.rows, stored.tokens + pending.tokens)
    }

    /// The totals as last written, nil when they are not in `meta`.
    private static func storedTicketIndexTotals(_ connection: Connection) throws -> (rows: Int64, tokens: Int64)? {
        let value = try connection.cached("SELECT value FROM meta WHERE key = ?").first([ticketIndexTotalsKey]) { $0.text(0) }
        let numbers = value?.split(separator: " ").compactMap { Int64($0) } ?? []
        guard numbers.count == 2 else { return nil }
        return (numbers[0], numbers[1])
    }

    /// Adds `change` to the stored totals (inside the transaction that made it).
    static func addToTicketIndexTotals(_ change: (rows: Int64, tokens: Int64), _ connection: Connection) throws {
        let stored = try storedTicketIndexTotals(connection) ?? (0, 0)
        try setTicketIndexTotals((stored.rows + change.rows, stored.tokens + change.tokens), connection)
    }

    static func setTicketIndexTotals(_ totals: (rows: Int64, tokens: Int64), _ connection: Connection) throws {
        try connection.cached("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)")
            .execute([ticketIndexTotalsKey, "\(totals.rows) \(totals.tokens)"])
    }

    /// Migration 8's step for a store that held tickets: the totals FTS5 kept until then.
    func recordTicketIndexTotalsFromFullTextIndex() throws {
        try Self.setTicketIndexTotals(try Self.fullTextIndexTotals(connection), connection)
    }

    /// FTS5's own totals of the ticket index, from its "averages" record (rowid 1 of `tickets_fts_data`: the row count,
    /// then each column's tokens, as varints); zeros when there is none. FTS5 writes it at commit.
    static func fullTextIndexTotals(_ connection: Connection) throws -> (rows: Int64, tokens: Int64) {
        let record = try connection.cached("SELECT block FROM tickets_fts_data WHERE id = 1").first { row -> [UInt8] in row["block"] }
        var values = Store.varints(record ?? [])
        guard !values.isEmpty else { return (0, 0) }
        return (values.removeFirst(), values.reduce(0, &+))
    }

    /// Every SQLite varint in `bytes`, in order, up to the first that is cut short.
    static func varints(_ bytes: [UInt8]) -> [Int64] {
        var values: [Int64] = []
        var rest = bytes[...]
        while let (value, length) = varint(rest) {
            values.append(value)
            rest = rest.dropFirst(length)
        }
        return values
    }

    /// The varint at the start of `bytes` and how many bytes it takes.
    private static func varint(_ bytes: ArraySlice<UInt8>) -> (value: Int64, length: Int)? {
        var value: UInt64 = 0
        for (index, byte) in bytes.prefix(9).enumerated() {
            if index == 8 { return (Int64(bitPattern: (value << 8) | UInt64(byte)), 9) }
            value = (value << 7) | UInt64(byte & 0x7F)
            if byte < 0x80 { return (Int64(bitPattern: value), index + 1) }
        }
        return nil
    }
}
