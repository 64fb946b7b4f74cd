extension Store {
    /// The rowids of the tickets whose `TitleKey` is `key`, in ascending order; nil when more than `limit` tickets
    /// carry it.
    func tickets(titleKey key: Int64, limit: Int) throws -> [Int64]? {
        let rowids = try connection.cached("SELECT rowid FROM tickets WHERE title_key = ? ORDER BY rowid LIMIT ?")
            .map([key, Int64(limit + 1)]) { $0.int64(0) }
        return rowids.count > limit ? nil : rowids
    }

    /// The `TitleKey` of the ticket at `rowid`; nil when it has none (a title without terms) or there is no such ticket.
    func titleKey(rowid: Int64) throws -> Int64? {
        try connection.cached("SELECT title_key FROM tickets WHERE rowid = ?").first([rowid]) { $0.isNull(0) ? nil : $0.int64(0) } ?? nil
    }
}
