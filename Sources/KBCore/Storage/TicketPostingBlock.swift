/// A block of one term's postings as a `ticket_postings` row keeps them (its `data`), in format 2 (schema version 5):
/// a LEB128 varint count, then per posting, in ascending rowid, three or four varints:
/// - the rowid: the first as it is, each next one as the difference from the one before;
/// - both counts in one, `otherCount << 2 | min(titleCount, 3)`: a term is in most titles at most twice, and in most
///   tickets' other columns fewer than 32 times, so one byte holds both;
/// - `titleCount - 3`, only when the title count is 3 or more;
/// - the ticket's length (the ranker needs it with each posting).
///
/// Writers fill a block to `capacity`; an insertion in the middle of a list may grow one up to `maximumCount` before
/// it splits (`TicketPostingsWriter`), so a reader may meet any count from 1 to `maximumCount`. A block body (the
/// postings without the count) is also what the writer buffers, so it copies buffered postings into blocks as they are
/// (`copyPostings`), only each block's first rowid rewritten.
enum TicketPostingBlock {
    /// Postings a writer puts in a block it fills in order.
    static let capacity = 128
    /// The most postings a block holds: past this an insertion splits it in two.
    static let maximumCount = 2 * capacity
    /// The largest title count the packed counts varint holds by itself; from it on, a varint of the rest follows.
    static let titleCountInline: UInt64 = 3

    /// The bytes of a block holding `postings`, which are in strictly ascending rowid.
    static func encode<Postings: Collection<TicketPosting>>(_ postings: Postings) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 + postings.count * 5)
        appendVarint(UInt64(postings.count), to: &bytes)
        var previous: Int64?
        for posting in postings {
            appendPosting(posting, after: previous, to: &bytes)
            previous = posting.rowid
        }
        return bytes
    }

    /// How many postings the block holds (its first varint).
    static func count(_ block: UnsafeBufferPointer<UInt8>) throws -> Int {
        var offset = 0
        let count = try readVarint(block, &offset)
        guard count <= UInt64(maximumCount) else { throw corrupted("a block claims \(count) postings") }
        return Int(count)
    }

    /// Calls `body` with each posting of the block, in ascending rowid, without allocating.
    ///
    /// Throws `StoreError.corrupted` when the bytes are not a block (truncated, rowids not ascending, counts that do not
    /// fit), and whatever `body` throws.
    @inline(__always)
    static func decode(_ block: UnsafeBufferPointer<UInt8>, _ body: (TicketPosting) throws -> Void) throws {
        var offset = 0
        let count = try readVarint(block, &offset)
        guard count <= UInt64(maximumCount) else { throw corrupted("a block claims \(count) postings") }
        try decodePostings(block, from: &offset, count: Int(count), body)
        guard offset == block.count else { throw corrupted("\(block.count - offset) bytes follow the last posting") }
    }

    /// Decodes `count` postings written by `appendPosting` from `offset` on (a block's body).
    @inline(__always)
    static func decodePostings(_ block: UnsafeBufferPointer<UInt8>, from offset: inout Int, count: Int,
                               _ body: (TicketPosting) throws -> Void) throws {
        var rowid: Int64 = 0
        for index in 0..<count {
            let step = try readVarint(block, &offset)
            if index == 0 {
                rowid = Int64(bitPattern: step)
            } else {
                guard step > 0, case (let next, false) = rowid.addingReportingOverflow(Int64(bitPattern: step)), next > rowid else {
                    throw corrupted("rowids do not ascend")
                }
                rowid = next
            }
            let (title, other) = try readCounts(block, &offset)
            let length = try readCount(block, &offset)
            try body(TicketPosting(rowid: rowid, titleCount: title, otherCount: other, length: length))
        }
    }

    /// The block's rowids in an array, ascending (for readers that need no counts).
    static func rowids(_ block: UnsafeBufferPointer<UInt8>) throws -> [Int64] {
        var rowids: [Int64] = []
        rowids.reserveCapacity(try count(block))
        try decode(block) { rowids.append($0.rowid) }
        return rowids
    }

    /// The block's postings in an array (for writers and tests; search reads blocks with `decode(_:_:)`).
    static func postings(_ block: UnsafeBufferPointer<UInt8>) throws -> [TicketPosting] {
        var postings: [TicketPosting] = []
        postings.reserveCapacity(try count(block))
        try decode(block) { postings.append($0) }
        return postings
    }

    // MARK: - Copying postings

    /// A block holding `count` postings of a block body (`appendPosting`'s bytes, as a writer buffers them) from
    /// `offset` on; `rowid` is the rowid of the posting before `offset` (0 at a body's start, whose first rowid is
    /// whole). Moves `offset` past them and sets `rowid` to the last one's.
    static func block(_ count: Int, of body: UnsafeBufferPointer<UInt8>, from offset: inout Int,
                      rowid: inout Int64) throws -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(10 + count * 5)
        appendVarint(UInt64(count), to: &bytes)
        try copyPostings(count, of: body, from: &offset, rowid: &rowid, after: nil, to: &bytes)
        return bytes
    }

    /// `block` (whose last rowid is `lastRowid`) with `count` postings of a body appended, read as `block(_:of:from:rowid:)`
    /// reads them; their rowids are all above `lastRowid`.
    static func appending(_ count: Int, of body: UnsafeBufferPointer<UInt8>, from offset: inout Int, rowid: inout Int64,
                          to block: UnsafeBufferPointer<UInt8>, lastRowid: Int64) throws -> [UInt8] {
        var blockOffset = 0
        let stored = try readVarint(block, &blockOffset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(block.count + 10 + count * 5)
        appendVarint(stored + UInt64(count), to: &bytes)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: block[blockOffset...]))
        try copyPostings(count, of: body, from: &offset, rowid: &rowid, after: lastRowid, to: &bytes)
        return bytes
    }

    /// Appends `count` postings of a body to `bytes` as postings following the one at rowid `base` (nil: as the first
    /// of a block). Only the first one's rowid is written anew: every other one is a difference from the posting before
    /// it, copied with it, so the bytes from the first one's counts to the end of the last one are copied as they are.
    private static func copyPostings(_ count: Int, of body: UnsafeBufferPointer<UInt8>, from offset: inout Int,
                                     rowid: inout Int64, after base: Int64?, to bytes: inout [UInt8]) throws {
        precondition(count > 0, "copying no postings")
        let first = rowid &+ Int64(bitPattern: try readVarint(body, &offset))
        if let base {
            precondition(first > base, "postings must ascend")
            appendVarint(UInt64(bitPattern: first &- base), to: &bytes)
        } else {
            appendVarint(UInt64(bitPattern: first), to: &bytes)
        }
        let start = offset
        rowid = first
        try skipCounts(body, &offset)
        for _ in 1..<count {
            rowid &+= Int64(bitPattern: try readVarint(body, &offset))
            try skipCounts(body, &offset)
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: body[start..<offset]))
    }

    /// The posting at `offset` of a body whose posting before it is at `rowid` (0 at a body's start); moves `offset`
    /// past it and sets `rowid` to its.
    static func readPosting(_ body: UnsafeBufferPointer<UInt8>, from offset: inout Int, rowid: inout Int64) throws -> TicketPosting {
        rowid &+= Int64(bitPattern: try readVarint(body, &offset))
        let (title, other) = try readCounts(body, &offset)
        return TicketPosting(rowid: rowid, titleCount: title, otherCount: other, length: try readCount(body, &offset))
    }

    /// Moves `offset` past a posting's counts and length.
    @inline(__always)
    private static func skipCounts(_ body: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws {
        if try readVarint(body, &offset) & 3 == titleCountInline { _ = try readVarint(body, &offset) }
        _ = try readVarint(body, &offset)
    }

    // MARK: - Varints

    /// Appends one posting's varints; its rowid as the difference from `previous`, or whole when nil (a first).
    static func appendPosting(_ posting: TicketPosting, after previous: Int64?, to bytes: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let count = encodePosting(posting, after: previous, into: raw)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[..<count]))
        }
    }

    /// The most bytes `encodePosting` writes: a 64-bit rowid, the packed counts (33 bits), the title's rest and the
    /// length (32 bits each).
    static let maximumPostingBytes = 10 + 5 + 5 + 5

    /// Writes one posting's varints at the start of `raw` (at least `maximumPostingBytes` long); returns how many bytes
    /// they took.
    @inline(__always)
    static func encodePosting(_ posting: TicketPosting, after previous: Int64?, into raw: UnsafeMutableRawBufferPointer) -> Int {
        let rowid: UInt64
        if let previous {
            precondition(posting.rowid > previous, "postings must ascend")
            rowid = UInt64(bitPattern: posting.rowid &- previous)
        } else {
            rowid = UInt64(bitPattern: posting.rowid)
        }
        precondition(posting.titleCount >= 0 && posting.otherCount >= 0 && posting.length >= 0, "negative count")
        let title = UInt64(posting.titleCount)
        var count = 0
        func put(_ value: UInt64) {
            var value = value
            while value >= 0x80 {
                raw[count] = UInt8(truncatingIfNeeded: value) | 0x80
                value >>= 7
                count += 1
            }
            raw[count] = UInt8(value)
            count += 1
        }
        put(rowid)
        put(UInt64(posting.otherCount) << 2 | min(title, titleCountInline))
        if title >= titleCountInline { put(title - titleCountInline) }
        put(UInt64(posting.length))
        return count
    }

    /// Appends `value` as an unsigned LEB128 varint: seven bits a byte, lowest first, the high bit set on all but the last.
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    @inline(__always)
    static func readVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> UInt64 {
        // Most of a block's varints are one or two bytes (rowid steps in a dense list, packed counts, lengths): read
        // those without the general loop's per-byte checks.
        if offset + 1 < bytes.count {
            let first = bytes[offset]
            if first < 0x80 {
                offset += 1
                return UInt64(first)
            }
            let second = bytes[offset + 1]
            if second < 0x80 {
                offset += 2
                return UInt64(first & 0x7F) | UInt64(second) << 7
            }
        }
        return try readLongVarint(bytes, &offset)
    }

    /// `readVarint` for a varint of three or more bytes, or at a buffer's last byte.
    private static func readLongVarint(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            let byte = bytes[offset]
            offset += 1
            guard shift < 64, shift < 63 || byte <= 1 else { throw corrupted("a varint overflows 64 bits") }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
        throw corrupted("a block ends inside a varint")
    }

    /// A posting's title and other columns' counts: the packed varint, and the title's rest when it says one follows.
    @inline(__always)
    private static func readCounts(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> (title: Int32, other: Int32) {
        let packed = try readVarint(bytes, &offset)
        guard packed >> 2 <= UInt64(Int32.max) else { throw corrupted("a count exceeds 32 bits") }
        var title = packed & 3
        if title == titleCountInline {
            let rest = try readVarint(bytes, &offset)
            guard rest <= UInt64(Int32.max) - titleCountInline else { throw corrupted("a count exceeds 32 bits") }
            title += rest
        }
        return (Int32(title), Int32(packed >> 2))
    }

    @inline(__always)
    static func readCount(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> Int32 {
        let value = try readVarint(bytes, &offset)
        guard value <= UInt64(Int32.max) else { throw corrupted("a count exceeds 32 bits") }
        return Int32(value)
    }

    static func corrupted(_ detail: String) -> StoreError {
        .corrupted(path: "ticket_postings", detail: "a posting block does not decode: \(detail)")
    }
}
