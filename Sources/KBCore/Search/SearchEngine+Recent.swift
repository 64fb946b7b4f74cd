extension SearchEngine {
    /// The tickets matching `match` and the filters, newest first by `created_at` (ties: highest rowid first), at
    /// most `filters.limit`, with their creation times and snippets; scores are 0 (nothing is ranked).
    public func newestTickets(match: MatchExpression, filters: SearchFilters, snippets: Bool = true) throws -> [SearchResult] {
        try results(of: try newest(match, filters: filters).map { (rowid: $0.rowid, score: 0.0) }, match: match, snippets: snippets)
    }

    /// A ticket's place in the date order: newer first, then the higher rowid.
    struct Recency: Comparable {
        let createdAt: Int64
        let rowid: Int64

        /// Whether `lhs` comes before `rhs`: created later, or at the same second and stored later.
        static func < (lhs: Recency, rhs: Recency) -> Bool {
            lhs.createdAt != rhs.createdAt ? lhs.createdAt > rhs.createdAt : lhs.rowid > rhs.rowid
        }
    }

    /// The newest `filters.limit` tickets matching `match` and the filters, exactly, whatever order they were stored in.
    ///
    /// Tickets are mostly stored in the order they were created, so the matches are read highest rowid first from the
    /// posting lists (`TicketMatcher`), each with its `created_at`, keeping the newest `limit`. Once `limit` are kept,
    /// the oldest kept one's `created_at` (T) bounds the rest: the lowest rowid of any ticket created at T or later
    /// (read from the `tickets_created` index) is a rowid below which no match can enter, and reading stops there. On
    /// a store imported in creation order that bound is close to the last row read, so a common query reads about
    /// `limit` matches instead of all of them; out of order it is lower and more matches are read, never fewer than
    /// needed. The index scan is capped at a multiple of the matches read so far (`boundScanPerMatch`) (a rare query's
    /// few matches are cheaper to read than most of the index), and retried with a newer T each time the matches read
    /// double. A period also bounds the rowids read (`rowidBounds`).
    func newest(_ match: MatchExpression, filters: SearchFilters) throws -> [Recency] {
        guard filters.limit > 0 else { return [] }
        let bounds = try rowidBounds(filters)
        if let bounds, bounds.lowest > bounds.highest { return [] }
        let (conditions, values) = filterConditions(filters)
        // A match's creation time, read only when the ticket passes the filters.
        let lookup = try store.connection.cached(
            "SELECT t.created_at FROM tickets t WHERE t.rowid = ?" + conditions.map { " AND " + $0 }.joined())
        var matcher = try TicketMatcher(match: match, store: store)
        var kept: [Recency] = []
        kept.reserveCapacity(filters.limit + 1)
        var read = 0
        var nextBoundCheck = 0
        var stopBelow = bounds?.lowest ?? .min
        while let rowid = try matcher.next(atMost: bounds?.highest ?? .max), rowid >= stopBelow {
            guard let createdAt = try lookup.first([rowid] + values, { $0.int64(0) }) else { continue }
            read += 1
            let candidate = Recency(createdAt: createdAt, rowid: rowid)
            if kept.count < filters.limit {
                kept.insert(candidate, at: Self.insertionIndex(of: candidate, in: kept))
            } else if candidate < kept[kept.count - 1] {
                kept.removeLast()
                kept.insert(candidate, at: Self.insertionIndex(of: candidate, in: kept))
            }
            if kept.count == filters.limit, read >= nextBoundCheck {
                nextBoundCheck = read * 2
                if let lowest = try lowestRowid(createdAtLeast: kept[kept.count - 1].createdAt,
                                                scanning: max(Self.minimumBoundScan, read * Self.boundScanPerMatch)) {
                    stopBelow = max(stopBelow, lowest)
                }
            }
        }
        return kept
    }

    /// The index entries a bound may scan: at least this many, else this many per match read so far. An entry of
    /// `tickets_created` costs a small fraction of a match (a posting read and a lookup of its row), so the scan may be
    /// much longer than the reading it can save.
    static let minimumBoundScan = 4096
    static let boundScanPerMatch = 32

    /// The lowest rowid of the tickets created at `createdAt` or later, or nil when more than `scanning` are.
    private func lowestRowid(createdAtLeast createdAt: Int64, scanning limit: Int) throws -> Int64? {
        try store.connection.cached("""
            SELECT count(*), min(rowid) FROM (SELECT rowid FROM tickets WHERE created_at >= ? ORDER BY created_at DESC LIMIT ?)
            """).first([createdAt, limit + 1]) { row -> Int64? in
            row.int(0) <= limit ? (row.isNull(1) ? Int64.max : row.int64(1)) : nil
        } ?? nil
    }

    /// Where `recency` goes in `kept` (sorted, newest first) to keep it sorted: binary search.
    private static func insertionIndex(of recency: Recency, in kept: [Recency]) -> Int {
        var (low, high) = (0, kept.count)
        while low < high {
            let middle = (low + high) / 2
            if recency < kept[middle] { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
