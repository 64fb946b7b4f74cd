/// Postings of tickets written since the ticket index last flushed, held in memory as flat arrays.
///
/// Each analysed ticket adds one entry per distinct term (its title and other-column counts and its encoded
/// positions); replacing or removing a ticket cancels its entries still pending, or records deletions of the
/// postings already flushed. `TicketIndex.flush` groups the entries by term and merges them into the chunks.
struct PendingPostings {
    /// Every term met since the writer started, numbered densely.
    var terms = TermInterner()

    /// Entry `n`: term number (or -1 once cancelled), ticket rowid, counts and encoded positions.
    private(set) var entryTerm: [Int32] = []
    private(set) var entryRowid: [Int64] = []
    private(set) var entryTitle: [Int32] = []
    private(set) var entryOther: [Int32] = []
    private(set) var entryStart: [Int32] = []
    private(set) var entryEnd: [Int32] = []
    private(set) var positions: [UInt8] = []
    /// The pending entries of each ticket added since the last flush.
    private var entriesOfTicket: [Int64: Range<Int>] = [:]
    /// Postings to delete from the chunks: term number and rowid.
    private(set) var deletions: [(term: Int32, rowid: Int64)] = []
    /// New token counts, in arrival order (a later one for the same rowid wins); -1 removes the ticket.
    private(set) var lengths: [(rowid: Int64, length: Int)] = []
    /// Change in the number of indexed tickets and of their tokens.
    private(set) var documentDelta = 0
    private(set) var tokenDelta = 0

    // Scratch space for one ticket, reused.
    private var tokenTerm: [Int32] = []
    private var tokenColumn: [Int32] = []
    private var tokenOffset: [Int32] = []
    private var localSlot: [Int32] = []
    private var localStamp: [Int32] = []
    private var stamp: Int32 = 0
    private var localTerms: [Int32] = []
    private var localCount: [Int32] = []
    private var localNext: [Int32] = []
    private var ordered: [Int32] = []

    /// Number of live and cancelled entries held.
    var entryCount: Int { entryTerm.count }
    var isEmpty: Bool { entryTerm.isEmpty && deletions.isEmpty && lengths.isEmpty }
    /// Rough bytes held, for deciding when to flush.
    var byteCount: Int { entryTerm.count * 28 + positions.count + deletions.count * 16 }

    /// Adds ticket `rowid`, whose analysed columns `columns` calls `emit(column, term)` for in order.
    mutating func add(rowid: Int64, _ columns: ((_ column: Int, _ term: UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        collectTokens(columns)
        let first = entryTerm.count
        groupTokens()
        for local in localTerms.indices {
            let term = localTerms[local]
            var title: Int32 = 0
            var other: Int32 = 0
            let start = positions.count
            var previousColumn = 0
            var previousOffset = 0
            var token = Int(localNext[local])
            let end = local + 1 < localTerms.count ? Int(localNext[local + 1]) : ordered.count
            while token < end {
                let index = Int(ordered[token])
                let column = Int(tokenColumn[index])
                if column == 0 { title += 1 } else { other += 1 }
                PostingCodec.appendPosition(column: column, offset: Int(tokenOffset[index]), previousColumn: &previousColumn,
                                            previousOffset: &previousOffset, to: &positions)
                token += 1
            }
            entryTerm.append(term)
            entryRowid.append(rowid)
            entryTitle.append(title)
            entryOther.append(other)
            entryStart.append(Int32(start))
            entryEnd.append(Int32(positions.count))
        }
        entriesOfTicket[rowid] = first..<entryTerm.count
        lengths.append((rowid, tokenTerm.count))
        documentDelta += 1
        tokenDelta += tokenTerm.count
    }

    /// Removes ticket `rowid` as it was indexed: its pending entries if it was added since the last flush,
    /// else deletions of its flushed postings (the distinct terms of `columns`).
    mutating func remove(rowid: Int64, _ columns: ((_ column: Int, _ term: UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        collectTokens(columns)
        if let range = entriesOfTicket.removeValue(forKey: rowid) {
            for entry in range { entryTerm[entry] = -1 }
        } else {
            groupTokens()
            for term in localTerms { deletions.append((term, rowid)) }
        }
        lengths.append((rowid, -1))
        documentDelta -= 1
        tokenDelta -= tokenTerm.count
    }

    /// Forgets everything pending but the interned terms (their numbers stay valid).
    mutating func clear() {
        entryTerm.removeAll(keepingCapacity: true)
        entryRowid.removeAll(keepingCapacity: true)
        entryTitle.removeAll(keepingCapacity: true)
        entryOther.removeAll(keepingCapacity: true)
        entryStart.removeAll(keepingCapacity: true)
        entryEnd.removeAll(keepingCapacity: true)
        positions.removeAll(keepingCapacity: true)
        entriesOfTicket.removeAll()
        deletions.removeAll()
        lengths.removeAll()
        documentDelta = 0
        tokenDelta = 0
    }

    /// Reads one ticket's tokens into the scratch arrays.
    private mutating func collectTokens(_ columns: ((_ column: Int, _ term: UnsafeBufferPointer<UInt8>) -> Void) -> Void) {
        tokenTerm.removeAll(keepingCapacity: true)
        tokenColumn.removeAll(keepingCapacity: true)
        tokenOffset.removeAll(keepingCapacity: true)
        var currentColumn = -1
        var offset: Int32 = 0
        columns { column, term in
            if column != currentColumn {
                currentColumn = column
                offset = 0
            }
            tokenTerm.append(Int32(terms.intern(term)))
            tokenColumn.append(Int32(column))
            tokenOffset.append(offset)
            offset += 1
        }
    }

    /// Groups the scratch tokens by term, terms in order of first appearance: `localTerms`, and in `ordered`
    /// from `localNext[n]` the token indices of local term `n` in text order.
    private mutating func groupTokens() {
        stamp &+= 1
        if stamp == Int32.max { stamp = 1; for index in localStamp.indices { localStamp[index] = 0 } }
        if localSlot.count < terms.count {
            localSlot.append(contentsOf: repeatElement(0, count: terms.count - localSlot.count))
            localStamp.append(contentsOf: repeatElement(0, count: terms.count - localStamp.count))
        }
        localTerms.removeAll(keepingCapacity: true)
        localCount.removeAll(keepingCapacity: true)
        for term in tokenTerm {
            let index = Int(term)
            if localStamp[index] != stamp {
                localStamp[index] = stamp
                localSlot[index] = Int32(localTerms.count)
                localTerms.append(term)
                localCount.append(0)
            }
            localCount[Int(localSlot[index])] += 1
        }
        localNext.removeAll(keepingCapacity: true)
        var running: Int32 = 0
        for count in localCount {
            localNext.append(running)
            running += count
        }
        ordered.removeAll(keepingCapacity: true)
        ordered.append(contentsOf: repeatElement(0, count: tokenTerm.count))
        var fill = localNext
        for (index, term) in tokenTerm.enumerated() {
            let slot = Int(localSlot[Int(term)])
            ordered[Int(fill[slot])] = Int32(index)
            fill[slot] += 1
        }
    }
}
