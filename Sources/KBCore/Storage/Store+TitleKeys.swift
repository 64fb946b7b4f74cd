extension Store {
    /// Tickets `fillTitleKeys` reads before it writes their keys: what it holds at once.
    static let titleKeyBatch = 1024

    /// Computes `tickets.title_key` for every stored ticket (migration 6, inside its transaction): in rowid order, a
    /// batch at a time, so memory stays bounded whatever the store's size and no row is updated while a statement
    /// still steps over it.
    func fillTitleKeys() throws {
        let read = try connection.prepare("""
            SELECT rowid, language, packed FROM tickets WHERE rowid > ? ORDER BY rowid LIMIT \(Self.titleKeyBatch)
            """)
        let update = try connection.prepare("UPDATE tickets SET title_key = ?2 WHERE rowid = ?1")
        var batch: [(rowid: Int64, key: Int64?)] = []
        var after = Int64.min
        repeat {
            batch.removeAll(keepingCapacity: true)
            try read.forEachRow([after]) { row in
                let language = row.optionalText(1).flatMap(Language.init(rawValue:)) ?? tokenizer.language
                let title = try row.withBlob(2) { try Store.indexedText(packed: $0, columns: false).title }
                let key = TitleKey.of(title: title, language: language, source: tokenizer.source(for: language))
                batch.append((row.int64(0), key))
            }
            for entry in batch { if let key = entry.key { try update.execute([entry.rowid, key]) } }
            after = batch.last?.rowid ?? after
        } while batch.count == Self.titleKeyBatch
    }

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
