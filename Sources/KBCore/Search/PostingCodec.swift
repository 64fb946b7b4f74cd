/// The byte layout of kb's ticket index: unsigned LEB128 varints, posting chunks and positions.
///
/// A chunk holds up to `TicketIndexLayout.chunkPostings` postings of one term, in ascending ticket rowid, laid out
/// by column so ranking reads only what it needs:
///
///     rowids       varint(rowid − previous rowid) per posting; the first is relative to 0, so absolute
///     counts       one byte per posting: other << 2 | title (title < 3, other < 63), else 255
///     escapes      varint(title), varint(other) for each posting whose byte is 255, in order
///     offset width 2 or 4: the byte width of the offsets below
///     offsets      where the positions of postings 0, 16, 32… start, relative to the positions
///     positions    each posting's title + other positions: varint(offsetDelta << 3 | columnDelta),
///                  in (column, offset) order
///
/// A position's column is the previous one plus `columnDelta`; its offset (token index in the column, as FTS5
/// counts them) is the previous offset plus `offsetDelta` in the same column, or `offsetDelta` itself in a new
/// column (a posting's first position starts from column 0, offset 0). Postings are found without reading any
/// position; one posting's positions are found from the nearest sampled offset.
enum PostingCodec {
    /// Appends `value` as an unsigned LEB128 varint.
    @inline(__always)
    static func appendVarint(_ value: UInt64, to bytes: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(truncatingIfNeeded: value) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Reads a varint at `index`, advancing it; a truncated varint reads as far as the buffer goes.
    @inline(__always)
    static func readVarint(_ bytes: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) -> UInt64 {
        var byte = bytes[index]
        index += 1
        if byte < 0x80 { return UInt64(byte) }
        var value = UInt64(byte & 0x7F)
        var shift: UInt64 = 7
        while index < end {
            byte = bytes[index]
            index += 1
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { break }
            shift += 7
            if shift > 63 { break }
        }
        return value
    }

    /// Skips `count` varints from `index`.
    @inline(__always)
    static func skipVarints(_ count: Int, _ bytes: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int) {
        var remaining = count
        while remaining > 0 && index < end {
            if bytes[index] < 0x80 { remaining -= 1 }
            index += 1
        }
    }

    /// Postings per sampled positions offset.
    static let offsetSampling = 16

    /// Encodes one chunk of `count` postings; `posting(i)` gives the i-th (ascending rowid) and its encoded positions.
    static func encodeChunk(count: Int, into data: inout [UInt8],
                            _ posting: (Int) -> (rowid: Int64, title: Int32, other: Int32, positions: UnsafeBufferPointer<UInt8>)) {
        data.removeAll(keepingCapacity: true)
        var previous: Int64 = 0
        var counts: [UInt8] = []
        var escapes: [UInt8] = []
        var offsets: [Int] = []
        var positionBytes = 0
        for index in 0..<count {
            let item = posting(index)
            appendVarint(UInt64(item.rowid - previous), to: &data)
            previous = item.rowid
            if item.title < 3 && item.other < 63 {
                counts.append(UInt8(item.other << 2 | item.title))
            } else {
                counts.append(255)
                appendVarint(UInt64(item.title), to: &escapes)
                appendVarint(UInt64(item.other), to: &escapes)
            }
            if index % offsetSampling == 0 { offsets.append(positionBytes) }
            positionBytes += item.positions.count
        }
        data += counts
        data += escapes
        let width = positionBytes <= Int(UInt16.max) ? 2 : 4
        data.append(UInt8(width))
        for offset in offsets {
            for byte in 0..<width { data.append(UInt8(truncatingIfNeeded: offset >> (8 * byte))) }
        }
        for index in 0..<count { data.append(contentsOf: posting(index).positions) }
    }

    /// The frequency word of a posting, as the index checker compares postings: other-column count and title count.
    @inline(__always)
    static func appendFrequencies(title: Int, other: Int, to bytes: inout [UInt8]) {
        let low = min(title, 3)
        appendVarint(UInt64(other) << 2 | UInt64(low), to: &bytes)
        if low == 3 { appendVarint(UInt64(title - 3), to: &bytes) }
    }

    /// Encodes one position relative to the previous one of the same posting (`column`/`offset` start at 0).
    @inline(__always)
    static func appendPosition(column: Int, offset: Int, previousColumn: inout Int, previousOffset: inout Int,
                               to bytes: inout [UInt8]) {
        let columnDelta = column - previousColumn
        let offsetDelta = columnDelta == 0 ? offset - previousOffset : offset
        appendVarint(UInt64(offsetDelta) << 3 | UInt64(columnDelta), to: &bytes)
        previousColumn = column
        previousOffset = offset
    }

    /// Decodes `count` positions starting at `index` as `column << 32 | offset` values (FTS5's order).
    @inline(__always)
    static func readPositions(count: Int, _ bytes: UnsafePointer<UInt8>, _ index: inout Int, _ end: Int,
                              into positions: inout [Int64]) {
        var column: Int64 = 0
        var offset: Int64 = 0
        for _ in 0..<count where index < end {
            let value = readVarint(bytes, &index, end)
            let columnDelta = Int64(value & 7)
            if columnDelta != 0 {
                column += columnDelta
                offset = Int64(value >> 3)
            } else {
                offset += Int64(value >> 3)
            }
            positions.append(column << 32 | offset)
        }
    }
}
