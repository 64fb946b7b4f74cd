import CSQLite
import Foundation

/// Keeps `ticket_postings` in step with `tickets_fts` within a store's write transactions.
///
/// A ticket's postings are gathered per term in memory (encoded as in a block, in ascending rowid) and written out as
/// blocks when the buffer passes `flushBytes` and always before the transaction commits (`Connection.beforeCommit`),
/// so an import's memory does not grow with its size and nothing buffered outlives its transaction. Appending to a
/// list is the common case (an import adds tickets above every stored rowid): the term's last block is filled to
/// `TicketPostingBlock.capacity`, then new blocks follow. A removal, or an addition below a term's last rowid (a
/// ticket's text replaced), first writes out that term's buffer and then rewrites the blocks it falls in.
///
/// Used from the store's thread only, like the store.
final class TicketPostingsWriter {
    /// Buffered bytes (postings and terms) past which `add` writes everything out.
    static let flushBytes = 4 << 20
    /// FTS5 keeps at most this many bytes of a token (`FTS5_MAX_TOKEN_SIZE`); a longer one is indexed truncated.
    static let maximumTermBytes = 32_768
    /// What a buffered term costs beside its bytes and postings (its entry, its array, the table's slot), roughly.
    private static let termOverheadBytes = 96
    /// Marks a term that the ticket being gathered has not used yet (no rowid is this small).
    private static let noTicket = Int64.min

    private struct Term {
        /// Where the term's bytes start in `termBytes`.
        let start: Int
        let length: Int
        let hash: UInt64
        /// Buffered postings, encoded as in a block's body (`TicketPostingBlock.appendPosting`).
        var postings: [UInt8] = []
        var count = 0
        var lastRowid: Int64 = 0
        /// The ticket whose occurrences `titleCount` and `otherCount` are gathering now, or `noTicket`.
        var ticketRowid = TicketPostingsWriter.noTicket
        var titleCount: Int32 = 0
        var otherCount: Int32 = 0
    }

    /// The terms seen since the last flush, with the bytes they name and an open-addressing table over them.
    private var terms: [Term] = []
    private var termBytes: [UInt8] = []
    private var slots = [Int32](repeating: -1, count: 1 << 12)
    /// Terms the ticket being gathered uses, in first-use order.
    private var touched: [Int] = []
    private var bufferedBytes = 0

    // MARK: - Maintenance

    /// Adds the postings of the ticket at `rowid` whose five full-text columns have `terms` (FTS5's column order: the
    /// title is text 0); the ticket must have none stored.
    func add(rowid: Int64, terms prepared: PreparedTerms, connection: Connection) throws {
        let length = gather(prepared, rowid: rowid)
        defer { touched.removeAll(keepingCapacity: true) }
        for index in touched {
            // The buffer holds each term's postings in ascending rowid: one below them goes to the blocks first.
            if terms[index].count > 0 && terms[index].lastRowid >= rowid { try write(index, connection) }
            let posting = TicketPosting(rowid: rowid, titleCount: terms[index].titleCount,
                                        otherCount: terms[index].otherCount, length: length)
            let before = terms[index].postings.count
            TicketPostingBlock.appendPosting(posting, after: terms[index].count == 0 ? nil : terms[index].lastRowid,
                                             to: &terms[index].postings)
            bufferedBytes += terms[index].postings.count - before
            terms[index].count += 1
            terms[index].lastRowid = rowid
            terms[index].ticketRowid = Self.noTicket
        }
        if bufferedBytes > Self.flushBytes { try flush(connection) }
    }

    /// Removes the postings of the ticket at `rowid` whose columns had `terms` (its old text, analysed as it was indexed).
    func remove(rowid: Int64, terms prepared: PreparedTerms, connection: Connection) throws {
        _ = gather(prepared, rowid: rowid)
        defer { touched.removeAll(keepingCapacity: true) }
        for index in touched {
            terms[index].ticketRowid = Self.noTicket
            if terms[index].count > 0 { try write(index, connection) }
            try withTerm(index) { try Self.removePosting(rowid, term: $0, connection) }
        }
    }

    /// Writes every buffered posting to `ticket_postings` (terms in byte order, the table's order) and empties the buffer.
    func flush(_ connection: Connection) throws {
        guard !terms.isEmpty else { return }
        if bufferedBytes > 0 {
            let pending = termBytes.withUnsafeBufferPointer { bytes in
                terms.indices.filter { terms[$0].count > 0 }.sorted { left, right in
                    let a = terms[left], b = terms[right]
                    let common = min(a.length, b.length)
                    let order = common == 0 ? 0 : memcmp(bytes.baseAddress! + a.start, bytes.baseAddress! + b.start, common)
                    return order != 0 ? order < 0 : a.length < b.length
                }
            }
            for index in pending { try write(index, connection) }
        }
        discard()
    }

    /// Drops everything buffered (the transaction rolled back).
    func discard() {
        terms.removeAll()
        termBytes.removeAll(keepingCapacity: termBytes.capacity <= Self.flushBytes)
        for index in slots.indices { slots[index] = -1 }
        touched.removeAll(keepingCapacity: true)
        bufferedBytes = 0
    }

    // MARK: - Gathering

    /// Counts the occurrences of each term of `prepared` for the ticket at `rowid` into its entry (`touched` lists them)
    /// and returns the ticket's length in tokens.
    private func gather(_ prepared: PreparedTerms, rowid: Int64) -> Int32 {
        var length: Int32 = 0
        for text in prepared.texts.indices {
            prepared.forEachTerm(ofText: text) { term in
                let index = termIndex(UnsafeBufferPointer(rebasing: term.prefix(Self.maximumTermBytes)))
                if terms[index].ticketRowid != rowid {
                    terms[index].ticketRowid = rowid
                    terms[index].titleCount = 0
                    terms[index].otherCount = 0
                    touched.append(index)
                }
                if text == 0 { terms[index].titleCount += 1 } else { terms[index].otherCount += 1 }
                length += 1
            }
        }
        return length
    }

    /// The entry of `term`, added when new.
    private func termIndex(_ term: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(term)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let index = Int(slots[slot])
            if index < 0 { break }
            let entry = terms[index]
            if entry.hash == hash && entry.length == term.count && termBytes.withUnsafeBufferPointer({ bytes in
                term.isEmpty || memcmp(bytes.baseAddress! + entry.start, term.baseAddress!, term.count) == 0
            }) {
                return index
            }
            slot = (slot + 1) & mask
        }
        let index = terms.count
        terms.append(Term(start: termBytes.count, length: term.count, hash: hash))
        termBytes.append(contentsOf: term)
        bufferedBytes += term.count + Self.termOverheadBytes
        slots[slot] = Int32(index)
        if terms.count * 2 > slots.count { growSlots() }
        return index
    }

    private func growSlots() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, term) in terms.enumerated() {
            var slot = Int(truncatingIfNeeded: term.hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    /// FNV-1a over the term's bytes, its high bits folded in (the table masks the low ones).
    private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in term { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
        return hash ^ (hash >> 29)
    }

    /// Calls `body` with the bytes of term `index`.
    private func withTerm<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
        let term = terms[index]
        return try termBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[term.start..<term.start + term.length])) }
    }

    // MARK: - Blocks

    /// Writes term `index`'s buffered postings to its blocks and empties its buffer.
    private func write(_ index: Int, _ connection: Connection) throws {
        let entry = terms[index]
        var postings: [TicketPosting] = []
        postings.reserveCapacity(entry.count)
        try entry.postings.withUnsafeBufferPointer { bytes in
            var offset = 0
            try TicketPostingBlock.decodePostings(bytes, from: &offset, count: entry.count) { postings.append($0) }
        }
        try withTerm(index) { try Self.writePostings(postings[...], term: $0, connection) }
        bufferedBytes -= entry.postings.count
        terms[index].postings = []
        terms[index].count = 0
    }

    /// A stored block: the row's key and its bytes.
    private struct StoredBlock {
        let lastRowid: Int64
        let data: [UInt8]

        func postings() throws -> [TicketPosting] {
            try data.withUnsafeBufferPointer { try TicketPostingBlock.postings($0) }
        }
    }

    /// Adds `postings` (ascending) to the term's list.
    private static func writePostings(_ postings: ArraySlice<TicketPosting>, term: UnsafeBufferPointer<UInt8>,
                                      _ connection: Connection) throws {
        var rest = postings
        var last = try lastBlock(term, connection)
        if let stored = last, let first = rest.first, first.rowid <= stored.lastRowid {
            // Below the list's end (a replaced text): each goes into the block that covers it.
            while let posting = rest.first, posting.rowid <= stored.lastRowid {
                try insertPosting(posting, term: term, connection)
                rest = rest.dropFirst()
            }
            last = try lastBlock(term, connection)
        }
        guard !rest.isEmpty else { return }
        if let stored = last, case let count = try stored.data.withUnsafeBufferPointer({ try TicketPostingBlock.count($0) }),
           count < TicketPostingBlock.capacity {
            let taken = rest.prefix(TicketPostingBlock.capacity - count)
            let data = try stored.data.withUnsafeBufferPointer {
                try TicketPostingBlock.appending(taken, to: $0, lastRowid: stored.lastRowid)
            }
            try replaceBlock(term, stored.lastRowid, with: taken.last!.rowid, data, connection)
            rest = rest.dropFirst(taken.count)
        }
        while !rest.isEmpty {
            let chunk = rest.prefix(TicketPostingBlock.capacity)
            try insertBlock(term, chunk.last!.rowid, TicketPostingBlock.encode(chunk), connection)
            rest = rest.dropFirst(chunk.count)
        }
    }

    /// Puts one posting into the block whose rowids cover it, splitting the block when it grows past
    /// `TicketPostingBlock.maximumCount`; a posting already there for its rowid is replaced.
    private static func insertPosting(_ posting: TicketPosting, term: UnsafeBufferPointer<UInt8>,
                                      _ connection: Connection) throws {
        guard let stored = try block(term, atOrAfter: posting.rowid, connection) else {
            return try writePostings([posting][...], term: term, connection)
        }
        var postings = try stored.postings()
        let position = postings.firstIndex { $0.rowid >= posting.rowid } ?? postings.count
        if position < postings.count && postings[position].rowid == posting.rowid {
            postings[position] = posting
        } else {
            postings.insert(posting, at: position)
        }
        if postings.count > TicketPostingBlock.maximumCount {
            let half = postings.count / 2
            try insertBlock(term, postings[half - 1].rowid, TicketPostingBlock.encode(postings[..<half]), connection)
            try replaceBlock(term, stored.lastRowid, with: stored.lastRowid, TicketPostingBlock.encode(postings[half...]), connection)
        } else {
            try replaceBlock(term, stored.lastRowid, with: stored.lastRowid, TicketPostingBlock.encode(postings), connection)
        }
    }

    /// Takes the ticket at `rowid` out of the term's list: its block rewritten, re-keyed when it was its last, deleted
    /// when it held only that one.
    private static func removePosting(_ rowid: Int64, term: UnsafeBufferPointer<UInt8>, _ connection: Connection) throws {
        guard let stored = try block(term, atOrAfter: rowid, connection) else { return }
        var postings = try stored.postings()
        guard let position = postings.firstIndex(where: { $0.rowid == rowid }) else { return }
        postings.remove(at: position)
        if let last = postings.last {
            try replaceBlock(term, stored.lastRowid, with: last.rowid, TicketPostingBlock.encode(postings), connection)
        } else {
            try run("DELETE FROM ticket_postings WHERE term = ?1 AND last_rowid = ?2", term, [stored.lastRowid], connection)
        }
    }

    // MARK: - SQL

    private static func lastBlock(_ term: UnsafeBufferPointer<UInt8>, _ connection: Connection) throws -> StoredBlock? {
        try select("SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 ORDER BY last_rowid DESC LIMIT 1",
                   term, [], connection)
    }

    /// The first block of the term whose last rowid is at least `rowid`: the one that holds it, if any does.
    private static func block(_ term: UnsafeBufferPointer<UInt8>, atOrAfter rowid: Int64,
                              _ connection: Connection) throws -> StoredBlock? {
        try select("SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid >= ?2 ORDER BY last_rowid LIMIT 1",
                   term, [rowid], connection)
    }

    private static func insertBlock(_ term: UnsafeBufferPointer<UInt8>, _ lastRowid: Int64, _ data: [UInt8],
                                    _ connection: Connection) throws {
        try run("INSERT INTO ticket_postings(term, last_rowid, data) VALUES (?1, ?2, ?3)", term, [lastRowid], data: data, connection)
    }

    private static func replaceBlock(_ term: UnsafeBufferPointer<UInt8>, _ lastRowid: Int64, with newLastRowid: Int64,
                                     _ data: [UInt8], _ connection: Connection) throws {
        try run("UPDATE ticket_postings SET data = ?3, last_rowid = ?4 WHERE term = ?1 AND last_rowid = ?2",
                term, [lastRowid], data: data, then: newLastRowid, connection)
    }

    /// Binds the term's bytes as text to ?1 (exactly the bytes FTS5 indexed, without a detour through `String`),
    /// `integers` from ?2, then `data` and `then` after them.
    private static func bind(_ statement: Statement, _ term: UnsafeBufferPointer<UInt8>, _ integers: [Int64],
                             data: [UInt8]?, then trailing: Int64?) throws {
        try statement.bind([])
        var code = withUnsafePointer(to: 0 as UInt8) { empty in
            let start = UnsafeRawPointer(term.baseAddress ?? empty).assumingMemoryBound(to: CChar.self)
            return sqlite3_bind_text64(statement.handle, 1, start, sqlite3_uint64(term.count), SQLITE_TRANSIENT, UInt8(SQLITE_UTF8))
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: statement.connection.handle, code: code, sql: statement.sql) }
        var parameter: Int32 = 2
        for integer in integers {
            try statement.bind(.integer(integer), at: parameter)
            parameter += 1
        }
        if let data {
            code = data.withUnsafeBytes { raw in
                sqlite3_bind_blob64(statement.handle, parameter, raw.baseAddress, sqlite3_uint64(raw.count), SQLITE_TRANSIENT)
            }
            guard code == SQLITE_OK else { throw SQLiteError(connection: statement.connection.handle, code: code, sql: statement.sql) }
            parameter += 1
        }
        if let trailing { try statement.bind(.integer(trailing), at: parameter) }
    }

    private static func run(_ sql: String, _ term: UnsafeBufferPointer<UInt8>, _ integers: [Int64], data: [UInt8]? = nil,
                            then trailing: Int64? = nil, _ connection: Connection) throws {
        let statement = try connection.cached(sql)
        try bind(statement, term, integers, data: data, then: trailing)
        while try statement.step() {}
    }

    private static func select(_ sql: String, _ term: UnsafeBufferPointer<UInt8>, _ integers: [Int64],
                               _ connection: Connection) throws -> StoredBlock? {
        let statement = try connection.cached(sql)
        try bind(statement, term, integers, data: nil, then: nil)
        defer { sqlite3_reset(statement.handle) }
        guard try statement.step() else { return nil }
        let row = Row(statement: statement)
        return StoredBlock(lastRowid: row.int64(0), data: row.blob(1))
    }
}
