import CSQLite

/// Walks one term's postings from the newest ticket to the oldest, a chunk row at a time.
///
/// Descending order makes ties go to the newest ticket without extra work: a ticket met later can only enter a
/// full top-k with a strictly higher score. A chunk is decoded only when the walk reaches a rowid inside it;
/// its first rowid (the data's first varint) and its bound are readable without decoding.
final class TermCursor {
    private let index: TicketIndex
    private var statement: OpaquePointer?
    private let lowest: Int64
    /// The term's document frequency and saturation bound (scaled to the current average length).
    let documents: Int
    let bound: Double
    private let averageLength: Double

    /// The current posting's rowid, or -1 when the walk is over.
    private(set) var doc: Int64 = Int64.max
    /// The current chunk's saturation bound.
    private(set) var chunkBound: Double = 0

    /// The current chunk; with `retainsChunks`, every chunk decoded since `beginWindow()` stays readable.
    private var chunk = DecodedChunk()
    private var pool: [DecodedChunk] = []
    private var poolUsed = 0
    private let retainsChunks: Bool
    private var current = -1
    private var chunkFirst: Int64 = 0

    init(index: TicketIndex, info: TicketIndex.TermInfo, lowestRowid: Int64, averageLength: Double,
         retainsChunks: Bool = false) throws {
        self.index = index
        self.retainsChunks = retainsChunks
        if retainsChunks {
            pool = [chunk]
            poolUsed = 1
        }
        documents = info.documents
        self.averageLength = averageLength
        bound = TicketScoring.scaledBound(info.bound, storedAverage: info.average, currentAverage: averageLength)
        let (low, high) = TicketIndexLayout.keyRange(term: info.id)
        lowest = max(0, lowestRowid)
        let statement = try index.borrowCursorStatement()
        self.statement = statement
        sqlite3_bind_int64(statement, 1, low | min(lowest, TicketIndexLayout.largestRowid))
        sqlite3_bind_int64(statement, 2, high)
    }

    deinit { close() }

    /// Gives the statement back to the index; the cursor is then exhausted.
    func close() {
        if let statement {
            index.returnCursorStatement(statement)
            self.statement = nil
        }
        doc = -1
        current = -1
    }

    /// Moves to the largest rowid at most `target` (never forward: a target above the current rowid does nothing).
    func advance(to target: Int64) throws {
        guard doc > target else { return }
        while true {
            if current >= 0, target >= chunkFirst {
                // Largest rowid ≤ target among rowids[0...current].
                let rowids = chunk.rowids
                var low = 0
                var high = current
                if rowids[high] > target {
                    while low < high {
                        let middle = (low + high + 1) >> 1
                        if rowids[middle] <= target { low = middle } else { high = middle - 1 }
                    }
                } else {
                    low = high
                }
                current = low
                let found = rowids[low]
                if found < lowest { finish() } else { doc = found }
                return
            }
            guard try nextChunk(until: target) else {
                finish()
                return
            }
        }
    }

    /// Moves to the next older posting.
    func next() throws {
        guard doc >= 0 else { return }
        if current > 0 {
            current -= 1
            let found = chunk.rowids[current]
            if found < lowest { finish() } else { doc = found }
            return
        }
        try advance(to: doc - 1)
    }

    /// Calls `body(rowid, title, other)` for every posting from `high` down to `low`, newest first, and leaves the
    /// cursor on the first posting below `low` (or done). The loop runs over the decoded chunk directly: windowed
    /// ranking calls it for most postings a query reads.
    @inline(__always)
    func scan(from high: Int64, to low: Int64, _ body: (Int64, Int32, Int32, Int64) -> Void) throws {
        try advance(to: high)
        while doc >= low && doc >= 0 {
            let rowids = chunk.rowids, titles = chunk.titles, others = chunk.others
            let slot = Int64(poolUsed - 1) << 32
            var index = current
            var rowid: Int64 = doc
            while index >= 0 {
                rowid = rowids[index]
                if rowid < low || rowid < lowest { break }
                body(rowid, titles[index], others[index], slot | Int64(index))
                index -= 1
            }
            if index >= 0 {
                current = index
                if rowid < lowest { finish() } else { doc = rowid }
                return
            }
            // The chunk is used up: the next one below the last rowid read.
            current = -1
            doc = rowid
            try advance(to: rowid - 1)
        }
    }

    /// Starts a window: chunks read before it (but the current one) may be reused.
    func beginWindow() {
        guard retainsChunks, poolUsed > 1 else { return }
        pool.swapAt(0, poolUsed - 1)
        poolUsed = 1
    }

    /// Where the current posting is: the retained chunk's number in this window and the posting's index in it.
    var reference: Int64 { Int64(poolUsed - 1) << 32 | Int64(current) }

    /// Appends the positions of a posting met in this window (`reference` as it was then).
    func positions(reference: Int64, into positions: inout [Int64]) {
        pool[Int(reference >> 32)].positions(Int(reference & 0xFFFF_FFFF), into: &positions)
    }

    /// Title and other-column occurrences in the current posting.
    var title: Int32 { chunk.titles[current] }
    var other: Int32 { chunk.others[current] }

    /// Appends the current posting's positions (`column << 32 | offset`, in order).
    func positions(into positions: inout [Int64]) {
        guard current >= 0 else { return }
        chunk.positions(current, into: &positions)
    }

    private func finish() {
        doc = -1
        current = -1
        close()
    }

    /// Steps to the next older chunk that holds a rowid at most `target` and decodes it; false at the end.
    private func nextChunk(until target: Int64) throws -> Bool {
        guard let statement else { return false }
        while true {
            let code = sqlite3_step(statement)
            guard code == SQLITE_ROW else {
                if code != SQLITE_DONE { throw SQLiteError(connection: index.connection.handle, code: code) }
                return false
            }
            guard let blob = sqlite3_column_blob(statement, 4) else { continue }
            let count = Int(sqlite3_column_bytes(statement, 4))
            let bytes = UnsafePointer(blob.assumingMemoryBound(to: UInt8.self))
            let first = DecodedChunk.firstRowid(bytes, byteCount: count)
            if first > target { continue }
            let postings = Int(sqlite3_column_int64(statement, 1))
            let decoded: Bool
            if retainsChunks {
                if poolUsed == pool.count { pool.append(DecodedChunk()) }
                chunk = pool[poolUsed]
                poolUsed += 1
                decoded = chunk.decode(copying: bytes, byteCount: count, count: postings)
            } else {
                decoded = chunk.decode(bytes, byteCount: count, count: postings)
            }
            guard decoded else {
                throw StoreError.corrupted(path: index.connection.path, detail: "a full-text index chunk does not decode")
            }
            chunkFirst = first
            chunkBound = TicketScoring.scaledBound(sqlite3_column_double(statement, 2),
                                                   storedAverage: sqlite3_column_double(statement, 3),
                                                   currentAverage: averageLength)
            current = chunk.count - 1
            return current >= 0
        }
    }
}
