extension TicketPostingBlock {
    /// Appends to `bytes` the block (current format) holding the postings of `block`, a block in format 1, which schema
    /// version 4 wrote: a varint count, then per posting four varints (rowid, the first whole and each next one as the
    /// difference from the one before; title count; other columns' count; length). Migration 5 converts stored blocks
    /// with it.
    ///
    /// Throws `StoreError.corrupted` when the bytes are not a format 1 block.
    static func convertingVersionOne(_ block: UnsafeBufferPointer<UInt8>, to bytes: inout [UInt8]) throws {
        var offset = 0
        let count = try readVarint(block, &offset)
        guard count <= UInt64(maximumCount) else { throw corrupted("a block claims \(count) postings") }
        appendVarint(count, to: &bytes)
        var previous: Int64?
        for _ in 0..<count {
            let step = try readVarint(block, &offset)
            let rowid: Int64
            if let previous {
                guard step > 0, case (let next, false) = previous.addingReportingOverflow(Int64(bitPattern: step)) else {
                    throw corrupted("rowids do not ascend")
                }
                rowid = next
            } else {
                rowid = Int64(bitPattern: step)
            }
            let title = try readCount(block, &offset)
            let other = try readCount(block, &offset)
            let length = try readCount(block, &offset)
            appendPosting(TicketPosting(rowid: rowid, titleCount: title, otherCount: other, length: length), after: previous,
                          to: &bytes)
            previous = rowid
        }
        guard offset == block.count else { throw corrupted("\(block.count - offset) bytes follow the last posting") }
    }
}
