import CSQLite
import Foundation

/// kb's full-text index of tickets: per-term posting chunks with positions and upper bounds, in SQLite tables.
///
/// FTS5 can only rank by visiting every match (4–5 µs each): a million tickets made common words cost seconds,
/// and the old answer was to rank only the newest matches. This index is laid out for exact top-k with dynamic
/// pruning (MaxScore, see `TicketRanker`):
///
/// - `ticket_postings(key, count, bound, average, data)`: a term's postings in chunks of up to
///   `TicketIndexLayout.chunkPostings`, keyed `term id << 32 | last rowid` so one range scan reads a term in rowid
///   order (either way). `data` holds rowid deltas, title/other counts and positions (`PostingCodec`); `bound` is
///   the largest f/(f + K) of the chunk at average length `average`, an upper bound for skipping.
/// - `ticket_terms(term, id, documents, bound, average)`: each term's exact document frequency, maintained on
///   every write (so idf never needs a doclist walk), and its largest f/(f + K).
/// - `ticket_lengths(block, lengths)`: every ticket's token count, 512 to a row (BM25's length normalisation).
/// - `ticket_index_stats(key, value)`: indexed tickets, their tokens (the average length), the next term id.
///
/// Writes go through `PendingPostings` and are merged into the chunks by `flush()`: after every upsert, or, inside
/// `bulk { }` (import), whenever the pending postings grow large and when the block ends — always inside the
/// caller's transaction, so a failed or killed write leaves the index as it was. Reads check
/// `PRAGMA data_version` to drop cached lengths when another connection wrote.
public final class TicketIndex {
    let connection: Connection
    let tokenizer: TokenizerContext

    /// Title weight the stored bounds assume (other columns weigh 1), as ticket search ranks.
    static let boundWeights: [Double] = [1.5, 1, 1, 1, 1]

    // MARK: Writing state
    var pending = PendingPostings()
    /// What the writer knows of each interned term on disk, by interned number; filled on first use.
    var termStates: [TermState?] = []
    var bulkDepth = 0
    /// Flush when pending postings take more than this many bytes.
    var flushThreshold = 24 << 20
    var onDisk: Statistics?
    /// Bumped on every flush, so this connection's readers drop their caches.
    var writeGeneration = 0
    /// Reused when encoding and decoding chunks.
    var chunkBuffer: [UInt8] = []
    let decodedChunk = DecodedChunk()

    // MARK: Reading state
    /// Token counts by rowid, for the blocks read so far (`loadedBlocks`).
    var lengthTable = UnsafeMutablePointer<UInt32>.allocate(capacity: 1)
    var lengthCapacity = 1
    var loadedBlocks: [Bool] = []
    var cachedStatistics: Statistics?
    var cacheStamp: (dataVersion: Int64, writes: Int) = (-1, -1)
    var cursorStatements: [OpaquePointer] = []

    /// Indexed tickets, their tokens, and the next term id.
    struct Statistics: Equatable {
        var documents: Int
        var tokens: Int
        var nextTerm: Int64
    }

    /// A term as stored: id, exact document frequency, saturation bound and the average length it assumed.
    struct TermInfo: Equatable {
        let id: Int64
        let documents: Int
        let bound: Double
        let average: Double
    }

    /// The writer's view of one term.
    struct TermState {
        var id: Int64?
        var documents: Int
        var bound: Double
        var average: Double
        var dirty = false
        var existed: Bool
        /// The last chunk on disk (key, count, bound, average), when known.
        var lastChunk: ChunkHeader?
        var lastChunkKnown = false
    }

    /// A chunk row without its data.
    struct ChunkHeader {
        var key: Int64
        var count: Int
        var bound: Double
        var average: Double
        var last: Int64 { key & TicketIndexLayout.largestRowid }
    }

    init(connection: Connection, tokenizer: TokenizerContext) {
        self.connection = connection
        self.tokenizer = tokenizer
    }

    deinit {
        for statement in cursorStatements { sqlite3_finalize(statement) }
        lengthTable.deallocate()
    }

    // MARK: - Statistics

    /// The index's counts as committed (or as this connection last flushed).
    func statistics() throws -> Statistics {
        try refreshCaches()
        if let cachedStatistics { return cachedStatistics }
        let loaded = try readStatistics()
        cachedStatistics = loaded
        return loaded
    }

    func readStatistics() throws -> Statistics {
        var values: [String: Int64] = [:]
        try connection.cached("SELECT key, value FROM ticket_index_stats").forEachRow { values[$0.text(0)] = $0.int64(1) }
        return Statistics(documents: Int(values["documents"] ?? 0), tokens: Int(values["tokens"] ?? 0),
                          nextTerm: values["next_term"] ?? 1)
    }

    func writeStatistics(_ statistics: Statistics) throws {
        let statement = try connection.cached("INSERT OR REPLACE INTO ticket_index_stats(key, value) VALUES (?, ?)")
        try statement.execute(["documents", statistics.documents])
        try statement.execute(["tokens", statistics.tokens])
        try statement.execute(["next_term", statistics.nextTerm])
    }

    /// The stored term, or nil when no ticket holds it.
    func termInfo(_ term: String) throws -> TermInfo? {
        let statement = try connection.cached("SELECT id, documents, bound, average FROM ticket_terms WHERE term = ?")
        return try statement.first([term]) { row in
            TermInfo(id: row.int64(0), documents: row.int(1), bound: row.double(2), average: row.double(3))
        }.flatMap { $0.documents > 0 ? $0 : nil }
    }

    /// Every stored term starting with `prefix`, in term order.
    func terms(withPrefix prefix: String) throws -> [(term: String, info: TermInfo)] {
        var found: [(String, TermInfo)] = []
        let statement = try connection.cached(
            "SELECT term, id, documents, bound, average FROM ticket_terms WHERE term >= ? ORDER BY term")
        try statement.bind([prefix])
        defer { sqlite3_reset(statement.handle) }
        while try statement.step() {
            let row = Row(statement: statement)
            let term = row.text(0)
            guard term.hasPrefix(prefix) else { break }
            let info = TermInfo(id: row.int64(1), documents: row.int(2), bound: row.double(3), average: row.double(4))
            if info.documents > 0 { found.append((term, info)) }
        }
        return found
    }

    /// Token count of ticket `rowid` (0 when it is not indexed).
    func length(of rowid: Int64) throws -> Int {
        Int(try lengths(from: rowid, to: rowid)[Int(rowid)])
    }

    /// The token counts of tickets `low...high`, read once and kept: `result[rowid]` is valid for that range
    /// until the next call (the table may move as it grows).
    func lengths(from low: Int64, to high: Int64) throws -> UnsafePointer<UInt32> {
        let shift = TicketIndexLayout.lengthBlockShift
        let firstBlock = Int(max(0, low) >> shift), lastBlock = Int(max(0, high) >> shift)
        let needed = (lastBlock + 1) << shift
        if needed > lengthCapacity {
            let capacity = max(needed, lengthCapacity * 2)
            let table = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity)
            table.update(from: lengthTable, count: lengthCapacity)
            table.advanced(by: lengthCapacity).initialize(repeating: 0, count: capacity - lengthCapacity)
            lengthTable.deallocate()
            lengthTable = table
            lengthCapacity = capacity
        }
        if loadedBlocks.count <= lastBlock {
            loadedBlocks.append(contentsOf: repeatElement(false, count: lastBlock + 1 - loadedBlocks.count))
        }
        for block in firstBlock...lastBlock where !loadedBlocks[block] {
            if let values = try readLengthBlock(block) {
                values.withUnsafeBufferPointer { lengthTable.advanced(by: block << shift).update(from: $0.baseAddress!, count: $0.count) }
            }
            loadedBlocks[block] = true
        }
        return UnsafePointer(lengthTable)
    }

    func readLengthBlock(_ block: Int) throws -> [UInt32]? {
        try connection.cached("SELECT lengths FROM ticket_lengths WHERE block = ?").first([block]) { row in
            Self.decodeLengths(row.blob(0))
        }
    }

    static func decodeLengths(_ bytes: [UInt8]) -> [UInt32] {
        var lengths = [UInt32](repeating: 0, count: TicketIndexLayout.lengthBlockSize)
        for slot in 0..<min(lengths.count, bytes.count / 4) {
            let base = slot * 4
            lengths[slot] = UInt32(bytes[base]) | UInt32(bytes[base + 1]) << 8 | UInt32(bytes[base + 2]) << 16
                | UInt32(bytes[base + 3]) << 24
        }
        return lengths
    }

    static func encodeLengths(_ lengths: [UInt32]) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(lengths.count * 4)
        for length in lengths {
            bytes.append(UInt8(truncatingIfNeeded: length))
            bytes.append(UInt8(truncatingIfNeeded: length >> 8))
            bytes.append(UInt8(truncatingIfNeeded: length >> 16))
            bytes.append(UInt8(truncatingIfNeeded: length >> 24))
        }
        return bytes
    }

    /// Drops cached statistics and lengths when the database changed since they were read.
    func refreshCaches() throws {
        let version = try connection.cached("PRAGMA data_version").first { $0.int64(0) } ?? 0
        guard version != cacheStamp.dataVersion || writeGeneration != cacheStamp.writes else { return }
        cacheStamp = (version, writeGeneration)
        cachedStatistics = nil
        loadedBlocks.removeAll(keepingCapacity: true)
    }

    // MARK: - Cursor statements

    /// A statement reading one term's chunks, newest first: `?1` lowest key, `?2` highest.
    func borrowCursorStatement() throws -> OpaquePointer {
        if let statement = cursorStatements.popLast() { return statement }
        var statement: OpaquePointer?
        let sql = "SELECT key, count, bound, average, data FROM ticket_postings WHERE key BETWEEN ?1 AND ?2 ORDER BY key DESC"
        let code = sqlite3_prepare_v3(connection.handle, sql, -1, UInt32(SQLITE_PREPARE_PERSISTENT), &statement, nil)
        guard code == SQLITE_OK, let statement else { throw SQLiteError(connection: connection.handle, code: code, sql: sql) }
        return statement
    }

    func returnCursorStatement(_ statement: OpaquePointer) {
        sqlite3_reset(statement)
        cursorStatements.append(statement)
    }
}
