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
    private var termBytes: [UInt8] = []
    /// Segments of the code candidate being scanned; bounded because a
    /// candidate longer than `maximumTokenBytes` is flushed as words.
    private var pending: [Segment] = []

    init(bytes: UnsafeBufferPointer<UInt8>, stemmer: any Stemmer, allowsApostrophes: Bool, maximumTokenBytes: Int) {
        self.bytes = bytes
        self.stemmer = stemmer
        self.allowsApostrophes = allowsApostrophes
        self.maximumTokenBytes = maximumTokenBytes
        scalars.reserveCapacity(4 * maximumTokenBytes)
        termBytes.reserveCapacity(8 * maximumTokenBytes)
        pending.reserveCapacity(maximumTokenBytes / 2 + 1)
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
        var hasDigit = segment.hasDigit
        var isSplit = false
        pending.removeAll(keepingCapacity: true)
        pending.append(segment)
        while let next = nextSegmentStart(afterJoinerAt: segment.end) {
            segment = scanSegment(from: next)
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
        while index < bytes.count {
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
    /// directly followed by a letter or digit; nil otherwise.
    private func nextSegmentStart(afterJoinerAt index: Int) -> Int? {
        guard index + 1 < bytes.count else { return nil }
        switch bytes[index] {
        case UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "/"), UInt8(ascii: "_"):
            switch TextScalar.kind(of: TextScalar.decode(bytes, at: index + 1).scalar) {
            case .letter, .digit: return index + 1
            default: return nil
            }
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
        return try emitTerm(from: segment.start, to: segment.end, stemming: !segment.hasDigit, emit)
    }

    private mutating func emitTerm<E: Error>(
        from start: Int, to end: Int, stemming: Bool,
        _ emit: (UnsafeBufferPointer<UInt8>, Int, Int) throws(E) -> Bool
    ) throws(E) -> Bool {
        scalars.removeAll(keepingCapacity: true)
        var index = start
        while index < end {
            let (scalar, length) = TextScalar.decode(bytes, at: index)
            switch TextScalar.kind(of: scalar) {
            case .letter: TextScalar.appendLowercased(scalar, to: &scalars)
            case .digit, .joiner: scalars.append(scalar)
            case .mark: TextScalar.compose(scalar, into: &scalars)
            case .apostrophe: scalars.append(0x27)
            case .ignorable, .separator: break
            }
            index += length
        }
        if stemming {
            stemmer.stem(&scalars)
        }
        termBytes.removeAll(keepingCapacity: true)
        for scalar in scalars {
            TextScalar.appendFoldedUTF8(scalar, to: &termBytes)
        }
        guard !termBytes.isEmpty else { return true }
        return try termBytes.withUnsafeBufferPointer { (term) throws(E) -> Bool in try emit(term, start, end) }
    }
}
