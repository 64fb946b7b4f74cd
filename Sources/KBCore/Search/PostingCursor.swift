/// One phrase's postings in rowid order, positioned on one posting at a time: read block by block from
/// `ticket_postings` (a block is decoded only when the cursor lands in it), or from memory for a phrase of several words.
///
/// `seek` steps over whole blocks by their last rowid without decoding them, so a common term whose list is only
/// probed for a few tickets costs a few blocks, not its whole list. A struct, mutated in place: a class's stored
/// properties would be checked for exclusive access at run time on every posting.
struct PostingCursor {
    /// The current posting's rowid; `Int64.max` once the postings are exhausted.
    private(set) var rowid: Int64 = .max
    /// The current posting's weighted count: `titleWeight` per occurrence in the title, 1 per other occurrence.
    private(set) var frequency = 0.0
    /// The current ticket's length in tokens.
    private(set) var length: Int32 = 0
    /// Whether the counts only bound the phrase's (`TicketPostingsRanker.TermList`).
    let estimated: Bool

    private let titleWeight: Double
    /// The block in memory: its postings' rowids, weighted counts and lengths (`count` of them), in buffers the cursor
    /// reads through pointers, which Swift checks neither for uniqueness nor for exclusive access.
    private let buffers: Buffers
    private var count = 0
    private var index = 0
    /// The blocks not read yet, in rowid order; nil for postings held in memory.
    private let blocks: Statement?

    /// Owns the cursor's buffers (a struct cannot free them).
    private final class Buffers {
        let rowids: UnsafeMutablePointer<Int64>
        let frequencies: UnsafeMutablePointer<Double>
        let lengths: UnsafeMutablePointer<Int32>

        init(capacity: Int) {
            rowids = .allocate(capacity: max(1, capacity))
            frequencies = .allocate(capacity: max(1, capacity))
            lengths = .allocate(capacity: max(1, capacity))
        }

        deinit {
            rowids.deallocate()
            frequencies.deallocate()
            lengths.deallocate()
        }
    }

    /// A cursor over `term`'s stored postings from rowid `lower` on.
    init(store: Store, term: String, titleWeight: Double, from lower: Int64 = .min) throws {
        estimated = false
        self.titleWeight = titleWeight
        buffers = Buffers(capacity: TicketPostingBlock.maximumCount)
        blocks = try store.ticketPostingBlocks(of: term, from: lower)
        try load(reaching: lower)
    }

    /// A cursor over postings already in memory (ascending rowid).
    init(postings: [TicketPosting], estimated: Bool, titleWeight: Double) {
        self.estimated = estimated
        self.titleWeight = titleWeight
        blocks = nil
        buffers = Buffers(capacity: postings.count)
        for (index, posting) in postings.enumerated() {
            buffers.rowids[index] = posting.rowid
            buffers.frequencies[index] = titleWeight * Double(posting.titleCount) + Double(posting.otherCount)
            buffers.lengths[index] = posting.length
        }
        count = postings.count
        settle()
    }

    /// Moves to the next posting.
    @inline(__always)
    mutating func next() throws {
        index += 1
        if index < count {
            settle()
        } else {
            try load(reaching: .min)
        }
    }

    /// Moves to the first posting whose rowid is `target` or above (staying put when already there).
    mutating func seek(_ target: Int64) throws {
        guard rowid < target else { return }
        if count > 0, buffers.rowids[count - 1] >= target {
            index = Self.firstIndex(in: UnsafeBufferPointer(start: buffers.rowids, count: count), from: index, reaching: target) { $0 }
            settle()
        } else {
            try load(reaching: target)
        }
    }

    /// Reads blocks until one ends at `target` or above, decodes it and moves to its first posting reaching `target`;
    /// exhausts the cursor when no block does.
    private mutating func load(reaching target: Int64) throws {
        count = 0
        index = 0
        guard let blocks else { return settle() }
        while try blocks.step() {
            let row = Row(statement: blocks)
            guard row.int64(0) >= target else { continue }
            let weight = titleWeight
            let rowids = buffers.rowids
            let frequencies = buffers.frequencies
            let lengths = buffers.lengths
            var decoded = 0
            try row.withBlob(1) { block in
                // `decode` throws before passing more than `maximumCount` postings, the buffers' capacity.
                try TicketPostingBlock.decode(block) { posting in
                    rowids[decoded] = posting.rowid
                    frequencies[decoded] = weight * Double(posting.titleCount) + Double(posting.otherCount)
                    lengths[decoded] = posting.length
                    decoded += 1
                }
            }
            count = decoded
            index = Self.firstIndex(in: UnsafeBufferPointer(start: rowids, count: count), from: 0, reaching: target) { $0 }
            return settle()
        }
        settle()
    }

    @inline(__always)
    private mutating func settle() {
        if index < count {
            rowid = buffers.rowids[index]
            frequency = buffers.frequencies[index]
            length = buffers.lengths[index]
        } else {
            rowid = .max
        }
    }

    /// The first index at or after `start` whose element's rowid (`rowid`) is at least `target`: galloping from `start`,
    /// then binary search, so a nearby target costs a few steps.
    static func firstIndex<Elements: RandomAccessCollection>(in elements: Elements, from start: Int, reaching target: Int64,
                                                            rowid: (Elements.Element) -> Int64) -> Int where Elements.Index == Int {
        var low = start
        var high = start
        var step = 1
        while high < elements.count && rowid(elements[high]) < target {
            low = high + 1
            high = start + step
            step *= 2
        }
        high = min(high, elements.count)
        while low < high {
            let middle = (low + high) / 2
            if rowid(elements[middle]) < target { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
