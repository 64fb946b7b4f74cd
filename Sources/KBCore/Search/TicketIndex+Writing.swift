import CSQLite
import Foundation

extension TicketIndex {
    /// Indexes ticket `rowid`'s five full-text columns (title, description, resolution, root cause, timeline).
    ///
    /// `prepared` holds the same texts analysed ahead of time by import's reading thread, replayed when its language
    /// is the tokenizer's. Outside `bulk { }` the postings are merged into the chunks before returning.
    func add(rowid: Int64, texts: [String], prepared: PreparedTerms? = nil) throws {
        guard rowid > 0, rowid <= TicketIndexLayout.largestRowid else { throw StoreError.corrupted(
            path: connection.path, detail: "ticket rowid \(rowid) is outside the full-text index's range") }
        let replay = prepared.flatMap { $0.language == tokenizer.language && $0.texts == texts ? $0 : nil }
        let source = tokenizer.source(for: nil)
        pending.add(rowid: rowid) { emit in
            Self.analyse(texts, prepared: replay, source: source, emit)
        }
        try flushIfNeeded()
    }

    /// Removes ticket `rowid` as it was indexed, from the same five texts it was indexed with.
    func remove(rowid: Int64, texts: [String]) throws {
        let source = tokenizer.source(for: nil)
        pending.remove(rowid: rowid) { emit in
            Self.analyse(texts, prepared: nil, source: source, emit)
        }
        try flushIfNeeded()
    }

    /// Runs `body` with writes buffered: postings are merged when the buffer grows past `flushThreshold` and once
    /// more when `body` returns. Call inside the transaction that writes the tickets.
    func bulk<T>(_ body: () throws -> T) throws -> T {
        bulkDepth += 1
        do {
            let result = try body()
            bulkDepth -= 1
            if bulkDepth == 0 { try flush(final: true) }
            return result
        } catch {
            bulkDepth -= 1
            if bulkDepth == 0 { discardPending() }
            throw error
        }
    }

    /// Forgets pending writes (the caller rolls back its transaction).
    func discardPending() {
        pending = PendingPostings()
        termStates.removeAll()
        onDisk = nil
        writeGeneration += 1
    }

    private func flushIfNeeded() throws {
        if bulkDepth == 0 {
            try flush(final: true)
        } else if pending.byteCount > flushThreshold {
            try flush(final: false)
        }
    }

    /// Calls `emit(column, term)` for every term of the five texts, column by column.
    static func analyse(_ texts: [String], prepared: PreparedTerms?, source: TermSource,
                        _ emit: (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        withoutActuallyEscaping(emit) { emit in analyseEscaping(texts, prepared: prepared, source: source, emit) }
    }

    private static func analyseEscaping(_ texts: [String], prepared: PreparedTerms?, source: TermSource,
                                        _ emit: @escaping (Int, UnsafeBufferPointer<UInt8>) -> Void) {
        for (column, text) in texts.prefix(TicketIndexLayout.columnCount).enumerated() {
            if let prepared {
                prepared.replay(column) { term, _, _ in
                    emit(column, term)
                    return true
                }
                continue
            }
            var text = text
            text.withUTF8 { bytes in
                source(bytes) { term, _, _ in
                    emit(column, term)
                    return true
                }
            }
        }
    }

    // MARK: - Flushing

    /// Merges pending postings into the chunks; `final` also writes term rows and counts and ends the write.
    func flush(final: Bool) throws {
        defer { writeGeneration += 1 }
        if !pending.isEmpty {
            var statistics = try onDisk ?? readStatistics()
            statistics.documents += pending.documentDelta
            statistics.tokens += pending.tokenDelta
            let average = statistics.documents > 0 && statistics.tokens > 0
                ? Double(statistics.tokens) / Double(statistics.documents) : 1
            let lengths = PendingLengths(pending.lengths)
            try writeLengths(lengths)
            try mergePostings(average: average, lengths: lengths, statistics: &statistics)
            onDisk = statistics
            pending.clear()
        }
        guard final else { return }
        if let statistics = onDisk {
            try writeTermStates()
            try writeStatistics(statistics)
        }
        pending = PendingPostings()
        termStates.removeAll()
        onDisk = nil
    }

    /// Writes each touched term's row: its id, document frequency and bound (or deletes a term no ticket holds).
    private func writeTermStates() throws {
        let upsert = try connection.cached(
            "INSERT OR REPLACE INTO ticket_terms(term, id, documents, bound, average) VALUES (?, ?, ?, ?, ?)")
        let delete = try connection.cached("DELETE FROM ticket_terms WHERE term = ?")
        for (index, state) in termStates.enumerated() {
            guard let state, state.dirty, let id = state.id else { continue }
            let term = pending.terms.string(index)
            if state.documents > 0 {
                try upsert.execute([term, id, state.documents, state.bound, state.average])
            } else if state.existed {
                try delete.execute([term])
            }
        }
    }

    private func writeLengths(_ lengths: PendingLengths) throws {
        var blocks: [Int: [(slot: Int, length: Int)]] = [:]
        for (rowid, length) in lengths.all {
            let block = Int(rowid >> TicketIndexLayout.lengthBlockShift)
            blocks[block, default: []].append((Int(rowid) & (TicketIndexLayout.lengthBlockSize - 1), max(0, length)))
        }
        let write = try connection.cached("INSERT OR REPLACE INTO ticket_lengths(block, lengths) VALUES (?, ?)")
        for (block, changes) in blocks.sorted(by: { $0.key < $1.key }) {
            var values = try readLengthBlock(block) ?? Array(repeating: 0, count: TicketIndexLayout.lengthBlockSize)
            for change in changes { values[change.slot] = UInt32(clamping: change.length) }
            try write.execute([block, SQLValue.blob(Self.encodeLengths(values))])
        }
    }

    /// The writer's state of interned term `index`, read from `ticket_terms` the first time.
    private func termState(_ index: Int) throws -> TermState {
        if index < termStates.count, let state = termStates[index] { return state }
        let info = try termInfoIncludingEmpty(pending.terms.string(index))
        let state = TermState(id: info?.id, documents: info?.documents ?? 0, bound: info?.bound ?? 0,
                              average: info?.average ?? 1, existed: info != nil)
        return state
    }

    private func storeTermState(_ state: TermState, at index: Int) {
        if termStates.count <= index { termStates.append(contentsOf: repeatElement(nil, count: index + 1 - termStates.count)) }
        termStates[index] = state
    }

    private func termInfoIncludingEmpty(_ term: String) throws -> TermInfo? {
        try connection.cached("SELECT id, documents, bound, average FROM ticket_terms WHERE term = ?").first([term]) { row in
            TermInfo(id: row.int64(0), documents: row.int(1), bound: row.double(2), average: row.double(3))
        }
    }

    /// Groups pending entries and deletions by term and merges each term's into its chunks.
    private func mergePostings(average: Double, lengths: PendingLengths, statistics: inout Statistics) throws {
        let termCount = pending.terms.count
        var starts = [Int](repeating: 0, count: termCount + 1)
        for term in pending.entryTerm where term >= 0 { starts[Int(term) + 1] += 1 }
        for index in 0..<termCount { starts[index + 1] += starts[index] }
        var entries = [Int](repeating: 0, count: starts[termCount])
        var fill = starts
        for (entry, term) in pending.entryTerm.enumerated() where term >= 0 {
            entries[fill[Int(term)]] = entry
            fill[Int(term)] += 1
        }
        var deletionsByTerm: [Int32: [Int64]] = [:]
        for deletion in pending.deletions { deletionsByTerm[deletion.term, default: []].append(deletion.rowid) }
        for term in 0..<termCount {
            let range = starts[term]..<starts[term + 1]
            let deletions = deletionsByTerm[Int32(term)] ?? []
            guard !range.isEmpty || !deletions.isEmpty else { continue }
            try mergeTerm(term, entries: entries[range], deletions: deletions.sorted(), average: average,
                          lengths: lengths, statistics: &statistics)
        }
    }

    /// One posting while chunks are rewritten: from an old chunk's bytes or from the pending buffer.
    private struct Posting {
        var rowid: Int64
        var title: Int32
        var other: Int32
        var fromPending: Bool
        var start: Int32
        var end: Int32
    }

    private func mergeTerm(_ term: Int, entries: ArraySlice<Int>, deletions: [Int64], average: Double,
                           lengths: PendingLengths, statistics: inout Statistics) throws {
        var state = try termState(term)
        if state.id == nil {
            state.id = statistics.nextTerm
            statistics.nextTerm += 1
        }
        let id = state.id!
        var inserts = Array(entries)
        let rowids = pending.entryRowid
        if zip(inserts, inserts.dropFirst()).contains(where: { rowids[$0.0] >= rowids[$0.1] }) {
            inserts.sort { rowids[$0] < rowids[$1] }
        }
        var newBound = 0.0
        for entry in inserts {
            newBound = max(newBound, saturation(entry, lengths: lengths, average: average))
        }
        if !state.lastChunkKnown {
            state.lastChunk = try lastChunk(term: id)
            state.lastChunkKnown = true
        }
        var deleted = 0
        if deletions.isEmpty, let first = inserts.first, rowids[first] > (state.lastChunk?.last ?? 0) {
            // Appending newer tickets: only the last chunk, when not full, is rewritten.
            var postings: [Posting] = []
            var oldData: [UInt8] = []
            var oldBound = 0.0
            if let last = state.lastChunk, last.count < TicketIndexLayout.chunkPostings {
                oldData = try chunkData(key: last.key)
                postings = try decodePostings(oldData, count: last.count)
                oldBound = TicketScoring.scaledBound(last.bound, storedAverage: last.average, currentAverage: average)
                try deleteChunk(key: last.key)
            }
            for entry in inserts {
                postings.append(Posting(rowid: rowids[entry], title: pending.entryTitle[entry], other: pending.entryOther[entry],
                                        fromPending: true, start: pending.entryStart[entry], end: pending.entryEnd[entry]))
            }
            state.lastChunk = try writeChunks(term: id, postings: postings[...], oldData: oldData, oldBound: oldBound,
                                              lengths: lengths, average: average)
        } else {
            deleted = try mergeAnywhere(term: id, inserts: inserts, deletions: deletions, average: average, lengths: lengths)
            state.lastChunkKnown = false
        }
        state.documents += inserts.count - deleted
        state.bound = max(TicketScoring.scaledBound(state.bound, storedAverage: state.average, currentAverage: average), newBound)
        state.average = average
        state.dirty = true
        storeTermState(state, at: term)
    }

    /// Inserts and deletes postings wherever their rowids fall, chunk by chunk; returns how many postings it deleted.
    private func mergeAnywhere(term id: Int64, inserts: [Int], deletions: [Int64], average: Double,
                               lengths: PendingLengths) throws -> Int {
        enum Operation { case insert(Int), delete }
        var operations: [(rowid: Int64, operation: Operation)] = inserts.map { (pending.entryRowid[$0], .insert($0)) }
        operations += deletions.map { ($0, .delete) }
        // Deletions only ever match postings already in a chunk, so their order among inserts does not matter.
        operations.sort { $0.rowid < $1.rowid }
        var deleted = 0
        var index = 0
        let (_, highest) = TicketIndexLayout.keyRange(term: id)
        while index < operations.count {
            let rowid = operations[index].rowid
            var chunk = try firstChunk(from: TicketIndexLayout.chunkKey(term: id, last: rowid), to: highest)
            var groupEnd = operations.count
            if let covering = chunk {
                groupEnd = index
                while groupEnd < operations.count && operations[groupEnd].rowid <= covering.last { groupEnd += 1 }
            } else if let last = try lastChunk(term: id), last.count < TicketIndexLayout.chunkPostings {
                chunk = last
            }
            var postings: [Posting] = []
            var oldData: [UInt8] = []
            var oldBound = 0.0
            if let chunk {
                oldData = try chunkData(key: chunk.key)
                postings = try decodePostings(oldData, count: chunk.count)
                oldBound = TicketScoring.scaledBound(chunk.bound, storedAverage: chunk.average, currentAverage: average)
                try deleteChunk(key: chunk.key)
            }
            for (rowid, operation) in operations[index..<groupEnd] {
                switch operation {
                case .delete:
                    if let found = postings.firstIndex(where: { $0.rowid == rowid && !$0.fromPending }) {
                        postings.remove(at: found)
                        deleted += 1
                    }
                case .insert(let entry):
                    let posting = Posting(rowid: rowid, title: pending.entryTitle[entry], other: pending.entryOther[entry],
                                          fromPending: true, start: pending.entryStart[entry], end: pending.entryEnd[entry])
                    let at = postings.firstIndex { $0.rowid > rowid } ?? postings.count
                    postings.insert(posting, at: at)
                }
            }
            if !postings.isEmpty {
                _ = try writeChunks(term: id, postings: postings[...], oldData: oldData, oldBound: oldBound,
                                    lengths: lengths, average: average)
            }
            index = groupEnd
        }
        return deleted
    }

    /// Writes `postings` as chunks of at most `chunkPostings`; returns the header of the last one written.
    ///
    /// A chunk's bound is the largest saturation of its pending postings and, when it holds postings of the old
    /// chunk `oldData`, that chunk's bound (scaled to the current average).
    private func writeChunks(term id: Int64, postings: ArraySlice<Posting>, oldData: [UInt8], oldBound: Double,
                             lengths: PendingLengths, average: Double) throws -> ChunkHeader? {
        var header: ChunkHeader?
        var start = postings.startIndex
        let insert = try connection.cached("INSERT INTO ticket_postings(key, count, bound, average, data) VALUES (?, ?, ?, ?, ?)")
        let positions = pending.positions
        var data = chunkBuffer
        defer { chunkBuffer = data }
        while start < postings.endIndex {
            let end = min(start + TicketIndexLayout.chunkPostings, postings.endIndex)
            var bound = 0.0
            for posting in postings[start..<end] {
                if posting.fromPending {
                    let frequency = Self.boundWeights[0] * Double(posting.title) + Double(posting.other)
                    bound = max(bound, TicketScoring.saturation(
                        frequency: frequency, tokens: lengths.length(of: posting.rowid), averageLength: average))
                } else {
                    bound = max(bound, oldBound)
                }
            }
            let previous = postings[end - 1].rowid
            positions.withUnsafeBufferPointer { newBytes in
                oldData.withUnsafeBufferPointer { oldBytes in
                    PostingCodec.encodeChunk(count: end - start, into: &data) { index in
                        let posting = postings[start + index]
                        let range = Int(posting.start)..<Int(posting.end)
                        return (posting.rowid, posting.title, posting.other,
                                UnsafeBufferPointer(rebasing: (posting.fromPending ? newBytes : oldBytes)[range]))
                    }
                }
            }
            let key = TicketIndexLayout.chunkKey(term: id, last: previous)
            try insertChunk(insert, key: key, count: end - start, bound: bound, average: average, data: data)
            header = ChunkHeader(key: key, count: end - start, bound: bound, average: average)
            start = end
        }
        return header
    }

    /// Binds a chunk row directly: this runs for every chunk an import writes.
    private func insertChunk(_ statement: Statement, key: Int64, count: Int, bound: Double, average: Double,
                             data: [UInt8]) throws {
        let handle = statement.handle
        sqlite3_reset(handle)
        sqlite3_bind_int64(handle, 1, key)
        sqlite3_bind_int64(handle, 2, Int64(count))
        sqlite3_bind_double(handle, 3, bound)
        sqlite3_bind_double(handle, 4, average)
        let code = data.withUnsafeBytes { raw in
            sqlite3_bind_blob64(handle, 5, raw.baseAddress, sqlite3_uint64(raw.count), SQLITE_TRANSIENT)
        }
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code, sql: statement.sql) }
        while try statement.step() {}
    }

    /// f/(f + K) of pending entry `entry` for the stored bounds.
    private func saturation(_ entry: Int, lengths: PendingLengths, average: Double) -> Double {
        let frequency = Self.boundWeights[0] * Double(pending.entryTitle[entry]) + Double(pending.entryOther[entry])
        return TicketScoring.saturation(frequency: frequency, tokens: lengths.length(of: pending.entryRowid[entry]),
                                        averageLength: average)
    }

    /// The postings of a chunk's bytes (`count` of them), positions left in place.
    private func decodePostings(_ data: [UInt8], count: Int) throws -> [Posting] {
        try data.withUnsafeBufferPointer { buffer in
            guard let bytes = buffer.baseAddress, decodedChunk.decode(bytes, byteCount: buffer.count, count: count) else {
                throw StoreError.corrupted(path: connection.path, detail: "a full-text index chunk does not decode")
            }
            return (0..<count).map { posting in
                Posting(rowid: decodedChunk.rowids[posting], title: decodedChunk.titles[posting],
                        other: decodedChunk.others[posting], fromPending: false,
                        start: Int32(decodedChunk.positionsOffset(posting)), end: Int32(decodedChunk.positionsEnd(posting)))
            }
        }
    }

    private func lastChunk(term id: Int64) throws -> ChunkHeader? {
        let (lowest, highest) = TicketIndexLayout.keyRange(term: id)
        return try connection.cached(
            "SELECT key, count, bound, average FROM ticket_postings WHERE key BETWEEN ? AND ? ORDER BY key DESC LIMIT 1"
        ).first([lowest, highest]) { ChunkHeader(key: $0.int64(0), count: $0.int(1), bound: $0.double(2), average: $0.double(3)) }
    }

    private func firstChunk(from lowest: Int64, to highest: Int64) throws -> ChunkHeader? {
        try connection.cached(
            "SELECT key, count, bound, average FROM ticket_postings WHERE key BETWEEN ? AND ? ORDER BY key LIMIT 1"
        ).first([lowest, highest]) { ChunkHeader(key: $0.int64(0), count: $0.int(1), bound: $0.double(2), average: $0.double(3)) }
    }

    private func chunkData(key: Int64) throws -> [UInt8] {
        try connection.cached("SELECT data FROM ticket_postings WHERE key = ?").first([key]) { $0.blob(0) } ?? []
    }

    private func deleteChunk(key: Int64) throws {
        try connection.cached("DELETE FROM ticket_postings WHERE key = ?").execute([key])
    }
}

/// The token counts of the tickets a flush writes, looked up by rowid: a plain array over the rowids' span when
/// they are dense (an import appends consecutive rowids), a dictionary otherwise.
struct PendingLengths {
    private var lowest: Int64 = 0
    private var dense: [Int32] = []
    private var sparse: [Int64: Int] = [:]
    /// The final count of every ticket (-1: removed), in rowid order.
    private(set) var all: [(rowid: Int64, length: Int)] = []

    init(_ changes: [(rowid: Int64, length: Int)]) {
        guard let first = changes.first else { return }
        var lowest = first.rowid, highest = first.rowid
        for change in changes {
            lowest = min(lowest, change.rowid)
            highest = max(highest, change.rowid)
        }
        if highest - lowest < Int64(changes.count) * 4 + 1024 {
            self.lowest = lowest
            dense = Array(repeating: Int32.min, count: Int(highest - lowest) + 1)
            for change in changes { dense[Int(change.rowid - lowest)] = Int32(clamping: change.length) }
            for (offset, length) in dense.enumerated() where length != Int32.min {
                all.append((lowest + Int64(offset), Int(length)))
            }
        } else {
            for change in changes { sparse[change.rowid] = change.length }
            all = sparse.map { ($0.key, $0.value) }.sorted { $0.rowid < $1.rowid }
        }
    }

    /// The ticket's token count (0 when unknown or removed).
    @inline(__always)
    func length(of rowid: Int64) -> Int {
        if !dense.isEmpty {
            let offset = rowid - lowest
            guard offset >= 0, offset < Int64(dense.count) else { return 0 }
            return max(0, Int(dense[Int(offset)]))
        }
        return max(0, sparse[rowid] ?? 0)
    }
}
