import CSQLite

extension Store {
    /// The postings of `term` (exactly the bytes kb's tokenizer hands FTS5), in ascending rowid; with `rowids`, only
    /// those in the range, reading only the blocks that overlap it.
    func ticketPostings(of term: String, rowids: ClosedRange<Int64>? = nil) throws -> [TicketPosting] {
        var postings: [TicketPosting] = []
        let upper = rowids?.upperBound ?? .max
        try forEachTicketPostingBlock(of: term, from: rowids?.lowerBound ?? .min) { _, block in
            var past = false
            try TicketPostingBlock.decode(block) { posting in
                if posting.rowid > upper {
                    past = true
                } else if rowids.map({ posting.rowid >= $0.lowerBound }) ?? true {
                    postings.append(posting)
                }
            }
            return !past
        }
        return postings
    }

    /// Calls `body` with each block of `term`'s postings whose last rowid is `lower` or above, in ascending rowid,
    /// until it returns false: the block's last rowid and its bytes (valid during the call only; decode them with
    /// `TicketPostingBlock.decode`). A block may start below `lower`.
    func forEachTicketPostingBlock(of term: String, from lower: Int64 = .min,
                                   _ body: (_ lastRowid: Int64, _ block: UnsafeBufferPointer<UInt8>) throws -> Bool) throws {
        let statement = try connection.cached(Self.ticketPostingBlocksSQL)
        try statement.bind([term, lower])
        defer { sqlite3_reset(statement.handle) }
        while try statement.step() {
            let row = Row(statement: statement)
            guard try row.withBlob(1, { try body(row.int64(0), $0) }) else { return }
        }
    }

    /// A statement of its own stepping through `term`'s blocks whose last rowid is `lower` or above, in ascending rowid
    /// (columns: last rowid, bytes), for a reader that steps several terms' blocks at once (`PostingCursor`), where
    /// `forEachTicketPostingBlock` reads one term's within one call.
    func ticketPostingBlocks(of term: String, from lower: Int64 = .min) throws -> Statement {
        try connection.prepare(Self.ticketPostingBlocksSQL).bind([term, lower])
    }

    /// The index terms starting with the bytes of `prefix`, in byte order, or nil when there are more than `limit`:
    /// one seek per term in `ticket_postings`' key, never a walk over their blocks.
    func ticketPostingTerms(withPrefix prefix: String, limit: Int) throws -> [String]? {
        let first = try connection.cached("SELECT term FROM ticket_postings WHERE term >= ?1 ORDER BY term LIMIT 1")
        let next = try connection.cached("SELECT term FROM ticket_postings WHERE term > ?1 ORDER BY term LIMIT 1")
        var terms: [String] = []
        var found = try first.first([prefix]) { $0.text(0) }
        while let term = found, term.utf8.starts(with: prefix.utf8) {
            guard terms.count < limit else { return nil }
            terms.append(term)
            found = try next.first([term]) { $0.text(0) }
        }
        return terms
    }

    /// How many tickets hold `term`: its blocks' counts added up (each block's first varint, nothing else decoded).
    func ticketDocumentFrequency(of term: String) throws -> Int {
        var total = 0
        try connection.cached("SELECT data FROM ticket_postings WHERE term = ?").forEachRow([term]) { row in
            total += try row.withBlob(0) { try TicketPostingBlock.count($0) }
        }
        return total
    }

    /// The newest `limit` of `term`'s postings (all of them when it has fewer): how many, and the lowest rowid among them,
    /// read from its last blocks down.
    func newestTicketPostings(of term: String, limit: Int) throws -> (count: Int, oldest: Int64) {
        var count = 0
        var oldest: Int64 = 0
        guard limit > 0 else { return (0, 0) }
        let blocks = try connection.cached("SELECT data FROM ticket_postings WHERE term = ? ORDER BY last_rowid DESC")
        try blocks.bind([term])
        defer { sqlite3_reset(blocks.handle) }
        while count < limit, try blocks.step() {
            let rowids = try Row(statement: blocks).withBlob(0) { try TicketPostingBlock.rowids($0) }
            let taken = min(rowids.count, limit - count)
            count += taken
            if taken > 0 { oldest = rowids[rowids.count - taken] }
        }
        return (count, oldest)
    }

    /// A term's blocks whose last rowid is ?2 or above, in ascending rowid.
    private static let ticketPostingBlocksSQL =
        "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid >= ?2 ORDER BY last_rowid"
}
