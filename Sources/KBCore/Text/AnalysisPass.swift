/// One run of the analyzer over a UTF-8 buffer: the scanner, plus the
/// scratch buffers it reuses for every token so the hot loop does not
/// allocate.
struct AnalysisPass {
    /// A maximal run of word characters (letters, digits, and the marks,
    /// ignorables and English apostrophes inside it).
    struct Segment {
        var start: Int
        var end: Int
        var hasDigit: Bool
    }

    private let bytes: UnsafeBufferPointer<UInt8>
    private let stemmer: any Stemmer
    private let allowsApostrophes: Bool
    private let maximumTokenBytes: Int
    private var scalars: [UInt32] = []
    /// Scratch UTF-8 of the current term; only a prefix is in use.
    private var termBytes: [UInt8] = []
    /// Segments of the code candidate being scanned; bounded because a
    /// candidate longer than `maximumTokenBytes` is flushed as words.
    private var pending: [Segment] = []
    /// Terms of the words already stemmed, when the pass got the analyzer's cache; set by the
    /// caller for the duration of `run`.
    var stemCache: UnsafeMutablePointer<StemCache>?

    init(bytes: UnsafeBufferPointer<UInt8>, stemmer: any Stemmer, allowsApostrophes: Bool, maximumTokenBytes: Int) {
        self.bytes = bytes
        self.stemmer = stemmer
        self.allowsApostrophes = allowsApostrophes
        self.maximumTokenBytes = maximumTokenBytes
        // The scratch buffers start empty and grow on first use: with the stem cache most calls
        // never build a term, and FTS5 calls once per column of every row.
    }

    /// Scans the whole buffer, calling `emit` for every term until it
    /// returns false.
    mutating func run<E: Error>(_ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool) throws(E) {
        var index = 0
        while index < bytes.count {
            let (scalar, length) = TextScalar.decode(bytes, at: index)
            switch TextScalar.kind(of: scalar) {
            case .letter, .digit:
                guard let end = try scanCandidate(from: index, emit) else { return }
                index = end
            default:
                index += length
            }
        }
    }

    /// Scans segments joined by single joiners starting at `start` and emits
    /// them as one code or as separate words; returns where scanning
    /// resumes, or nil when `emit` asked to stop.
    private mutating func scanCandidate<E: Error>(
        from start: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool
    ) throws(E) -> Int? {
        var segment = scanSegment(from: start)
        var nextStart = nextSegmentStart(afterJoinerAt: segment.end)
        guard nextStart != nil else {
            // The common case, a plain word or number, skips the bookkeeping.
            return try emitWord(segment, emit) ? segment.end : nil
        }
        var hasDigit = segment.hasDigit
        var isSplit = false
        pending.removeAll(keepingCapacity: true)
        pending.append(segment)
        while let next = nextStart {
            segment = scanSegment(from: next)
            nextStart = nextSegmentStart(afterJoinerAt: segment.end)
            if isSplit {
                guard try emitWord(segment, emit) else { return nil }
            } else if segment.end - start > maximumTokenBytes {
                // Too long to be one code: everything becomes words.
                isSplit = true
                pending.append(segment)
                for word in pending {
                    guard try emitWord(word, emit) else { return nil }
                }
                pending.removeAll(keepingCapacity: true)
            } else {
                pending.append(segment)
                hasDigit = hasDigit || segment.hasDigit
            }
        }
        if isSplit { return segment.end }
        if pending.count > 1, hasDigit, segment.end - start <= maximumTokenBytes {
            guard try emitTerm(from: start, to: segment.end, stemming: false, emit) else { return nil }
        } else {
            for word in pending {
                guard try emitWord(word, emit) else { return nil }
            }
        }
        return segment.end
    }

    private func scanSegment(from start: Int) -> Segment {
        var index = start
        var hasDigit = false
        let count = bytes.count
        if let base = bytes.baseAddress {
            let raw = UnsafeRawPointer(base)
            let ones: UInt64 = 0x0101_0101_0101_0101
            let highBits: UInt64 = 0x8080_8080_8080_8080
            // Eight ASCII bytes at a time while they are all letters or digits (per-byte range
            // tests that cannot carry between bytes below 0x80); the byte loop takes the rest.
            while index + 8 <= count {
                let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index, as: UInt64.self))
                guard word & highBits == 0 else { break }
                let folded = word | (ones &* 0x20)
                let letters = (folded &+ ones &* 0x1F) & ~(folded &+ ones &* 0x05) & highBits
                let digits = (word &+ ones &* 0x50) & ~(word &+ ones &* 0x46) & highBits
                let others = ~(letters | digits) & highBits
                guard others != 0 else {
                    hasDigit = hasDigit || digits != 0
                    index += 8
                    continue
                }
                let wordBits = others.trailingZeroBitCount & ~7
                hasDigit = hasDigit || digits & ((1 << wordBits) &- 1) != 0
                index += wordBits >> 3
                break
            }
        }
        while index < count {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII letters and digits, the bulk of any text, need no decoding or table.
                if (byte | 0x20) &- UInt8(ascii: "a") < 26 {
                    index += 1
                    continue
                }
                if byte &- UInt8(ascii: "0") < 10 {
                    hasDigit = true
                    index += 1
                    continue
                }
            }
            let (scalar, length) = TextScalar.decode(bytes, at: index)
            switch TextScalar.kind(of: scalar) {
            case .letter, .mark, .ignorable:
                index += length
            case .digit:
                hasDigit = true
                index += length
            case .apostrophe:
                // don't, customer's: only between letters, and only where the
                // stemmer knows what to do with it.
                guard allowsApostrophes, index + length < bytes.count,
                      TextScalar.kind(of: TextScalar.decode(bytes, at: index + length).scalar) == .letter
                else { return Segment(start: start, end: index, hasDigit: hasDigit) }
                index += length
            case .joiner, .separator:
                return Segment(start: start, end: index, hasDigit: hasDigit)
            }
        }
        return Segment(start: start, end: index, hasDigit: hasDigit)
    }

    /// Where the next segment starts when a single joiner at `index` is
    /// directly followed by a letter or digit, or a colon sits between two
    /// ASCII digits (`16:10`, `10.0.0.1:8080`); nil otherwise.
    private func nextSegmentStart(afterJoinerAt index: Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_"):
            switch TextScalar.kind(of: TextScalar.decode(bytes, at: index + 1).scalar) {
            case .letter, .digit: return index + 1
            default: return nil
            }
        case UInt8(ascii: ":"):
            // A time of day read as two numbers is two of the commonest terms of a support store ("desde las
            // 16:10"); whole, it singles out the incidents that began then. After a letter a colon stays a
            // separator ("Error:401", "nota:revisar").
            guard index > 0, ScanByte.isDigit(bytes[index - 1]), ScanByte.isDigit(bytes[index + 1]) else { return nil }
            return index + 1
        default:
            return nil
        }
    }

    /// Emits a lone segment: stemmed unless it holds a digit, skipped when
    /// longer than the token cap.
    private mutating func emitWord<E: Error>(
        _ segment: Segment, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool
    ) throws(E) -> Bool {
        guard segment.end - segment.start <= maximumTokenBytes else { return true }
        guard !segment.hasDigit, let cache = stemCache else {
            return try emitTerm(from: segment.start, to: segment.end, stemming: !segment.hasDigit, emit)
        }
        // A word's term depends only on its bytes: a repeated word is looked up, not analysed again.
        let key = UnsafeBufferPointer(rebasing: bytes[segment.start..<segment.end])
        let hash = StemCache.hash(key)
        if let term = cache.pointee.term(for: key, hash: hash) {
            return term.isEmpty ? true : try emit(term, segment.start, segment.end)
        }
        let length = buildTerm(from: segment.start, to: segment.end, stemming: true)
        termBytes.withUnsafeBufferPointer { term in
            cache.pointee.insert(key: key, hash: hash, term: UnsafeBufferPointer(rebasing: term[..<length]))
        }
        return try emitBuiltTerm(length: length, from: segment.start, to: segment.end, emit)
    }

    /// Analyses the token `bytes[start..<end]` and emits its term (an empty term is not emitted).
    private mutating func emitTerm<E: Error>(
        from start: Int, to end: Int, stemming: Bool,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool
    ) throws(E) -> Bool {
        let length = buildTerm(from: start, to: end, stemming: stemming)
        return try emitBuiltTerm(length: length, from: start, to: end, emit)
    }

    private func emitBuiltTerm<E: Error>(
        length: Int, from start: Int, to end: Int, _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool
    ) throws(E) -> Bool {
        guard length > 0 else { return true }
        return try termBytes.withUnsafeBufferPointer { (output) throws(E) -> Bool in
            try emit(UnsafeBufferPointer(rebasing: output[..<length]), start, end)
        }
    }

    /// Writes the term of the token `bytes[start..<end]` (lower-cased, composed, stemmed when asked,
    /// folded) into `termBytes` and returns its length in bytes.
    private mutating func buildTerm(from start: Int, to end: Int, stemming: Bool) -> Int {
        scalars.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let (scalar, length) = TextScalar.decode(bytes, at: index)
            switch TextScalar.kind(of: scalar) {
            case .letter: TextScalar.appendLowercased(scalar, to: &scalars)
            case .digit, .joiner: scalars.append(scalar)
            // Inside a token a colon can only be one joining digits (`nextSegmentStart`).
            case .separator where scalar == 0x3A: scalars.append(scalar)
            case .mark: TextScalar.compose(scalar, into: &scalars)
            case .apostrophe: scalars.append(0x27)
            case .ignorable, .separator: break
            }
            index += length
        }
        if stemming {
            stemmer.stem(&scalars)
        }
        let scalars = scalars
        let needed = scalars.count * TextScalar.maximumFoldedBytes
        if termBytes.count < needed {
            termBytes = [UInt8](repeating: 0, count: max(needed, 2 * termBytes.count, 256))
        }
        return termBytes.withUnsafeMutableBufferPointer { output in
            var length = 0
            for scalar in scalars {
                length = TextScalar.writeFoldedUTF8(scalar, to: output, at: length)
            }
            return length
        }
    }
}
