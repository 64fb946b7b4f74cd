import CSQLite
import Foundation

/// Keeps `ticket_postings` (the ticket index) in step with the stored tickets within a store's write transactions, and the index's totals
/// (tickets and tokens, `Store.ticketIndexTotals`) with them.
///
/// A ticket's postings are gathered per term in memory (encoded as in a block, in ascending rowid) and written out as
/// blocks when the buffer passes `flushBytes` and always before the transaction commits (`Connection.beforeCommit`),
/// so an import's memory does not grow with its size and nothing buffered outlives its transaction. Appending to a
/// list is the common case (an import adds tickets above every stored rowid): the term's last block is filled to
/// `TicketPostingBlock.capacity`, then new blocks follow. A removal, or an addition below a term's last rowid (a
/// ticket's text replaced), first writes out that term's buffer and then rewrites the blocks it falls in.
///
/// A bulk write (an import, a migration's reindexing) instead writes each full buffer to a sorted run in a temporary
/// file and merges the runs into the table at its commit, so each term's list is written once rather than its last
/// block at every flush (`spillToRuns(besides:)`, `TicketPostingRuns`); a removal or an addition below the runs' rowids
/// merges them first.
///
/// Used from the store's thread only, like the store.
final class TicketPostingsWriter {
    /// Buffered bytes (postings and terms) past which `add` writes everything out.
    static let flushBytes = 4 << 20
    /// FTS5 keeps at most this many bytes of a token (`FTS5_MAX_TOKEN_SIZE`); a longer one is indexed truncated.
    static let maximumTermBytes = 32_768

    /// Everything buffered. A value the writer's methods take out of the class while they work on it, so its arrays
    /// are mutated in place without the class's dynamic exclusivity checks (one per token otherwise).
    private var buffer = Buffer()
    /// Buffered bytes past which `add` writes the buffer out (`flushBytes`; tests lower it to write out often).
    var bufferLimit = TicketPostingsWriter.flushBytes
    /// While set (a bulk write, from `spillToRuns(besides:)` to its commit or rollback), a full buffer is written to
    /// these sorted runs instead of the table, and `flush` merges them into the table once.
    private var runs: TicketPostingRuns?
    /// Tickets and tokens added (removed: negative) since the totals were last written (`Store.ticketIndexTotals`).
    private(set) var pendingTotals = (rows: Int64(0), tokens: Int64(0))

    /// The phrases the index lists (`ticket_phrases`), read at the transaction's first change and forgotten at its end:
    /// another process may index or drop phrases between two transactions, never within one (the write lock).
    private var phrases: IndexedPhrases?

    // MARK: - Maintenance

    /// Makes the next change read the indexed phrases again (`Store.indexPhrases` changed them).
    func forgetIndexedPhrases() {
        phrases = nil
    }

    /// The phrases whose lists the index keeps, as the store records them.
    private func indexedPhrases(_ connection: Connection) throws -> IndexedPhrases {
        if let phrases { return phrases }
        let read = try Store.indexedPhrases(connection)
        phrases = read
        return read
    }

    /// Adds the postings of `phrases` (phrases the index does not list yet) for the ticket at `rowid`, whose five columns
    /// have `terms`: `Store.indexPhrases` builds new phrases' lists with it, ticket by ticket in ascending rowid.
    func addPhrases(_ phrases: IndexedPhrases, rowid: Int64, terms prepared: PreparedTerms, connection: Connection) throws {
        var buffer = Buffer()
        swap(&buffer, &self.buffer)
        defer { swap(&buffer, &self.buffer) }
        buffer.gather(phrases, in: prepared, rowid: rowid)
        try appendGathered(&buffer, rowid: rowid, length: Int32(prepared.tokenCount), connection)
    }

    /// Adds the postings of the ticket at `rowid` whose five full-text columns have `terms` (FTS5's column order: the
    /// title is text 0); the ticket must have none stored.
    func add(rowid: Int64, terms prepared: PreparedTerms, connection: Connection) throws {
        var buffer = Buffer()
        swap(&buffer, &self.buffer)
        defer { swap(&buffer, &self.buffer) }
        // The runs' lists must ascend: a ticket at or below a rowid they hold sends them to the table first.
        if let runs, rowid <= runs.highestRowid { try Self.merge(&buffer, runs, connection) }
        let length = buffer.gather(prepared, rowid: rowid)
        buffer.gather(try indexedPhrases(connection), in: prepared, rowid: rowid)
        pendingTotals.rows += 1
        pendingTotals.tokens += Int64(length)
        try appendGathered(&buffer, rowid: rowid, length: length, connection)
    }

    /// Appends the postings gathered for the ticket at `rowid` (the `touched` terms) to their lists, and writes the
    /// buffer out when it is full.
    private func appendGathered(_ buffer: inout Buffer, rowid: Int64, length: Int32, _ connection: Connection) throws {
        for position in buffer.touched.indices {
            let index = buffer.touched[position]
            // The buffer holds each term's postings in ascending rowid: one below them goes to the blocks first.
            if buffer.lists[index].count > 0 && buffer.lists[index].lastRowid >= rowid { try Self.write(index, &buffer, connection) }
            buffer.append(index, rowid: rowid, length: length)
        }
        buffer.touched.removeAll(keepingCapacity: true)
        guard buffer.bytes > bufferLimit else { return }
        if let runs { try Self.spill(&buffer, into: runs, connection) } else { try Self.flush(&buffer, connection) }
    }

    /// Removes the postings of the ticket at `rowid` whose columns had `terms` (its old text, analysed as it was indexed).
    func remove(rowid: Int64, terms prepared: PreparedTerms, connection: Connection) throws {
        var buffer = Buffer()
        swap(&buffer, &self.buffer)
        defer { swap(&buffer, &self.buffer) }
        // The blocks it is taken out of must hold every posting first.
        if let runs, !runs.isEmpty { try Self.merge(&buffer, runs, connection) }
        let length = buffer.gather(prepared, rowid: rowid)
        buffer.gather(try indexedPhrases(connection), in: prepared, rowid: rowid)
        pendingTotals.rows -= 1
        pendingTotals.tokens -= Int64(length)
        for position in buffer.touched.indices {
            let index = buffer.touched[position]
            buffer.gathering[index].rowid = Buffer.noTicket
            if buffer.lists[index].count > 0 { try Self.write(index, &buffer, connection) }
            try buffer.withTerm(index) { try Self.removePosting(rowid, term: $0, connection) }
        }
        buffer.touched.removeAll(keepingCapacity: true)
    }

    /// Writes every buffered posting (and the runs', merged) to `ticket_postings` and empties the buffer; ends the
    /// spilling to runs (called before each commit).
    func flush(_ connection: Connection) throws {
        phrases = nil
        if pendingTotals != (0, 0) {
            try Store.addToTicketIndexTotals(pendingTotals, connection)
            pendingTotals = (0, 0)
        }
        let runs = self.runs
        self.runs = nil
        guard !buffer.keys.isEmpty || runs?.isEmpty == false else { return }
        var buffer = Buffer()
        swap(&buffer, &self.buffer)
        defer { swap(&buffer, &self.buffer) }
        if let runs { try Self.merge(&buffer, runs, connection) } else { try Self.flush(&buffer, connection) }
    }

    /// Drops everything buffered and every run (the transaction rolled back).
    func discard() {
        phrases = nil
        runs = nil
        pendingTotals = (0, 0)
        guard !buffer.keys.isEmpty else { return }
        buffer.clear()
    }

    /// Until the transaction ends, writes a full buffer to sorted runs in a temporary file beside the database at
    /// `databasePath` instead of to the table, and merges them into the table once, term by term, at the commit
    /// (`TicketPostingRuns`): for a bulk write, which appends to nearly every term's list. Where no temporary file can
    /// be made, the buffer goes to the table as it does outside bulk writes.
    func spillToRuns(besides databasePath: String) {
        guard runs == nil else { return }
        let folder = (databasePath as NSString).deletingLastPathComponent
        let inMemory = databasePath.isEmpty || databasePath == ":memory:" || databasePath.hasPrefix("file:")
        runs = try? TicketPostingRuns(directory: inMemory ? NSTemporaryDirectory() : folder.isEmpty ? "." : folder)
    }

    /// Writes the buffer to `runs` as one more run, or, once they hold `TicketPostingRuns.maximumRuns`, merges them
    /// and it into the table.
    private static func spill(_ buffer: inout Buffer, into runs: TicketPostingRuns, _ connection: Connection) throws {
        if runs.count >= TicketPostingRuns.maximumRuns { return try merge(&buffer, runs, connection) }
        try writeRun(&buffer, runs)
    }

    /// Writes the buffer's lists to `runs` as a run, terms in byte order, and empties it.
    private static func writeRun(_ buffer: inout Buffer, _ runs: TicketPostingRuns) throws {
        var body: [UInt8] = []
        swap(&body, &buffer.body)
        defer { swap(&body, &buffer.body) }
        for index in buffer.termsInOrder() where buffer.lists[index].count > 0 {
            buffer.encodedPostings(index, into: &body)
            let count = Int(buffer.lists[index].count), lastRowid = buffer.lists[index].lastRowid
            try buffer.withTerm(index) { term in
                try body.withUnsafeBufferPointer { try runs.append(term: term, count: count, lastRowid: lastRowid, body: $0) }
            }
        }
        try runs.endRun()
        buffer.clear()
    }

    /// Writes the runs and the buffer (the newest run) to the table, each term's postings at once, in term order, and
    /// empties both.
    private static func merge(_ buffer: inout Buffer, _ runs: TicketPostingRuns, _ connection: Connection) throws {
        if !buffer.keys.isEmpty { try writeRun(&buffer, runs) }
        var body: [UInt8] = []
        try runs.merge { term, entries in
            // One body of the runs' bodies in turn, each one's first rowid (whole) made a difference from the one before.
            body.removeAll(keepingCapacity: body.capacity <= TicketPostingsWriter.flushBytes)
            var count = 0
            var previous: Int64?
            for entry in entries {
                try entry.body.withUnsafeBufferPointer { entryBody in
                    guard let previous else { return body.append(contentsOf: entryBody) }
                    var offset = 0
                    let first = Int64(bitPattern: try TicketPostingBlock.readVarint(entryBody, &offset))
                    guard first > previous else { throw TicketPostingBlock.corrupted("runs of postings out of order") }
                    TicketPostingBlock.appendVarint(UInt64(bitPattern: first &- previous), to: &body)
                    body.append(contentsOf: UnsafeBufferPointer(rebasing: entryBody[offset...]))
                }
                count += entry.count
                previous = entry.lastRowid
            }
            try term.withUnsafeBufferPointer { term in
                try body.withUnsafeBufferPointer { try writeBody($0, count: count, term: term, connection) }
            }
        }
        runs.clear()
    }

    /// Writes the buffer's postings, terms in byte order (the table's), and empties it.
    private static func flush(_ buffer: inout Buffer, _ connection: Connection) throws {
        for index in buffer.termsInOrder() where buffer.lists[index].count > 0 { try write(index, &buffer, connection) }
        buffer.clear()
    }

    /// Writes term `index`'s buffered postings to its blocks and empties its list.
    private static func write(_ index: Int, _ buffer: inout Buffer, _ connection: Connection) throws {
        var body: [UInt8] = []
        swap(&body, &buffer.body)
        defer { swap(&body, &buffer.body) }
        buffer.encodedPostings(index, into: &body)
        let count = Int(buffer.lists[index].count)
        try buffer.withTerm(index) { term in
            try body.withUnsafeBufferPointer { try writeBody($0, count: count, term: term, connection) }
        }
        buffer.lists[index] = PendingList()
    }

    // MARK: - Buffer

    /// A term's buffered postings, encoded as in a block's body (`TicketPostingBlock.encodePosting`), in a chain of
    /// chunks of `Buffer.arena`.
    private struct PendingList {
        var firstChunk: Int32 = -1
        var lastChunk: Int32 = -1
        /// Bytes used in the last chunk.
        var used: Int32 = 0
        var count: Int32 = 0
        var lastRowid: Int64 = 0
    }

    /// A term's occurrences in the ticket being gathered.
    private struct Gathering {
        /// The ticket they count, or `Buffer.noTicket`.
        var rowid: Int64
        var title: Int32
        var other: Int32
    }

    /// Where a term's bytes are in `Buffer.termBytes`, their hash, and their first eight bytes (zero-padded), which
    /// tell most terms (stems are short) apart without reading `termBytes`.
    private struct Key {
        let start: Int32
        let length: Int32
        let hash: UInt64
        let prefix: UInt64
    }

    /// The terms seen since the last flush, in an open-addressing table over their bytes, with their pending lists.
    private struct Buffer {
        /// Marks a term that the ticket being gathered has not used yet (no rowid is this small).
        static let noTicket = Int64.min
        /// What a buffered term costs beside its bytes and postings (its entries, its array, the table's slot), roughly.
        static let termOverheadBytes = 96

        /// A chunk of `arena`: the next chunk's number (4 bytes, -1 for none), then postings' bytes.
        static let chunkBytes = 64
        static let chunkDataBytes = chunkBytes - 4

        var keys: [Key] = []
        var gathering: [Gathering] = []
        var lists: [PendingList] = []
        /// Every list's chunks: one allocation for all the terms' postings, reused from one flush to the next.
        var arena: [UInt8] = []
        var termBytes: [UInt8] = []
        var slots = [Int32](repeating: -1, count: 1 << 12)
        /// Terms the ticket being gathered uses, in first-use order.
        var touched: [Int] = []
        /// A list's postings in one piece while `write` writes them out (kept for its capacity).
        var body: [UInt8] = []
        /// Roughly what the buffer holds, in bytes.
        var bytes = 0

        /// Counts the occurrences of each term of `prepared` for the ticket at `rowid` (`touched` lists the terms) and
        /// returns the ticket's length in tokens.
        mutating func gather(_ prepared: PreparedTerms, rowid: Int64) -> Int32 {
            var length: Int32 = 0
            for text in prepared.texts.indices {
                let isTitle = text == 0
                prepared.forEachTerm(ofText: text) { term in
                    let index = termIndex(term.count > TicketPostingsWriter.maximumTermBytes
                                          ? UnsafeBufferPointer(rebasing: term.prefix(TicketPostingsWriter.maximumTermBytes)) : term)
                    count(index, rowid: rowid, inTitle: isTitle)
                    length += 1
                }
            }
            return length
        }

        /// Counts the occurrences of each of `phrases` in `prepared` for the ticket at `rowid`, under the phrase's key, as
        /// `gather` counts words (`touched` lists the keys too).
        mutating func gather(_ phrases: IndexedPhrases, in prepared: PreparedTerms, rowid: Int64) {
            phrases.forEachOccurrence(in: prepared) { phrase, inTitle in
                count(phrases.keys[phrase].withUnsafeBufferPointer { termIndex($0) }, rowid: rowid, inTitle: inTitle)
            }
        }

        /// Counts one occurrence of term `index` in the ticket at `rowid` (the first one lists the term in `touched`).
        @inline(__always)
        private mutating func count(_ index: Int, rowid: Int64, inTitle: Bool) {
            if gathering[index].rowid != rowid {
                gathering[index] = Gathering(rowid: rowid, title: 0, other: 0)
                touched.append(index)
            }
            if inTitle { gathering[index].title += 1 } else { gathering[index].other += 1 }
        }

        /// Appends the gathered posting of term `index` for the ticket at `rowid` to the term's list.
        mutating func append(_ index: Int, rowid: Int64, length: Int32) {
            let counts = gathering[index]
            gathering[index].rowid = Self.noTicket
            let posting = TicketPosting(rowid: rowid, titleCount: counts.title, otherCount: counts.other, length: length)
            var list = lists[index]
            var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
            withUnsafeMutableBytes(of: &scratch) { raw in
                let count = TicketPostingBlock.encodePosting(posting, after: list.count == 0 ? nil : list.lastRowid, into: raw)
                var written = 0
                while written < count {
                    if list.lastChunk < 0 || Int(list.used) == Self.chunkDataBytes {
                        let chunk = newChunk()
                        if list.lastChunk < 0 { list.firstChunk = chunk } else { setNext(of: list.lastChunk, to: chunk) }
                        list.lastChunk = chunk
                        list.used = 0
                    }
                    let taken = min(count - written, Self.chunkDataBytes - Int(list.used))
                    let start = Int(list.lastChunk) * Self.chunkBytes + 4 + Int(list.used)
                    // A few bytes: a loop, not a call to memmove.
                    arena.withUnsafeMutableBytes { arena in
                        for offset in 0..<taken { arena[start + offset] = raw[written + offset] }
                    }
                    list.used += Int32(taken)
                    written += taken
                }
            }
            list.count += 1
            list.lastRowid = rowid
            lists[index] = list
        }

        /// A new chunk at the end of the arena, its number.
        private mutating func newChunk() -> Int32 {
            if arena.count + Self.chunkBytes > arena.capacity {
                // Doubled up to the flush size and not past it (the arena is most of the buffer's memory); beyond it
                // (one huge ticket) by half.
                let target = arena.capacity < TicketPostingsWriter.flushBytes
                    ? min(max(arena.capacity * 2, 1 << 16), TicketPostingsWriter.flushBytes + (1 << 16))
                    : arena.capacity + arena.capacity / 2
                arena.reserveCapacity(max(target, arena.count + Self.chunkBytes))
            }
            let chunk = Int32(arena.count / Self.chunkBytes)
            arena.append(contentsOf: repeatElement(0xFF, count: 4))
            arena.append(contentsOf: repeatElement(0, count: Self.chunkDataBytes))
            bytes += Self.chunkBytes
            return chunk
        }

        private mutating func setNext(of chunk: Int32, to next: Int32) {
            arena.withUnsafeMutableBytes { arena in
                arena.storeBytes(of: next.littleEndian, toByteOffset: Int(chunk) * Self.chunkBytes, as: Int32.self)
            }
        }

        /// Term `index`'s buffered postings in one piece, in `bytes` (emptied first).
        func encodedPostings(_ index: Int, into bytes: inout [UInt8]) {
            let list = lists[index]
            bytes.removeAll(keepingCapacity: true)
            arena.withUnsafeBytes { arena in
                var chunk = list.firstChunk
                while chunk >= 0 {
                    let start = Int(chunk) * Self.chunkBytes
                    let next = Int32(littleEndian: arena.loadUnaligned(fromByteOffset: start, as: Int32.self))
                    let used = next >= 0 ? Self.chunkDataBytes : Int(list.used)
                    bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: arena[start + 4..<start + 4 + used]))
                    chunk = next
                }
            }
        }

        /// The entry of `term`, added when new.
        mutating func termIndex(_ term: UnsafeBufferPointer<UInt8>) -> Int {
            let (hash, prefix) = Self.hash(term)
            let mask = slots.count - 1
            var slot = Int(truncatingIfNeeded: hash) & mask
            while true {
                let index = Int(slots[slot])
                if index < 0 { break }
                let key = keys[index]
                if key.hash == hash && Int(key.length) == term.count && key.prefix == prefix
                    && (term.count <= 8 || termBytes.withUnsafeBufferPointer({ bytes in
                        memcmp(bytes.baseAddress! + Int(key.start), term.baseAddress!, term.count) == 0
                    })) {
                    return index
                }
                slot = (slot + 1) & mask
            }
            let index = keys.count
            keys.append(Key(start: Int32(termBytes.count), length: Int32(term.count), hash: hash, prefix: prefix))
            gathering.append(Gathering(rowid: Self.noTicket, title: 0, other: 0))
            lists.append(PendingList())
            termBytes.append(contentsOf: term)
            bytes += term.count + Self.termOverheadBytes
            slots[slot] = Int32(index)
            if keys.count * 2 > slots.count { growSlots() }
            return index
        }

        private mutating func growSlots() {
            slots = [Int32](repeating: -1, count: slots.count * 2)
            let mask = slots.count - 1
            for (index, key) in keys.enumerated() {
                var slot = Int(truncatingIfNeeded: key.hash) & mask
                while slots[slot] >= 0 { slot = (slot + 1) & mask }
                slots[slot] = Int32(index)
            }
        }

        /// A hash of the term's bytes taken eight at a time (multiply and fold, as wyhash-style hashes do; tokens are
        /// mostly short stems, hashed in one step), and the term's first eight bytes as an integer.
        private static func hash(_ term: UnsafeBufferPointer<UInt8>) -> (hash: UInt64, prefix: UInt64) {
            var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(term.count)
            var prefix: UInt64 = 0
            var offset = 0
            while offset < term.count {
                var word: UInt64 = 0
                let end = min(offset + 8, term.count)
                // The bytes in order, lowest first, zero-padded: one load where eight are there, one copy otherwise.
                let start = term.baseAddress! + offset
                if end - offset == 8 {
                    word = UInt64(littleEndian: UnsafeRawPointer(start).loadUnaligned(as: UInt64.self))
                } else {
                    withUnsafeMutableBytes(of: &word) { $0.copyMemory(from: UnsafeRawBufferPointer(start: start, count: end - offset)) }
                    word = UInt64(littleEndian: word)
                }
                if offset == 0 { prefix = word }
                let product = (hash ^ word).multipliedFullWidth(by: 0xA076_1D64_78BD_642F)
                hash = product.high ^ product.low
                offset = end
            }
            return (hash ^ (hash >> 29), prefix)
        }

        /// Calls `body` with the bytes of term `index`.
        func withTerm<T>(_ index: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> T) rethrows -> T {
            let key = keys[index]
            return try termBytes.withUnsafeBufferPointer {
                try body(UnsafeBufferPointer(rebasing: $0[Int(key.start)..<Int(key.start + key.length)]))
            }
        }

        /// The terms' indexes in byte order of the terms.
        func termsInOrder() -> [Int] {
            termBytes.withUnsafeBufferPointer { bytes in
                keys.indices.sorted { left, right in
                    let a = keys[left], b = keys[right]
                    return TicketPostingRuns.byteOrder(UnsafeBufferPointer(rebasing: bytes[Int(a.start)..<Int(a.start + a.length)]),
                                                       UnsafeBufferPointer(rebasing: bytes[Int(b.start)..<Int(b.start + b.length)])) < 0
                }
            }
        }

        mutating func clear() {
            keys.removeAll()
            gathering.removeAll()
            lists.removeAll()
            arena.removeAll(keepingCapacity: true)
            termBytes.removeAll(keepingCapacity: termBytes.capacity <= TicketPostingsWriter.flushBytes)
            for index in slots.indices { slots[index] = -1 }
            touched.removeAll(keepingCapacity: true)
            bytes = 0
        }
    }

    // MARK: - Blocks

    /// A stored block: the row's key and its bytes.
    private struct StoredBlock {
        let lastRowid: Int64
        let data: [UInt8]

        func postings() throws -> [TicketPosting] {
            try data.withUnsafeBufferPointer { try TicketPostingBlock.postings($0) }
        }
    }

    /// Adds the `count` postings of `body` (a block's body: ascending, the first rowid whole) to the term's list,
    /// copying their bytes into blocks.
    private static func writeBody(_ body: UnsafeBufferPointer<UInt8>, count: Int, term: UnsafeBufferPointer<UInt8>,
                                  _ connection: Connection) throws {
        var offset = 0
        var rowid: Int64 = 0
        var rest = count
        var last = try lastBlock(term, connection)
        if let stored = last {
            // Below the list's end (a replaced text): each goes into the block that covers it.
            var inserted = false
            while rest > 0 {
                var next = offset, nextRowid = rowid
                let posting = try TicketPostingBlock.readPosting(body, from: &next, rowid: &nextRowid)
                guard posting.rowid <= stored.lastRowid else { break }
                try insertPosting(posting, term: term, connection)
                (offset, rowid, rest, inserted) = (next, nextRowid, rest - 1, true)
            }
            if inserted { last = try lastBlock(term, connection) }
        }
        guard rest > 0 else { return }
        if let stored = last, case let held = try stored.data.withUnsafeBufferPointer({ try TicketPostingBlock.count($0) }),
           held < TicketPostingBlock.capacity {
            let taken = min(TicketPostingBlock.capacity - held, rest)
            let data = try stored.data.withUnsafeBufferPointer {
                try TicketPostingBlock.appending(taken, of: body, from: &offset, rowid: &rowid, to: $0, lastRowid: stored.lastRowid)
            }
            try replaceBlock(term, stored.lastRowid, with: rowid, data, connection)
            rest -= taken
        }
        while rest > 0 {
            let taken = min(TicketPostingBlock.capacity, rest)
            let data = try TicketPostingBlock.block(taken, of: body, from: &offset, rowid: &rowid)
            try insertBlock(term, rowid, data, connection)
            rest -= taken
        }
    }

    /// Puts one posting into the block whose rowids cover it, splitting the block when it grows past
    /// `TicketPostingBlock.maximumCount`; a posting already there for its rowid is replaced.
    private static func insertPosting(_ posting: TicketPosting, term: UnsafeBufferPointer<UInt8>,
                                      _ connection: Connection) throws {
        guard let stored = try block(term, atOrAfter: posting.rowid, connection) else {
            var body: [UInt8] = []
            TicketPostingBlock.appendPosting(posting, after: nil, to: &body)
            return try body.withUnsafeBufferPointer { try writeBody($0, count: 1, term: term, connection) }
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
        try statement.bind(utf8: term, at: 1)
        var parameter: Int32 = 2
        for integer in integers {
            try statement.bind(.integer(integer), at: parameter)
            parameter += 1
        }
        if let data {
            try statement.bind(.blob(data), at: parameter)
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
