/// A small LZ77 block compressor for the documents the store keeps (each ticket's JSON): byte-aligned sequences as in
/// LZ4, a 64 KiB window, and a built-in dictionary of kb's JSON member names and values that every block may copy from,
/// so even a ticket's first `"visibility":"internal"` costs a few bytes.
///
/// Format (never change a shipped one; add a format byte instead): one format byte. `stored` (0) is followed by the
/// bytes as they are. `lz` (1) is followed by the decompressed size (LEB128) and sequences. A sequence is a token (high
/// nibble: literal count; low nibble: match length − 4; 15 in either means length bytes follow, each adding 0…255,
/// the last one below 255), its literals, then a two-byte little-endian offset (1…65535) back into the history (the
/// dictionary followed by everything decompressed so far) and the match's length bytes. The last sequence has
/// literals only and ends exactly at the declared size.
///
/// Decompression is bounded: it allocates the declared size only when the block could expand to it, checks every
/// length and offset before copying, and throws `BlockCompressionError` on anything else.
public enum BlockCompressor {
    static let storedFormat: UInt8 = 0
    static let lzFormat: UInt8 = 1
    static let minimumMatch = 4
    static let maximumOffset = 65_535
    private static let hashBits = 12
    /// Candidates tried per position: on ticket JSON, 16 instead of 4 saves 2% of the size for 3 times the time; 2
    /// instead of 4 costs 2% (with `goodMatch`) and makes an import's reading thread, where compression is the largest
    /// cost, faster.
    private static let chainDepth = 2
    /// A match at least this long is taken without looking for a longer one at the next position.
    private static let goodMatch = 16
    /// Shorter inputs are stored as they are.
    private static let minimumCompressedInput = 16

    /// The compressed block of `input`; stored as is when compression would not make it smaller.
    public static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Encoder().compress(input)
    }

    /// Compression state kept from one block to the next, so that a thread compressing many documents (an import's
    /// reader) does not rebuild the dictionary's history and hash chains for each: half the time of a ticket's
    /// compression went to that set-up. Used from one thread at a time; every block comes out as `compress` makes it.
    public final class Encoder {
        /// The dictionary followed by the block being compressed.
        private var history: [UInt8]
        private var head: [Int32]
        /// Each position's previous one of the same hash: the dictionary's part is fixed, a block's part is written
        /// before it is read, so neither needs resetting between blocks.
        private var chain: [Int32]

        public init() {
            history = BlockCompressor.dictionary
            head = BlockCompressor.dictionaryIndex.head
            chain = BlockCompressor.dictionaryIndex.chain
        }

        /// The compressed block of `input`; stored as is when compression would not make it smaller.
        public func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            guard input.count >= minimumCompressedInput else { return stored(input) }
            var output: [UInt8] = []
            output.reserveCapacity(input.count / 2 + 32)
            output.append(lzFormat)
            appendVarint(input.count, to: &output)
            let start = dictionary.count
            history.removeSubrange(start...)
            history.append(contentsOf: input)
            if chain.count < history.count { chain.append(contentsOf: repeatElement(-1, count: history.count - chain.count)) }
            // Only the heads change between blocks: back to the dictionary's.
            let dictionaryHead = BlockCompressor.dictionaryIndex.head
            head.withUnsafeMutableBufferPointer { head in
                dictionaryHead.withUnsafeBufferPointer { head.baseAddress!.update(from: $0.baseAddress!, count: $0.count) }
            }
            history.withUnsafeBufferPointer { history in
                head.withUnsafeMutableBufferPointer { head in
                    chain.withUnsafeMutableBufferPointer { chain in
                        var matcher = Matcher(history: history, head: head, chain: chain)
                        matcher.compress(from: start, into: &output)
                    }
                }
            }
            if history.count > 1 << 20 {
                // One very large document should not keep its buffers for the rest of the run.
                history = BlockCompressor.dictionary
                chain = BlockCompressor.dictionaryIndex.chain
            }
            return output.count <= input.count ? output : stored(input)
        }
    }

    /// The compressed block of `input`.
    public static func compress(_ input: [UInt8]) -> [UInt8] {
        input.withUnsafeBufferPointer { compress($0) }
    }

    /// The bytes a block holds; throws when the block is damaged or not kb's.
    public static func decompress(_ block: UnsafeBufferPointer<UInt8>) throws(BlockCompressionError) -> [UInt8] {
        let length = try decompressedCount(block)
        var failure: BlockCompressionError?
        let output = [UInt8](unsafeUninitializedCapacity: length) { output, initialized in
            do throws(BlockCompressionError) {
                try decompress(block, into: UnsafeMutableBufferPointer(rebasing: output[..<length]))
                initialized = length
            } catch {
                failure = error
                initialized = 0
            }
        }
        if let failure { throw failure }
        return output
    }

    /// How many bytes `block` holds, read from its header; throws when the header is damaged, not kb's, or declares
    /// more than the block could expand to (so a caller may allocate the size before `decompress(_:into:)`).
    public static func decompressedCount(_ block: UnsafeBufferPointer<UInt8>) throws(BlockCompressionError) -> Int {
        guard let format = block.first else { throw .empty }
        if format == storedFormat { return block.count - 1 }
        guard format == lzFormat else { throw .unknownFormat(format) }
        var position = 1
        let length = try readVarint(block, &position)
        // Literals expand 1:1 and each length byte adds at most 255: anything larger is damage, refused before
        // allocating it.
        guard length <= (block.count - position) * 255 + 18 else { throw .implausibleLength(length) }
        return length
    }

    /// Decompresses `block` into `output`, which holds exactly `decompressedCount(block)` bytes: without an array
    /// in between when the bytes go straight to SQLite (`kb_unpack`).
    public static func decompress(_ block: UnsafeBufferPointer<UInt8>,
                                  into output: UnsafeMutableBufferPointer<UInt8>) throws(BlockCompressionError) {
        assert(output.count == (try? decompressedCount(block)), "the output must hold the block's declared size")
        if block[0] == storedFormat {
            if !output.isEmpty { output.baseAddress!.update(from: block.baseAddress! + 1, count: output.count) }
            return
        }
        var position = 1
        _ = try readVarint(block, &position)
        let failure = dictionary.withUnsafeBufferPointer { dictionary -> BlockCompressionError? in
            do throws(BlockCompressionError) {
                try decode(block, from: position, into: output, dictionary: dictionary)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    /// The bytes a block holds.
    public static func decompress(_ block: [UInt8]) throws(BlockCompressionError) -> [UInt8] {
        try block.withUnsafeBufferPointer { block throws(BlockCompressionError) in try decompress(block) }
    }

    private static func stored(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        var output: [UInt8] = [storedFormat]
        output.append(contentsOf: input)
        return output
    }

    // MARK: - Decoding

    private static func decode(_ block: UnsafeBufferPointer<UInt8>, from start: Int, into output: UnsafeMutableBufferPointer<UInt8>,
                               dictionary: UnsafeBufferPointer<UInt8>) throws(BlockCompressionError) {
        let length = output.count
        var position = start
        var produced = 0
        while true {
            guard position < block.count else { throw .truncated(at: position) }
            let token = block[position]
            let sequenceStart = position
            position += 1
            var literals = Int(token >> 4)
            if literals == 15 { literals += try readLength(block, &position) }
            guard literals <= block.count - position else { throw .truncated(at: position) }
            guard literals <= length - produced else { throw .overrun(at: sequenceStart) }
            if literals > 0 {
                (output.baseAddress! + produced).update(from: block.baseAddress! + position, count: literals)
                position += literals
                produced += literals
            }
            if produced == length {
                guard token & 0x0F == 0, position == block.count else { throw .trailingBytes(at: position) }
                return
            }
            guard position + 2 <= block.count else { throw .truncated(at: position) }
            let offset = Int(block[position]) | Int(block[position + 1]) << 8
            position += 2
            guard offset > 0, offset <= produced + dictionary.count else { throw .badOffset(offset, at: sequenceStart) }
            var matchLength = Int(token & 0x0F) + minimumMatch
            if token & 0x0F == 15 { matchLength += try readLength(block, &position) }
            guard matchLength <= length - produced else { throw .overrun(at: sequenceStart) }
            var remaining = matchLength
            var source = produced - offset
            if source < 0 {
                // The match starts in the dictionary and may run on into the output.
                let fromDictionary = min(-source, remaining)
                (output.baseAddress! + produced).update(from: dictionary.baseAddress! + dictionary.count + source, count: fromDictionary)
                produced += fromDictionary
                remaining -= fromDictionary
                source = 0
            }
            if remaining > 0 {
                if produced - source >= remaining {
                    (output.baseAddress! + produced).update(from: output.baseAddress! + source, count: remaining)
                    produced += remaining
                } else {
                    // Overlapping: a run repeating its last `offset` bytes, copied forwards byte by byte.
                    for _ in 0..<remaining {
                        output[produced] = output[source]
                        produced += 1
                        source += 1
                    }
                }
            }
        }
    }

    private static func readLength(_ block: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(BlockCompressionError) -> Int {
        var total = 0
        while true {
            guard position < block.count else { throw .truncated(at: position) }
            let byte = block[position]
            position += 1
            total += Int(byte)
            if byte < 255 { return total }
        }
    }

    private static func readVarint(_ block: UnsafeBufferPointer<UInt8>, _ position: inout Int) throws(BlockCompressionError) -> Int {
        var value = 0
        var shift = 0
        while true {
            guard position < block.count else { throw .truncated(at: position) }
            let byte = block[position]
            position += 1
            // Five groups of seven bits cover every size a block may have (Int32.max); more is damage.
            guard shift <= 28 else { throw .implausibleLength(value) }
            value |= Int(byte & 0x7F) << shift
            if byte & 0x80 == 0 { return value }
            shift += 7
        }
    }

    private static func appendVarint(_ value: Int, to output: inout [UInt8]) {
        var value = value
        while value >= 0x80 {
            output.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        output.append(UInt8(value))
    }

    // MARK: - Encoding

    /// Hash chains over the history: `head` holds each hash's latest position, `chain` each position's previous one.
    private struct Matcher {
        let history: UnsafeBufferPointer<UInt8>
        let head: UnsafeMutableBufferPointer<Int32>
        let chain: UnsafeMutableBufferPointer<Int32>

        static func hash(_ history: UnsafeBufferPointer<UInt8>, at position: Int) -> Int {
            let word = UnsafeRawPointer(history.baseAddress! + position).loadUnaligned(as: UInt32.self)
            return Int((word &* 2_654_435_761) >> UInt32(32 - BlockCompressor.hashBits))
        }

        static func insert(_ position: Int, history: UnsafeBufferPointer<UInt8>, head: UnsafeMutableBufferPointer<Int32>,
                           chain: UnsafeMutableBufferPointer<Int32>) {
            let hash = hash(history, at: position)
            chain[position] = head[hash]
            head[hash] = Int32(position)
        }

        func insert(_ position: Int) {
            Matcher.insert(position, history: history, head: head, chain: chain)
        }

        /// The longest earlier match for the bytes at `position` (length, offset); length 0 when none.
        func longestMatch(at position: Int) -> (length: Int, offset: Int) {
            let base = history.baseAddress!
            let limit = history.count - position
            var best = 0
            var bestOffset = 0
            var candidate = Int(head[Matcher.hash(history, at: position)])
            var depth = BlockCompressor.chainDepth
            while candidate >= 0, depth > 0 {
                let offset = position - candidate
                if offset > BlockCompressor.maximumOffset { break }
                if base[candidate + best] == base[position + best] || best == 0 {
                    var length = 0
                    while length + 8 <= limit {
                        let difference = UnsafeRawPointer(base + candidate + length).loadUnaligned(as: UInt64.self)
                            ^ UnsafeRawPointer(base + position + length).loadUnaligned(as: UInt64.self)
                        if difference != 0 {
                            length += UInt64(littleEndian: difference).trailingZeroBitCount / 8
                            break
                        }
                        length += 8
                    }
                    if length + 8 > limit {
                        while length < limit, base[candidate + length] == base[position + length] { length += 1 }
                    }
                    if length > best {
                        best = length
                        bestOffset = offset
                        if length == limit { break }
                    }
                }
                candidate = Int(chain[candidate])
                depth -= 1
            }
            return (best, bestOffset)
        }

        /// Greedy parsing with lazy evaluation: a short match is taken unless the next position starts a longer one.
        mutating func compress(from start: Int, into output: inout [UInt8]) {
            let end = history.count
            let lastMatchStart = end - BlockCompressor.minimumMatch
            var position = start
            var anchor = start
            while position <= lastMatchStart {
                var (length, offset) = longestMatch(at: position)
                insert(position)
                guard length >= BlockCompressor.minimumMatch else {
                    position += 1
                    continue
                }
                while position + 1 <= lastMatchStart, length < BlockCompressor.goodMatch {
                    let next = longestMatch(at: position + 1)
                    guard next.length > length else { break }
                    position += 1
                    insert(position)
                    (length, offset) = next
                }
                emit(literals: anchor..<position, matchLength: length, offset: offset, into: &output)
                // As LZ4 does, only a match's last two positions go into the chains (a match is at least 4 long): the
                // following bytes most often repeat what follows those, and hashing every position of every match
                // cost ≈ 10% of the time for 0.6% of the size.
                let matchEnd = position + length
                for tail in (matchEnd - 2)..<matchEnd where tail <= lastMatchStart { insert(tail) }
                position = matchEnd
                anchor = position
            }
            emit(literals: anchor..<end, matchLength: 0, offset: 0, into: &output)
        }

        /// Appends one sequence; `matchLength` 0 makes it the last (literals only).
        func emit(literals: Range<Int>, matchLength: Int, offset: Int, into output: inout [UInt8]) {
            let literalCount = literals.count
            let matchCode = matchLength == 0 ? 0 : matchLength - BlockCompressor.minimumMatch
            output.append(UInt8(min(literalCount, 15) << 4 | min(matchCode, 15)))
            if literalCount >= 15 { Matcher.appendLength(literalCount - 15, to: &output) }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: history[literals]))
            guard matchLength > 0 else { return }
            output.append(UInt8(offset & 0xFF))
            output.append(UInt8(offset >> 8))
            if matchCode >= 15 { Matcher.appendLength(matchCode - 15, to: &output) }
        }

        static func appendLength(_ length: Int, to output: inout [UInt8]) {
            var length = length
            while length >= 255 {
                output.append(255)
                length -= 255
            }
            output.append(UInt8(length))
        }
    }

    /// The hash chains of the dictionary alone, which every compression starts from.
    private static let dictionaryIndex: (head: [Int32], chain: [Int32]) = {
        var head = [Int32](repeating: -1, count: 1 << hashBits)
        var chain = [Int32](repeating: -1, count: dictionary.count)
        dictionary.withUnsafeBufferPointer { history in
            head.withUnsafeMutableBufferPointer { head in
                chain.withUnsafeMutableBufferPointer { chain in
                    for position in 0...(history.count - minimumMatch) {
                        Matcher.insert(position, history: history, head: head, chain: chain)
                    }
                }
            }
        }
        return (head, chain)
    }()
}
