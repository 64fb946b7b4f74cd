import Foundation

/// What an upsert did to a ticket.
public enum UpsertOutcome: Sendable {
    case inserted, updated, unchanged
}

extension Store {
    /// Inserts a ticket, replaces a changed one (row and timeline together) or leaves an identical one alone.
    ///
    /// Call inside a transaction: the row and its full-text postings change together.
    ///
    /// The canonical JSON form is stored; a JSON Lines import stores each validated line as is instead
    /// (see `JSONLinesDecoder`).
    @discardableResult
    public func upsert(_ ticket: Ticket) throws -> UpsertOutcome {
        var writer = JSONWriter()
        ticket.write(to: &writer)
        let doc = writer.bytes
        return try upsert(TicketRecord(ticket, doc: doc, hash: doc.withUnsafeBufferPointer { FNV1a.hex($0) }))
    }

    /// The upsert of a ticket already reduced to what is stored (import prepares records on its reading thread).
    func upsert(_ record: TicketRecord) throws -> UpsertOutcome {
        let existing = try connection.cached("SELECT rowid, hash FROM tickets WHERE id = ?")
            .first([record.id]) { ($0.int64(0), $0.text(1)) }
        let values: [any SQLBindable] = [
            record.id, record.severity, record.status, record.service, record.customer, record.plan,
            record.channel, record.createdAt, record.resolvedAt, record.closedAt, record.hash,
        ]
        let rowid: Int64
        if let existing {
            if existing.1 == record.hash { return .unchanged }
            rowid = existing.0
            // External content: the index must be told the old text to remove its terms.
            // The index removes the old version's postings by analysing its text again.
            if let old = try ticket(rowid: rowid) {
                try ticketIndex.remove(rowid: rowid, texts: old.searchTexts)
            }
            // rowid goes first so the document can be bound last, from its bytes.
            try record.doc.withUnsafeBufferPointer { doc in
                try connection.cached("""
                    UPDATE tickets SET id = ?2, severity = ?3, status = ?4, service = ?5, customer = ?6, plan = ?7,
                        channel = ?8, created_at = ?9, resolved_at = ?10, closed_at = ?11, hash = ?12, doc = ?13
                        WHERE rowid = ?1
                    """).execute([rowid] + values, appendingUTF8: doc)
            }
        } else {
            try record.doc.withUnsafeBufferPointer { doc in
                try connection.cached("""
                    INSERT INTO tickets(id, severity, status, service, customer, plan, channel,
                        created_at, resolved_at, closed_at, hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).execute(values, appendingUTF8: doc)
            }
            rowid = connection.lastInsertRowID
        }
        try ticketIndex.add(rowid: rowid, texts: record.searchTexts, prepared: record.preparedTerms)
        return existing == nil ? .inserted : .updated
    }

    /// Runs `body`, which upserts many tickets, with the full-text index buffering its writes: postings are merged
    /// into the index in large batches and once more when `body` returns. Call inside the write transaction.
    public func bulkTicketWrites<T>(_ body: () throws -> T) throws -> T {
        try ticketIndex.bulk(body)
    }

    /// Checks the tickets' full-text index; with `deep`, against every ticket's text analysed again.
    public func checkTicketIndex(deep: Bool = true) throws {
        let problems = try ticketIndex.problems(deep: deep)
        guard problems.isEmpty else {
            throw StoreError.corrupted(path: path, detail: "full-text index: " + problems.joined(separator: "; "))
        }
    }

    /// Indexes every stored ticket again (inside a transaction).
    public func rebuildTicketIndex() throws {
        _ = try connection.transaction { try ticketIndex.rebuild() }
    }

    /// The ticket with this id, or nil.
    public func ticket(id: String) throws -> Ticket? {
        guard let doc = try connection.cached("SELECT doc FROM tickets WHERE id = ?").first([id], { $0.text(0) }) else {
            return nil
        }
        return try Store.decodeStored(doc)
    }

    /// The ticket stored at `rowid`, or nil.
    public func ticket(rowid: Int64) throws -> Ticket? {
        guard let doc = try connection.cached("SELECT doc FROM tickets WHERE rowid = ?").first([rowid], { $0.text(0) }) else {
            return nil
        }
        return try Store.decodeStored(doc)
    }

    /// Decodes a ticket document this store wrote.
    static func decodeStored(_ doc: String) throws -> Ticket {
        var text = doc
        do {
            // Read in place (no JSONValue tree): reviews, intake and automations decode thousands of these.
            return try text.withUTF8 { bytes in try Ticket(jsonBytes: bytes, timeZoneCheck: { _ in true }) }
        } catch {
            throw StoreError.corrupted(path: "tickets", detail: "a stored ticket does not decode: \(error)")
        }
    }

    /// Number of tickets stored.
    public func ticketCount() throws -> Int {
        try connection.scalarInt("SELECT count(*) FROM tickets")
    }

    /// Calls `body` with every ticket matching a SQL condition on the `tickets` table, in creation order.
    ///
    /// `condition` is fixed SQL written by kb (never user text); user values go in `values`.
    public func forEachTicket(where condition: String = "1", _ values: [any SQLBindable] = [],
                              _ body: (Ticket) throws -> Void) throws {
        let statement = try connection.prepare("SELECT doc FROM tickets WHERE \(condition) ORDER BY created_at, id")
        try statement.forEachRow(values) { row in
            try body(try Store.decodeStored(row.text(0)))
        }
    }
}

extension Ticket {
    /// The five full-text columns: title, description, resolution, root cause, events.
    var searchTexts: [String] {
        [title, description, resolution ?? "", rootCause ?? "", eventsText]
    }
}
