/// Sizes and column meanings of kb's ticket index (see `TicketIndex`).
enum TicketIndexLayout {
    /// The full-text columns of a ticket, in position order: title, description, resolution, root cause, timeline.
    static let columnCount = 5
    /// Postings per chunk row: the unit of reading and of skipping with a block upper bound.
    static let chunkPostings = 256
    /// Tickets per row of `ticket_lengths` (as a shift: 512).
    static let lengthBlockShift = 9
    static var lengthBlockSize: Int { 1 << lengthBlockShift }
    /// A chunk's key is `term id << 32 | rowid of its last posting`, so a term's chunks are one range of keys.
    static let rowidBits = 32
    static let largestRowid = Int64(1) << rowidBits - 1

    /// The key of term `id`'s chunk ending at `rowid`.
    @inline(__always)
    static func chunkKey(term id: Int64, last rowid: Int64) -> Int64 { id << rowidBits | rowid }

    /// The lowest and highest chunk key of term `id`.
    static func keyRange(term id: Int64) -> (lowest: Int64, highest: Int64) {
        (id << rowidBits, id << rowidBits | largestRowid)
    }
}
