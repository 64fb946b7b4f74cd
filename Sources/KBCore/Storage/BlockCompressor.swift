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
    /// Hash table sizes: the block's (a ticket's JSON is a few KB; 8,192 slots keep collisions rare and the table in
    /// the CPU's cache) and the fixed dictionary's.
    private static let blockHashBits = 13
    private static let dictionaryHashBits = 11
    /// After this many positions without a match in a row the search steps over more bytes at a time (LZ4's
    /// acceleration): prose that matches nothing is crossed quickly, JSON structure is still found byte by byte.
    private static let skipShift = 5
    /// Shorter inputs are stored as they are.
    private static let minimumCompressedInput = 16

    /// The compressed block of `input`; stored as is when compression would not make it smaller.
    public static func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        Encoder().compress(input)
    }

    /// Compression state kept from one block to the next, so that a thread compressing many documents (an import's
    /// reader) neither reallocates nor clears its buffers for each. Used from one thread at a time; every block comes
    /// out exactly as `compress` makes it.
    public final class Encoder {
        /// The dictionary followed by the block being compressed.
        private var history: [UInt8]
        /// Each hash's latest position in the block, as `stampBase + position`: a stamp below `stampBase` was left by an
        /// earlier block and means none, so the table needs no clearing between blocks.
        private var stamps: [UInt32]
        private var stampBase: UInt32 = 1
        /// Where a block is written before it is copied out at its size: large enough for any block of the input
        /// (`compressBound`), so writing it checks no capacity.
        private var scratch: [UInt8] = []

        public init() {
            history = BlockCompressor.dictionary
            stamps = [UInt32](repeating: 0, count: 1 << BlockCompressor.blockHashBits)
        }

        /// The compressed block of `input`; stored as is when compression would not make it smaller.
        public func compress(_ input: UnsafeBufferPointer<UInt8>) -> [UInt8] {
            guard input.count >= minimumCompressedInput else { return stored(input) }
            let bound = compressBound(input.count)
            if scratch.count < bound { scratch = [UInt8](repeating: 0, count: max(bound, 2 * scratch.count)) }
            let start = dictionary.count
            if history.count != start + input.count {
                history.removeSubrange(start...)
                history.append(contentsOf: repeatElement(0, count: input.count))
            }
            history.withUnsafeMutableBufferPointer { history in
                (history.baseAddress! + start).update(from: input.baseAddress!, count: input.count)
            }
            if UInt64(stampBase) + UInt64(history.count) >= UInt64(UInt32.max) {
                stamps.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
                stampBase = 1
            }
            let written = scratch.withUnsafeMutableBufferPointer { scratch in
                var output = SequenceWriter(scratch.baseAddress!)
                output.byte(lzFormat)
                output.varint(input.count)
                history.withUnsafeBufferPointer { history in
                    stamps.withUnsafeMutableBufferPointer { stamps in
                        BlockCompressor.dictionaryHeads.withUnsafeBufferPointer { dictionaryHeads in
                            let matcher = Matcher(history: history, stamps: stamps, stampBase: stampBase, dictionaryHeads: dictionaryHeads)
                            matcher.compress(from: start, into: &output)
                        }
                    }
                }
                assert(output.count <= scratch.count, "compressBound is a bound")
                return output.count
            }
            stampBase += UInt32(history.count)
            let block = written <= input.count ? Array(scratch[..<written]) : stored(input)
            if history.count > 1 << 20 {
                // One very large document should not keep its buffers for the rest of the run.
                history = BlockCompressor.dictionary
                scratch = []
            }
            return block
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
        try header(block).count
    }

    /// The block's decompressed size and where its content begins (the stored bytes, or the first sequence); throws as
    /// `decompressedCount` does.
    static func header(_ block: UnsafeBufferPointer<UInt8>) throws(BlockCompressionError) -> (count: Int, contentStart: Int) {
        guard let format = block.first else { throw .empty }
        if format == storedFormat { return (block.count - 1, 1) }
        guard format == lzFormat else { throw .unknownFormat(format) }
        var position = 1
        let length = try readVarint(block, &position)
        // Literals expand 1:1 and each length byte adds at most 255: anything larger is damage, refused before
        // allocating it.
        guard length <= (block.count - position) * 255 + 18 else { throw .implausibleLength(length) }
        return (length, position)
    }

    /// Whether `block` holds its bytes as they are (`stored`), to be copied rather than decoded.
    static func isStored(_ block: UnsafeBufferPointer<UInt8>) -> Bool {
        block.first == storedFormat
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
        var position = try header(block).contentStart
        var produced = 0
        try decode(block, at: &position, produced: &produced, into: output, until: output.count)
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

    /// Decodes the sequences of `block` from `position` into `output` (the block's declared size), `produced` bytes of it
    /// already written, until at least `target` bytes are: every byte when `target` is the size, and then the block is
    /// checked to its end. Resumable: `position` and `produced` say where the next call goes on.
    static func decode(_ block: UnsafeBufferPointer<UInt8>, at position: inout Int, produced: inout Int,
                       into output: UnsafeMutableBufferPointer<UInt8>, until target: Int) throws(BlockCompressionError) {
        let failure = dictionary.withUnsafeBufferPointer { dictionary -> BlockCompressionError? in
            do throws(BlockCompressionError) {
                try decode(block, at: &position, produced: &produced, into: output, until: target, dictionary: dictionary)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
    }

    private static func decode(_ block: UnsafeBufferPointer<UInt8>, at position: inout Int, produced: inout Int,
                               into output: UnsafeMutableBufferPointer<UInt8>, until target: Int,
                               dictionary: UnsafeBufferPointer<UInt8>) throws(BlockCompressionError) {
        let length = output.count
        while true {
            // A reader asking for a prefix stops between sequences; the last sequence is always read to check the end.
            if produced >= target, produced < length { return }
            guard position < block.count else { throw .truncated(at: position) }
            let token = block[position]
            let sequenceStart = position
            position += 1
            var literals = Int(token >> 4)
            if literals == 15 { literals += try readLength(block, &position) }
            guard literals <= block.count - position else { throw .truncated(at: position) }
            guard literals <= length - produced else { throw .overrun(at: sequenceStart) }
            if literals > 0 {
                if literals <= 16, position + 16 <= block.count, produced + 16 <= length {
                    copy16(output.baseAddress! + produced, block.baseAddress! + position)
                } else {
                    (output.baseAddress! + produced).update(from: block.baseAddress! + position, count: literals)
                }
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
                if remaining <= 16, produced - source >= 16, produced + 16 <= length {
                    copy16(output.baseAddress! + produced, UnsafePointer(output.baseAddress! + source))
                    produced += remaining
                } else if produced - source >= remaining {
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

    /// Copies 16 bytes from `source` to `destination`, which do not overlap, as two 8-byte words: most literal runs
    /// and matches are short, and a call to `memmove` for each costs more than the copy. Used for a run of at most 16
    /// bytes where both sides have 16: the bytes written past the run are the output's next ones, which the following
    /// sequences overwrite before anyone reads them (a reader of a prefix reads only what is decoded).
    @inline(__always)
    private static func copy16(_ destination: UnsafeMutablePointer<UInt8>, _ source: UnsafePointer<UInt8>) {
        let from = UnsafeRawPointer(source), to = UnsafeMutableRawPointer(destination)
        let first = from.loadUnaligned(as: UInt64.self), second = from.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        to.storeBytes(of: first, as: UInt64.self)
        to.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
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

    /// The most bytes a block of `count` input bytes takes while it is written: the format byte, the size, and every
    /// byte as a literal with its length bytes (a match never writes more than the bytes it covers).
    static func compressBound(_ count: Int) -> Int {
        count + count / 255 + 16
    }

    /// Writes a block into memory that `compressBound` sized.
    private struct SequenceWriter {
        let start: UnsafeMutablePointer<UInt8>
        var cursor: UnsafeMutablePointer<UInt8>

        init(_ start: UnsafeMutablePointer<UInt8>) {
            self.start = start
            cursor = start
        }

        var count: Int { cursor - start }

        mutating func byte(_ value: UInt8) {
            cursor.pointee = value
            cursor += 1
        }

        mutating func bytes(_ source: UnsafePointer<UInt8>, count: Int) {
            cursor.update(from: source, count: count)
            cursor += count
        }

        mutating func varint(_ value: Int) {
            var value = value
            while value >= 0x80 {
                byte(UInt8(value & 0x7F) | 0x80)
                value >>= 7
            }
            byte(UInt8(value))
        }

        /// A length beyond a token's nibble: bytes of 255 and a last one below it.
        mutating func length(_ length: Int) {
            var length = length
            while length >= 255 {
                byte(255)
                length -= 255
            }
            byte(UInt8(length))
        }
    }

    // MARK: - Encoding

    /// LZ4's match finder: one candidate per position from the block's table and one from the dictionary's, the longer
    /// match taken at once and extended backwards over the literals before it, and the search stepping faster through
    /// bytes that match nothing. Against hash chains with lazy matching it spends about a third of the time for blocks
    /// a few percent larger (the format is the same: any decoder of it reads both).
    ///
    /// The search loop runs on raw pointers with wrapping arithmetic: every position it reads is below
    /// `history.count - minimumMatch + 4` and every offset it writes fits in 16 bits, which the loop's bounds establish,
    /// so the per-byte checks Swift would add are redundant (they were a third of the compressor's time).
    private struct Matcher {
        let history: UnsafeBufferPointer<UInt8>
        let stamps: UnsafeMutableBufferPointer<UInt32>
        let stampBase: UInt32
        let dictionaryHeads: UnsafeBufferPointer<Int32>

        @inline(__always)
        static func hash(_ word: UInt32) -> Int {
            Int(truncatingIfNeeded: (word &* 2_654_435_761) >> UInt32(32 - BlockCompressor.blockHashBits))
        }

        @inline(__always)
        static func word(_ base: UnsafePointer<UInt8>, _ position: Int) -> UInt32 {
            UnsafeRawPointer(base + position).loadUnaligned(as: UInt32.self)
        }

        /// How many bytes at `candidate` and `position` agree, at most `limit`.
        @inline(__always)
        static func commonLength(_ base: UnsafePointer<UInt8>, _ candidate: Int, _ position: Int, limit: Int) -> Int {
            var length = 0
            while length &+ 8 <= limit {
                let left = UnsafeRawPointer(base + (candidate &+ length)).loadUnaligned(as: UInt64.self)
                let right = UnsafeRawPointer(base + (position &+ length)).loadUnaligned(as: UInt64.self)
                let difference = UInt64(littleEndian: left ^ right)
                if difference != 0 { return length &+ (difference.trailingZeroBitCount &>> 3) }
                length &+= 8
            }
            while length < limit, base[candidate &+ length] == base[position &+ length] { length &+= 1 }
            return length
        }

        /// The match of `candidate` for the bytes at `position`, whose first four bytes are `word`; 0 when none.
        @inline(__always)
        static func matchLength(_ base: UnsafePointer<UInt8>, _ candidate: Int, at position: Int, word: UInt32, end: Int) -> Int {
            guard candidate >= 0, position &- candidate <= BlockCompressor.maximumOffset, Self.word(base, candidate) == word else {
                return 0
            }
            let minimum = BlockCompressor.minimumMatch
            return minimum &+ commonLength(base, candidate &+ minimum, position &+ minimum, limit: end &- position &- minimum)
        }

        func compress(from start: Int, into output: inout SequenceWriter) {
            let base = history.baseAddress!
            let stamps = self.stamps.baseAddress!
            let dictionaryHeads = self.dictionaryHeads.baseAddress!
            let stampBase = self.stampBase
            let end = history.count
            let lastMatchStart = end - BlockCompressor.minimumMatch
            let dictionaryShift = BlockCompressor.blockHashBits - BlockCompressor.dictionaryHashBits
            var position = start
            var anchor = start
            var misses = 0
            while position <= lastMatchStart {
                let word = Self.word(base, position)
                let hash = Self.hash(word)
                let stamp = stamps[hash]
                stamps[hash] = stampBase &+ UInt32(truncatingIfNeeded: position)
                var length = 0
                var candidate = 0
                if stamp >= stampBase {
                    candidate = Int(truncatingIfNeeded: stamp &- stampBase)
                    length = Self.matchLength(base, candidate, at: position, word: word, end: end)
                }
                let fromDictionary = Int(truncatingIfNeeded: dictionaryHeads[hash &>> dictionaryShift])
                let dictionaryLength = Self.matchLength(base, fromDictionary, at: position, word: word, end: end)
                if dictionaryLength > length {
                    length = dictionaryLength
                    candidate = fromDictionary
                }
                guard length >= BlockCompressor.minimumMatch else {
                    position &+= 1 &+ misses &>> BlockCompressor.skipShift
                    misses &+= 1
                    continue
                }
                misses = 0
                // The bytes just before may match too (skipped over, or not probed yet).
                while position > anchor, candidate > 0, base[position &- 1] == base[candidate &- 1] {
                    position &-= 1
                    candidate &-= 1
                    length &+= 1
                }
                Self.emit(base, literals: anchor..<position, matchLength: length, offset: position &- candidate, into: &output)
                // As LZ4 does, only a match's last two positions go into the table: the following bytes most often
                // repeat what follows those.
                let matchEnd = position &+ length
                var tail = matchEnd &- 2
                while tail < matchEnd, tail <= lastMatchStart {
                    stamps[Self.hash(Self.word(base, tail))] = stampBase &+ UInt32(truncatingIfNeeded: tail)
                    tail &+= 1
                }
                position = matchEnd
                anchor = position
            }
            Self.emit(base, literals: anchor..<end, matchLength: 0, offset: 0, into: &output)
        }

        /// Appends one sequence; `matchLength` 0 makes it the last (literals only).
        @inline(__always)
        static func emit(_ base: UnsafePointer<UInt8>, literals: Range<Int>, matchLength: Int, offset: Int,
                         into output: inout SequenceWriter) {
            let literalCount = literals.upperBound &- literals.lowerBound
            let matchCode = matchLength == 0 ? 0 : matchLength &- BlockCompressor.minimumMatch
            output.byte(UInt8(truncatingIfNeeded: min(literalCount, 15) &<< 4 | min(matchCode, 15)))
            if literalCount >= 15 { output.length(literalCount &- 15) }
            output.bytes(base + literals.lowerBound, count: literalCount)
            guard matchLength > 0 else { return }
            output.byte(UInt8(truncatingIfNeeded: offset))
            output.byte(UInt8(truncatingIfNeeded: offset &>> 8))
            if matchCode >= 15 { output.length(matchCode &- 15) }
        }
    }

    /// The dictionary's latest position of each hash (-1: none), which every block's search probes beside its own.
    private static let dictionaryHeads: [Int32] = {
        var heads = [Int32](repeating: -1, count: 1 << dictionaryHashBits)
        let shift = blockHashBits - dictionaryHashBits
        dictionary.withUnsafeBytes { bytes in
            for position in 0...(bytes.count - minimumMatch) {
                let word = bytes.loadUnaligned(fromByteOffset: position, as: UInt32.self)
                heads[Matcher.hash(word) >> shift] = Int32(position)
            }
        }
        return heads
    }()
}
