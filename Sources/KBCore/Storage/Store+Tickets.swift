import Foundation

/// What an upsert did to a ticket.
public enum UpsertOutcome: Sendable {
    case inserted, updated, unchanged
}

extension Store {
    /// Inserts a ticket, replaces a changed one (row and timeline together) or leaves an identical one alone.
    ///
    /// Call inside a transaction: the row and its full-text entry change together.
    ///
    /// `source` is the JSON text the ticket was decoded from, when there is one: it is stored as is
    /// (it decodes to the same ticket) and fingerprinted, which spares import a re-serialisation of
    /// every record. Without it the canonical form is written.
    @discardableResult
    public func upsert(_ ticket: Ticket, source: UnsafeBufferPointer<UInt8>? = nil) throws -> UpsertOutcome {
        let hash: String
        let doc: String
        if let source {
            hash = FNV1a.hex(source)
            doc = String(decoding: source, as: UTF8.self)
        } else {
            var writer = JSONWriter()
            ticket.write(to: &writer)
            hash = FNV1a.hex(writer.bytes)
            doc = writer.text
        }
        let existing = try connection.cached("SELECT rowid, hash, doc FROM tickets WHERE id = ?")
            .first([ticket.id]) { ($0.int64(0), $0.text(1), $0.text(2)) }
        let values: [any SQLBindable] = [
            ticket.id, ticket.severity, ticket.status.rawValue, ticket.service, ticket.customer, ticket.plan,
            ticket.channel?.rawValue, ticket.createdAt.seconds, ticket.resolvedAt?.seconds, ticket.closedAt?.seconds,
            hash, doc,
        ]
        let rowid: Int64
        if let existing {
            if existing.1 == hash { return .unchanged }
            rowid = existing.0
            // External content: the index must be told the old text to remove its terms.
            if let old = try? Ticket(json: JSONParser().parse(existing.2), timeZoneCheck: { _ in true }) {
                try connection.cached("""
                    INSERT INTO tickets_fts(tickets_fts, rowid, title, description, resolution, root_cause, events_text)
                    VALUES ('delete', ?, ?, ?, ?, ?, ?)
                    """).execute([rowid] + old.searchColumns)
            }
            try connection.cached("""
                UPDATE tickets SET id = ?, severity = ?, status = ?, service = ?, customer = ?, plan = ?, channel = ?,
                    created_at = ?, resolved_at = ?, closed_at = ?, hash = ?, doc = ? WHERE rowid = ?
                """).execute(values + [rowid])
        } else {
            try connection.cached("""
                INSERT INTO tickets(id, severity, status, service, customer, plan, channel,
                    created_at, resolved_at, closed_at, hash, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute(values)
            rowid = connection.lastInsertRowID
        }
        try connection.cached("""
            INSERT INTO tickets_fts(rowid, title, description, resolution, root_cause, events_text)
            VALUES (?, ?, ?, ?, ?, ?)
            """).execute([rowid] + ticket.searchColumns)
        return existing == nil ? .inserted : .updated
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
    var searchColumns: [any SQLBindable] {
        [title, description, resolution ?? "", rootCause ?? "", eventsText]
    }
}
