/// One chunk's postings decoded into fixed buffers: rowids, title and other-column counts, and where a posting's
/// positions start (see `PostingCodec` for the layout).
///
/// The buffers are raw memory allocated once for the most postings a chunk may hold: the decode loop runs for every
/// chunk a query reads, and positions are located only for the few postings that need them.
final class DecodedChunk {
    static let capacity = TicketIndexLayout.chunkPostings

    let rowids = UnsafeMutablePointer<Int64>.allocate(capacity: DecodedChunk.capacity)
    let titles = UnsafeMutablePointer<Int32>.allocate(capacity: DecodedChunk.capacity)
    let others = UnsafeMutablePointer<Int32>.allocate(capacity: DecodedChunk.capacity)
    private(set) var count = 0
    private var offsetsStart = 0
    private var offsetWidth = 2
    private var positionsStart = 0
    private var data: UnsafePointer<UInt8>?
    private var dataCount = 0
    /// A copy of the chunk's bytes when it must outlive the SQLite row it came from.
    private var storage: UnsafeMutablePointer<UInt8>?
    private var storageCapacity = 0

    deinit {
        rowids.deallocate()
        titles.deallocate()
        others.deallocate()
        storage?.deallocate()
    }

    /// Decodes from a private copy of `bytes`, so positions stay readable after the row is gone.
    func decode(copying bytes: UnsafePointer<UInt8>, byteCount: Int, count expected: Int) -> Bool {
        if storageCapacity < byteCount {
            storage?.deallocate()
            storageCapacity = max(byteCount, 2 * storageCapacity, 1024)
            storage = .allocate(capacity: storageCapacity)
        }
        storage!.update(from: bytes, count: byteCount)
        return decode(UnsafePointer(storage!), byteCount: byteCount, count: expected)
    }

    /// Decodes `count` postings from `bytes` (which must stay valid while positions are read); false when the bytes
    /// do not hold that many postings in ascending order.
    func decode(_ bytes: UnsafePointer<UInt8>, byteCount: Int, count expected: Int) -> Bool {
        count = 0
        guard expected > 0, expected <= Self.capacity else { return false }
        data = bytes
        dataCount = byteCount
        let rowids = self.rowids, titles = self.titles, others = self.others
        var index = 0
        var rowid: Int64 = 0
        for posting in 0..<expected {
            guard index < byteCount else { return false }
            let delta = Int64(truncatingIfNeeded: PostingCodec.readVarint(bytes, &index, byteCount))
            guard delta > 0 || (posting == 0 && delta >= 0) else { return false }
            rowid += delta
            rowids[posting] = rowid
        }
        let countsStart = index
        index += expected
        guard index < byteCount else { return false }
        for posting in 0..<expected {
            let byte = bytes[countsStart + posting]
            if byte != 255 {
                titles[posting] = Int32(byte & 3)
                others[posting] = Int32(byte >> 2)
            } else {
                guard index < byteCount else { return false }
                titles[posting] = Int32(truncatingIfNeeded: PostingCodec.readVarint(bytes, &index, byteCount))
                guard index < byteCount else { return false }
                others[posting] = Int32(truncatingIfNeeded: PostingCodec.readVarint(bytes, &index, byteCount))
            }
        }
        guard index < byteCount else { return false }
        offsetWidth = Int(bytes[index])
        guard offsetWidth == 2 || offsetWidth == 4 else { return false }
        offsetsStart = index + 1
        positionsStart = offsetsStart + (expected + PostingCodec.offsetSampling - 1) / PostingCodec.offsetSampling * offsetWidth
        guard positionsStart <= byteCount else { return false }
        count = expected
        return true
    }

    /// The first rowid of a chunk's bytes, without decoding the rest.
    static func firstRowid(_ bytes: UnsafePointer<UInt8>, byteCount: Int) -> Int64 {
        var index = 0
        return byteCount > 0 ? Int64(truncatingIfNeeded: PostingCodec.readVarint(bytes, &index, byteCount)) : 0
    }

    /// Byte offset of posting `posting`'s positions: the sampled offset before it, then its predecessors skipped.
    func positionsOffset(_ posting: Int) -> Int {
        guard let data else { return dataCount }
        let sample = posting / PostingCodec.offsetSampling
        let entry = offsetsStart + sample * offsetWidth
        var relative = 0
        for byte in 0..<offsetWidth { relative |= Int(data[entry + byte]) << (8 * byte) }
        var index = positionsStart + relative
        for previous in (sample * PostingCodec.offsetSampling)..<posting {
            PostingCodec.skipVarints(Int(titles[previous] + others[previous]), data, &index, dataCount)
        }
        return min(index, dataCount)
    }

    /// Byte offset just past the last position of posting `posting`.
    func positionsEnd(_ posting: Int) -> Int {
        guard let data else { return dataCount }
        var index = positionsOffset(posting)
        PostingCodec.skipVarints(Int(titles[posting] + others[posting]), data, &index, dataCount)
        return index
    }

    /// Appends posting `posting`'s positions (`column << 32 | offset`).
    func positions(_ posting: Int, into positions: inout [Int64]) {
        guard let data else { return }
        var index = positionsOffset(posting)
        PostingCodec.readPositions(count: Int(titles[posting] + others[posting]), data, &index, dataCount, into: &positions)
    }
}
