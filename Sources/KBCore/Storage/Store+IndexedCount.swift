extension Store {
    /// Number of tickets in the full-text index (equal to `ticketCount()`), read in constant time.
    ///
    /// `SELECT count(*)` walks a million rows (≈ 0.1–0.25 s on a 1M-ticket store), and every search, intake and
    /// review needs the count first. FTS5 keeps its row count as the first varint of its "averages" record
    /// (rowid 1 of `tickets_fts_data`), updated in the same transaction as the rows; this reads it, and falls
    /// back to counting when the record is missing or unreadable.
    public func indexedTicketCount() throws -> Int {
        let record = try connection.cached("SELECT block FROM tickets_fts_data WHERE id = 1").first { row -> [UInt8] in row["block"] }
        if let record, let count = Store.leadingVarint(record), count >= 0, count <= Int64(Int.max) { return Int(count) }
        return try ticketCount()
    }

    /// The ticket index's row count and its tokens over all columns, from the same record: BM25's average length is
    /// `tokens / rows`, as `kb_rank` reads it through `xRowCount` and `xColumnTotalSize(-1)`. Zeros for an empty index.
    func ticketIndexTotals() throws -> (rows: Int64, tokens: Int64) {
        let record = try connection.cached("SELECT block FROM tickets_fts_data WHERE id = 1").first { row -> [UInt8] in row["block"] }
        var values = Store.varints(record ?? [])
        guard !values.isEmpty else { return (0, 0) }
        let rows = values.removeFirst()
        return (rows, values.reduce(0, &+))
    }

    /// SQLite's variable-length integer at the start of `bytes` (big-endian 7-bit groups, a ninth byte of 8 bits).
    static func leadingVarint(_ bytes: [UInt8]) -> Int64? {
        varint(bytes[...])?.value
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
