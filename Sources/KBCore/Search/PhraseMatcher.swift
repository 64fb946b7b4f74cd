/// One phrase of a ticket query, walked newest ticket first: a single term, several terms in a row, or postings
/// gathered in memory (prefix phrases).
///
/// `frequency` and `positions` describe the phrase at the current ticket; a multi-term phrase's occurrences are
/// the positions of its first term where the others follow at the next offsets of the same column, as FTS5
/// counts phrase instances.
final class PhraseMatcher {
    enum Source {
        case term(TermCursor)
        case sequence([TermCursor])
        case gathered(GatheredPostings)
    }

    let source: Source
    /// The phrase's idf, its global saturation bound and its score bound.
    let idf: Double
    let saturationBound: Double
    var upperBound = 0.0
    /// Documents of its rarest term (the most it can match).
    let documents: Int

    /// The current ticket, -1 when done, `Int64.max` before the first `advance`.
    private(set) var doc: Int64 = Int64.max
    /// Phrase instances at `doc` for `.sequence` (computed while matching).
    private var sequencePositions: [Int64] = []
    private var scratch: [[Int64]] = []

    /// Positions of the tickets a `.sequence` or `.gathered` scan met in the current window.
    private var windowPositions: [Int64] = []

    init(source: Source, idf: Double) {
        self.source = source
        self.idf = idf
        switch source {
        case .term(let cursor):
            saturationBound = cursor.bound
            documents = cursor.documents
        case .sequence(let cursors):
            saturationBound = cursors.map(\.bound).min() ?? 0
            documents = cursors.map(\.documents).min() ?? 0
        case .gathered(let postings):
            saturationBound = 1
            documents = postings.count
        }
    }

    /// Starts a scanning window.
    func beginWindow() {
        switch source {
        case .term(let cursor): cursor.beginWindow()
        default: windowPositions.removeAll(keepingCapacity: true)
        }
    }

    /// Appends the positions of a ticket a scan met in this window, by the reference the scan gave.
    func positions(reference: Int64, into positions: inout [Int64]) {
        switch source {
        case .term(let cursor): cursor.positions(reference: reference, into: &positions)
        default:
            let start = Int(reference >> 32)
            positions.append(contentsOf: windowPositions[start..<(start + Int(reference & 0xFFFF_FFFF))])
        }
    }

    /// Moves to the newest matching ticket at most `target`.
    func advance(to target: Int64) throws {
        guard doc > target else { return }
        switch source {
        case .term(let cursor):
            try cursor.advance(to: target)
            doc = cursor.doc
        case .gathered(let postings):
            postings.advance(to: target)
            doc = postings.doc
        case .sequence(let cursors):
            var target = target
            while true {
                // Intersect: every term must hold the ticket; the smallest current rowid is the next candidate.
                var candidate = target
                for cursor in cursors {
                    try cursor.advance(to: candidate)
                    if cursor.doc < 0 { doc = -1; return }
                    candidate = min(candidate, cursor.doc)
                }
                if cursors.allSatisfy({ $0.doc == candidate }) {
                    if matchSequence(cursors) {
                        doc = candidate
                        return
                    }
                    target = candidate - 1
                } else {
                    target = candidate
                }
                if target < 0 { doc = -1; return }
            }
        }
    }

    /// Calls `body(rowid, frequency, occurrences)` for every matching ticket from `high` down to `low`, newest
    /// first, leaving the matcher below `low`.
    @inline(__always)
    func scan(from high: Int64, to low: Int64, scoring: TicketScoring, _ body: (Int64, Double, Int, Int64) -> Void) throws {
        if case .term(let cursor) = source, scoring.usesPostingCounts {
            let titleWeight = scoring.weights.first ?? 1
            try cursor.scan(from: high, to: low) { rowid, title, other, reference in
                body(rowid, titleWeight * Double(title) + Double(other), Int(title + other), reference)
            }
            doc = cursor.doc
            return
        }
        try advance(to: high)
        var positions: [Int64] = []
        while doc >= low && doc >= 0 {
            positions.removeAll(keepingCapacity: true)
            self.positions(into: &positions)
            var frequency = 0.0
            for position in positions { frequency += scoring.weight(Int(position >> 32)) }
            if frequency > 0 {
                let reference = Int64(windowPositions.count) << 32 | Int64(positions.count)
                windowPositions += positions
                body(doc, frequency, positions.count, reference)
            }
            try advance(to: doc - 1)
        }
    }

    /// Column-weighted occurrences at the current ticket.
    func frequency(_ scoring: TicketScoring) -> Double {
        switch source {
        case .term(let cursor) where scoring.usesPostingCounts:
            return scoring.frequency(title: cursor.title, other: cursor.other)
        default:
            var positions: [Int64] = []
            self.positions(into: &positions)
            var total = 0.0
            for position in positions { total += scoring.weight(Int(position >> 32)) }
            return total
        }
    }

    /// Instances of the phrase at the current ticket.
    var occurrences: Int {
        switch source {
        case .term(let cursor): return Int(cursor.title + cursor.other)
        case .sequence: return sequencePositions.count
        case .gathered(let postings): return postings.occurrences
        }
    }

    /// Appends the phrase's instance positions at the current ticket, in order.
    func positions(into positions: inout [Int64]) {
        switch source {
        case .term(let cursor): cursor.positions(into: &positions)
        case .sequence: positions.append(contentsOf: sequencePositions)
        case .gathered(let postings): postings.positions(into: &positions)
        }
    }

    /// Whether the terms follow each other somewhere in the current ticket (all cursors on it); keeps the instances.
    private func matchSequence(_ cursors: [TermCursor]) -> Bool {
        if scratch.count != cursors.count { scratch = Array(repeating: [], count: cursors.count) }
        for (index, cursor) in cursors.enumerated() {
            scratch[index].removeAll(keepingCapacity: true)
            cursor.positions(into: &scratch[index])
        }
        sequencePositions.removeAll(keepingCapacity: true)
        var pointers = Array(repeating: 0, count: cursors.count)
        for start in scratch[0] {
            var found = true
            for term in 1..<cursors.count {
                let wanted = start + Int64(term)
                let list = scratch[term]
                var pointer = pointers[term]
                while pointer < list.count && list[pointer] < wanted { pointer += 1 }
                pointers[term] = pointer
                if pointer == list.count || list[pointer] != wanted {
                    found = false
                    break
                }
            }
            if found { sequencePositions.append(start) }
        }
        return !sequencePositions.isEmpty
    }
}

/// Postings of a prefix phrase, merged in memory from every term it expands to, newest ticket first.
final class GatheredPostings {
    private var rowids: [Int64] = []
    private var positionEnds: [Int] = []
    private var allPositions: [Int64] = []
    private var current = -1
    private(set) var doc: Int64 = Int64.max

    var count: Int { rowids.count }

    /// Builds the list from `(rowid, positions)` pairs in any order; positions of the same ticket are merged.
    init(_ postings: [(rowid: Int64, positions: [Int64])]) {
        let sorted = postings.sorted { $0.rowid > $1.rowid }
        var index = 0
        while index < sorted.count {
            let rowid = sorted[index].rowid
            var merged: [Int64] = []
            while index < sorted.count && sorted[index].rowid == rowid {
                merged += sorted[index].positions
                index += 1
            }
            merged.sort()
            rowids.append(rowid)
            allPositions += merged
            positionEnds.append(allPositions.count)
        }
    }

    func advance(to target: Int64) {
        guard doc > target else { return }
        var index = current + 1
        while index < rowids.count && rowids[index] > target { index += 1 }
        current = index
        doc = index < rowids.count ? rowids[index] : -1
    }

    /// Instances at the current ticket.
    var occurrences: Int {
        guard current >= 0, current < rowids.count else { return 0 }
        return positionEnds[current] - (current == 0 ? 0 : positionEnds[current - 1])
    }

    func positions(into positions: inout [Int64]) {
        guard current >= 0, current < rowids.count else { return }
        let start = current == 0 ? 0 : positionEnds[current - 1]
        positions.append(contentsOf: allPositions[start..<positionEnds[current]])
    }
}
