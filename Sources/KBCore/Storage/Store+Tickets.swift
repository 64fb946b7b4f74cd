import CSQLite
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
    /// The canonical JSON form is stored; a JSON Lines import stores each validated line as is instead
    /// (see `JSONLinesDecoder`).
    @discardableResult
    public func upsert(_ ticket: Ticket) throws -> UpsertOutcome {
        try upsert(TicketRecord(canonical: ticket))
    }

    /// The upsert of a ticket already reduced to what is stored (import prepares records on its reading thread).
    ///
    /// `insertingFirst`: try the row's insert before looking the id up, for an import into a store that held no
    /// tickets when it began, where nearly every record is new. A record whose id is already there (twice in the
    /// import) fails the insert on `tickets.id`'s uniqueness, which writes nothing, and takes the usual path.
    func upsert(_ record: TicketRecord, insertingFirst: Bool = false) throws -> UpsertOutcome {
        // The row, the index and the postings change together, and the postings are written before a commit.
        guard connection.isInTransaction else {
            return try connection.transaction { try upsert(record, insertingFirst: insertingFirst) }
        }
        // Each ticket is analysed in its own language.
        let language = record.language ?? tokenizer.language
        // Analysed once (ahead of time on import's reading thread, or here), and only for a row that is written — not
        // for a ticket a re-import finds unchanged: the postings count the terms, and the title's make its key.
        lazy var terms = record.preparedTerms.flatMap { $0.language == language ? $0 : nil }
            ?? PreparedTerms(texts: record.searchTexts, language: language, source: tokenizer.source(for: language))
        lazy var values: [any SQLBindable] = [
            record.id, record.severity, record.status, record.service, record.customer, record.plan,
            record.channel, record.createdAt, record.resolvedAt, record.closedAt, record.hash, language.rawValue,
            SQLValue.blob(record.packed), TitleKey.of(terms).map(SQLValue.integer) ?? SQLValue.null,
        ]
        if insertingFirst, let rowid = try insertRow(values) {
            try index(at: rowid, terms: terms)
            return .inserted
        }
        let existing = try connection.cached("SELECT rowid, hash, language FROM tickets WHERE id = ?")
            .first([record.id]) { ($0.int64(0), $0.int64(1), $0.optionalText(2)) }
        let rowid: Int64
        if let existing {
            if existing.1 == record.hash { return .unchanged }
            rowid = existing.0
            // The postings must be told the old text to remove its terms.
            if let old = try? ticket(rowid: rowid) {
                let oldLanguage = existing.2.flatMap(Language.init(rawValue:)) ?? tokenizer.language
                let terms = PreparedTerms(texts: old.searchTexts, language: oldLanguage, source: tokenizer.source(for: oldLanguage))
                try ticketPostingsWriter.remove(rowid: rowid, terms: terms, connection: connection)
            }
            let update = try connection.cached("""
                UPDATE tickets SET id = ?2, severity = ?3, status = ?4, service = ?5, customer = ?6, plan = ?7,
                    channel = ?8, created_at = ?9, resolved_at = ?10, closed_at = ?11, hash = ?12, language = ?13,
                    packed = ?14, title_key = ?15 WHERE rowid = ?1
                """)
            try documentColumn.writingRows { try update.execute([rowid] + values) }
        } else {
            guard let inserted = try insertRow(values) else {
                throw StoreError.corrupted(path: path, detail: "ticket \(record.id) is neither found nor insertable")
            }
            rowid = inserted
        }
        try index(at: rowid, terms: terms)
        return existing == nil ? .inserted : .updated
    }

    /// `SQLITE_CONSTRAINT_UNIQUE`, which Swift cannot import (a macro built from others).
    private static let uniqueConstraintFailed = SQLITE_CONSTRAINT | 8 << 8

    /// Inserts a `tickets` row of `values` and returns its rowid; nil when a ticket with its id is already stored.
    private func insertRow(_ values: [any SQLBindable]) throws -> Int64? {
        let insert = try connection.cached("""
            INSERT INTO tickets(id, severity, status, service, customer, plan, channel,
                created_at, resolved_at, closed_at, hash, language, packed, title_key)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """)
        do {
            try documentColumn.writingRows { try insert.execute(values) }
        } catch let error as SQLiteError where error.extendedCode == Self.uniqueConstraintFailed && error.message.contains("tickets.id") {
            return nil
        }
        return connection.lastInsertRowID
    }

    /// Adds a ticket's five index columns, analysed as `terms`, to the ticket index (its postings) at `rowid`.
    func index(at rowid: Int64, terms: PreparedTerms) throws {
        try ticketPostingsWriter.add(rowid: rowid, terms: terms, connection: connection)
    }

    /// The ticket with this id, or nil.
    public func ticket(id: String) throws -> Ticket? {
        try connection.cached("SELECT packed FROM tickets WHERE id = ?").first([id]) { row in
            try row.withBlob(0) { try Store.decodeStored($0) }
        }
    }

    /// The ticket stored at `rowid`, or nil.
    public func ticket(rowid: Int64) throws -> Ticket? {
        try connection.cached("SELECT packed FROM tickets WHERE rowid = ?").first([rowid]) { row in
            try row.withBlob(0) { try Store.decodeStored($0) }
        }
    }

    /// Decodes a ticket document this store wrote (compressed, as the `packed` column holds it).
    static func decodeStored(_ packed: UnsafeBufferPointer<UInt8>) throws -> Ticket {
        do {
            let document = try BlockCompressor.decompress(packed)
            // Read in place (no JSONValue tree): reviews, intake and automations decode thousands of these.
            return try document.withUnsafeBufferPointer { bytes in try Ticket(jsonBytes: bytes, timeZoneCheck: { _ in true }) }
        } catch {
            throw StoreError.corrupted(path: "tickets", detail: "a stored ticket does not decode: \(error)")
        }
    }

    /// Decodes a ticket's JSON as the `doc` column reads it (queries that select it with other columns).
    static func decodeStored(_ doc: String) throws -> Ticket {
        var text = doc
        do {
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
        let statement = try connection.prepare("SELECT packed FROM tickets WHERE \(condition) ORDER BY created_at, id")
        try statement.forEachRow(values) { row in
            try body(try row.withBlob(0) { try Store.decodeStored($0) })
        }
    }
}

extension Ticket {
    /// The five full-text columns' texts (title, description, resolution, root cause, events), as
    /// `TicketRecord.searchTexts` holds them.
    var searchTexts: [String] {
        [title, description, resolution ?? "", rootCause ?? "", eventsText]
    }
}
