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

    /// A term's blocks whose last rowid is ?2 or above, in ascending rowid.
    private static let ticketPostingBlocksSQL =
        "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid >= ?2 ORDER BY last_rowid"

    /// Fills `ticket_postings` from every stored ticket (migration 4, inside its transaction): each ticket's five
    /// columns decoded from its document and analysed in its language, as they were indexed, in rowid order; memory
    /// stays within the writer's buffer whatever the number of tickets.
    func buildTicketPostings() throws {
        let statement = try connection.prepare("SELECT rowid, language, packed FROM tickets ORDER BY rowid")
        try statement.forEachRow { row in
            let language = row.optionalText(1).flatMap(Language.init(rawValue:)) ?? tokenizer.language
            let ticket = try row.withBlob(2) { try Store.decodeStored($0) }
            let terms = PreparedTerms(texts: ticket.searchTexts, language: language, source: tokenizer.source(for: language))
            try ticketPostingsWriter.add(rowid: row.int64(0), terms: terms, connection: connection)
        }
        try ticketPostingsWriter.flush(connection)
    }
}

extension Store {
    /// Postings blocks `convertTicketPostingsFromVersionOne` reads before it writes them back: what it holds at once.
    static let conversionBatchBlocks = 512

    /// Rewrites every `ticket_postings` block from format 1 (schema 4) to the current one (migration 5, inside its
    /// transaction): in key order, a batch at a time (memory stays bounded whatever the table's size; the rows read
    /// are not updated while a statement still steps over them), each updated in place under the same key.
    func convertTicketPostingsFromVersionOne() throws {
        let first = try connection.prepare(
            "SELECT term, last_rowid, data FROM ticket_postings ORDER BY term, last_rowid LIMIT \(Self.conversionBatchBlocks)")
        let next = try connection.prepare("""
            SELECT term, last_rowid, data FROM ticket_postings WHERE (term, last_rowid) > (?1, ?2)
            ORDER BY term, last_rowid LIMIT \(Self.conversionBatchBlocks)
            """)
        let update = try connection.prepare("UPDATE ticket_postings SET data = ?3 WHERE term = ?1 AND last_rowid = ?2")
        /// Each block of the batch: its term's bytes, its key, where its new bytes are in `converted`.
        var batch: [(term: Range<Int>, lastRowid: Int64, data: Range<Int>)] = []
        var terms: [UInt8] = []
        var converted: [UInt8] = []
        var statement = first
        while true {
            batch.removeAll(keepingCapacity: true)
            terms.removeAll(keepingCapacity: true)
            converted.removeAll(keepingCapacity: true)
            while try statement.step() {
                let row = Row(statement: statement)
                let termStart = terms.count, dataStart = converted.count
                row.withBlob(0) { terms.append(contentsOf: $0) }
                try row.withBlob(2) { try TicketPostingBlock.convertingVersionOne($0, to: &converted) }
                batch.append((termStart..<terms.count, row.int64(1), dataStart..<converted.count))
            }
            for block in batch {
                try terms.withUnsafeBufferPointer { terms in
                    try update.bind([])
                    try update.bind(utf8: UnsafeBufferPointer(rebasing: terms[block.term]), at: 1)
                    try update.bind(.integer(block.lastRowid), at: 2)
                    try update.bind(.blob(Array(converted[block.data])), at: 3)
                    while try update.step() {}
                }
            }
            guard batch.count == Self.conversionBatchBlocks, let last = batch.last else { return }
            statement = next
            try statement.bind([])
            try terms.withUnsafeBufferPointer { try statement.bind(utf8: UnsafeBufferPointer(rebasing: $0[last.term]), at: 1) }
            try statement.bind(.integer(last.lastRowid), at: 2)
        }
    }
}
