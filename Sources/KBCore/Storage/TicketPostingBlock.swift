/// A block of one term's postings as a `ticket_postings` row keeps them (its `data`): a LEB128 varint count, then per
/// posting, in ascending rowid, four varints: the rowid (the first as it is, each next one as the difference from the
/// one before), the title count, the other columns' count and the length.
///
/// Writers fill a block to `capacity`; an insertion in the middle of a list may grow one up to `maximumCount` before
/// it splits (`TicketPostingsWriter`), so a reader may meet any count from 1 to `maximumCount`.
enum TicketPostingBlock {
    /// Postings a writer puts in a block it fills in order.
    static let capacity = 128
    /// The most postings a block holds: past this an insertion splits it in two.
    static let maximumCount = 2 * capacity

    /// The bytes of a block holding `postings`, which are in strictly ascending rowid.
    static func encode<Postings: Collection<TicketPosting>>(_ postings: Postings) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(1 + postings.count * 6)
        appendVarint(UInt64(postings.count), to: &bytes)
        appendPostings(postings, after: nil, to: &bytes)
        return bytes
    }

    /// `block` (whose last rowid is `lastRowid`) with `postings` appended; their rowids are all above `lastRowid`.
    static func appending<Postings: Collection<TicketPosting>>(
        _ postings: Postings, to block: UnsafeBufferPointer<UInt8>, lastRowid: Int64
    ) throws -> [UInt8] {
        var offset = 0
        let count = try readVarint(block, &offset)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(block.count + 2 + postings.count * 6)
        appendVarint(count + UInt64(postings.count), to: &bytes)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: block[offset...]))
        appendPostings(postings, after: lastRowid, to: &bytes)
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

    /// Decodes `count` postings written by `appendPosting` from `offset` on (a block's body, or a writer's buffer).
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
            let title = try readCount(block, &offset)
            let other = try readCount(block, &offset)
            let length = try readCount(block, &offset)
            try body(TicketPosting(rowid: rowid, titleCount: title, otherCount: other, length: length))
        }
    }

    /// The block's postings in an array (for writers and tests; search reads blocks with `decode(_:_:)`).
    static func postings(_ block: UnsafeBufferPointer<UInt8>) throws -> [TicketPosting] {
        var postings: [TicketPosting] = []
        postings.reserveCapacity(try count(block))
        try decode(block) { postings.append($0) }
        return postings
    }

    // MARK: - Varints

    private static func appendPostings<Postings: Collection<TicketPosting>>(
        _ postings: Postings, after previous: Int64?, to bytes: inout [UInt8]
    ) {
        var previous = previous
        for posting in postings {
            appendPosting(posting, after: previous, to: &bytes)
            previous = posting.rowid
        }
    }

    /// Appends one posting's four varints; its rowid as the difference from `previous`, or whole when nil (a first).
    static func appendPosting(_ posting: TicketPosting, after previous: Int64?, to bytes: inout [UInt8]) {
        var scratch: (UInt64, UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0, 0)
        withUnsafeMutableBytes(of: &scratch) { raw in
            let count = encodePosting(posting, after: previous, into: raw)
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: raw[..<count]))
        }
    }

    /// The most bytes `encodePosting` writes.
    static let maximumPostingBytes = 10 + 3 * 5

    /// Writes one posting's four varints at the start of `raw` (at least `maximumPostingBytes` long); returns how
    /// many bytes they took.
    @inline(__always)
    static func encodePosting(_ posting: TicketPosting, after previous: Int64?, into raw: UnsafeMutableRawBufferPointer) -> Int {
        let rowid: UInt64
        if let previous {
            precondition(posting.rowid > previous, "postings must ascend")
            rowid = UInt64(bitPattern: posting.rowid &- previous)
        } else {
            rowid = UInt64(bitPattern: posting.rowid)
        }
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
        put(UInt64(UInt32(posting.titleCount)))
        put(UInt64(UInt32(posting.otherCount)))
        put(UInt64(UInt32(posting.length)))
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

    @inline(__always)
    private static func readCount(_ bytes: UnsafeBufferPointer<UInt8>, _ offset: inout Int) throws -> Int32 {
        let value = try readVarint(bytes, &offset)
        guard value <= UInt64(Int32.max) else { throw corrupted("a count exceeds 32 bits") }
        return Int32(value)
    }

    private static func corrupted(_ detail: String) -> StoreError {
        .corrupted(path: "ticket_postings", detail: "a posting block does not decode: \(detail)")
    }
}
