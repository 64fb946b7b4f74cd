/// Exact top-k of a ticket query with MaxScore pruning (Turtle & Flood 1995), newest ticket first.
///
/// Phrases are ordered by their upper bound (`TicketScoring.upperBound`); once the k-th best score θ is known,
/// the weakest phrases whose bounds add up to at most θ are *non-essential*: a ticket holding only those cannot
/// enter the top k, so candidates come only from the essential phrases' postings, and a candidate's remaining
/// bound is checked before each non-essential phrase is looked up and before proximity is computed. Nothing is
/// dropped that could reach the top k, so the result is what scoring every match gives (`exhaustive` does exactly
/// that, for tests and `kb-bench`). Ties go to the newest ticket (highest rowid): the walk runs from the newest
/// ticket down and a later ticket must score strictly higher to enter.
///
/// With `requireAll`, a ticket must hold a phrase of every group (`--mode all`, `prefix`); candidates then come
/// from the group with the fewest postings.
final class TicketRanker {
    struct Result: Equatable {
        let rowid: Int64
        let score: Double
    }

    /// One query phrase: its matcher (shared by identical phrases) and idf.
    struct Slot {
        let matcher: PhraseMatcher
        let idf: Double
        let bound: Double
        let proximityBound: Double
    }

    let index: TicketIndex
    let slots: [Slot?]
    let groups: [[Int]]
    let requireAll: Bool
    let scoring: TicketScoring
    let limit: Int
    let lowest: Int64
    let highest: Int64
    let accept: ((Int64) throws -> Bool)?

    // Per-ticket scratch in raw memory: written for every candidate, so no array bookkeeping in the loop.
    let termScores: UnsafeMutablePointer<Double>
    let near: UnsafeMutablePointer<Double>
    let occurrences: UnsafeMutablePointer<Int>
    /// For windowed ranking: which reference of the window each recorded slot came from.
    let slotReference: UnsafeMutablePointer<Int>
    let present: UnsafeMutablePointer<Int>
    var presentCount = 0
    private var instanceKeys: [Int64] = []
    private var positionScratch: [Int64] = []

    /// - Parameters:
    ///   - slots: the query's phrases in FTS5's numbering (nil for a phrase no ticket holds).
    ///   - groups: phrase numbers per group; with `requireAll` every group must match.
    init(index: TicketIndex, slots: [Slot?], groups: [[Int]], requireAll: Bool, scoring: TicketScoring, limit: Int,
         lowest: Int64, highest: Int64, accept: ((Int64) throws -> Bool)?) {
        self.index = index
        self.slots = slots
        self.groups = groups
        self.requireAll = requireAll
        self.scoring = scoring
        self.limit = max(1, limit)
        self.lowest = lowest
        self.highest = highest
        self.accept = accept
        termScores = .allocate(capacity: max(1, slots.count))
        near = .allocate(capacity: max(1, slots.count))
        occurrences = .allocate(capacity: max(1, slots.count))
        slotReference = .allocate(capacity: max(1, slots.count))
        present = .allocate(capacity: max(1, slots.count))
    }

    deinit {
        termScores.deallocate()
        near.deallocate()
        occurrences.deallocate()
        slotReference.deallocate()
        present.deallocate()
    }

    /// The best `limit` tickets, best first (ties: newest first).
    func run(exhaustive: Bool = false) throws -> [Result] {
        var heap = TopTickets(capacity: limit)
        let live = slots.indices.filter { slots[$0] != nil }
        guard !live.isEmpty else { return [] }
        if requireAll {
            let groupSlots = groups.map { $0.filter { slots[$0] != nil } }
            guard !groupSlots.contains(where: \.isEmpty) else { return [] }
            try runConjunction(groups: groupSlots, heap: &heap, exhaustive: exhaustive)
        } else if exhaustive {
            try runDisjunction(live: live, heap: &heap, exhaustive: true)
        } else {
            try runWindows(live: live, heap: &heap)
        }
        return heap.sorted()
    }

    /// The rowids of the newest `limit` matching tickets, newest first (no scoring).
    func matchingRowids(limit: Int) throws -> [Int64] {
        var found: [Int64] = []
        let live = slots.indices.filter { slots[$0] != nil }
        guard !live.isEmpty else { return [] }
        let matchers = live.map { slots[$0]!.matcher }
        if requireAll {
            let groupSlots = groups.map { $0.filter { slots[$0] != nil } }
            guard !groupSlots.contains(where: \.isEmpty) else { return [] }
            var target = highest
            while found.count < limit, target >= lowest,
                  let candidate = try nextConjunctionCandidate(groups: groupSlots, target: &target) {
                found.append(candidate)
                target = candidate - 1
            }
            return found
        }
        for matcher in matchers { try matcher.advance(to: highest) }
        while found.count < limit {
            let candidate = matchers.reduce(Int64(-1)) { max($0, $1.doc) }
            guard candidate >= lowest, candidate >= 0 else { break }
            found.append(candidate)
            for matcher in matchers where matcher.doc == candidate { try matcher.advance(to: candidate - 1) }
        }
        return found
    }

    // MARK: - Any phrase

    private func runDisjunction(live: [Int], heap: inout TopTickets, exhaustive: Bool) throws {
        // Phrases by bound, weakest first; a matcher shared by identical phrases is walked once.
        let order = live.sorted { (slots[$0]!.bound, $0) < (slots[$1]!.bound, $1) }
        var prefix: [Double] = []
        var running = 0.0
        for slot in order {
            running += slots[slot]!.bound
            prefix.append(running)
        }
        for slot in order { try slots[slot]!.matcher.advance(to: highest) }
        var essentialFrom = 0
        while true {
            var candidate: Int64 = -1
            for position in essentialFrom..<order.count {
                candidate = max(candidate, slots[order[position]]!.matcher.doc)
            }
            guard candidate >= lowest, candidate >= 0 else { break }
            presentCount = 0
            let lengthNorm = scoring.lengthNorm(try index.length(of: candidate))
            var sum = 0.0
            var proximity = 0.0
            for position in essentialFrom..<order.count {
                let slot = order[position]
                if slots[slot]!.matcher.doc == candidate { add(slot, lengthNorm: lengthNorm, sum: &sum, proximity: &proximity) }
            }
            var rejected = false
            var position = essentialFrom - 1
            while position >= 0 {
                if !exhaustive && heap.isFull && Self.atMost(sum + proximity + prefix[position], heap.threshold) {
                    rejected = true
                    break
                }
                let slot = order[position]
                let matcher = slots[slot]!.matcher
                try matcher.advance(to: candidate)
                if matcher.doc == candidate { add(slot, lengthNorm: lengthNorm, sum: &sum, proximity: &proximity) }
                position -= 1
            }
            if !rejected, try consider(candidate, sum: sum, lengthNorm: lengthNorm, heap: &heap, exhaustive: exhaustive) {
                    if heap.isFull && !exhaustive {
                        while essentialFrom < order.count && Self.atMost(prefix[essentialFrom], heap.threshold) {
                            essentialFrom += 1
                        }
                        if essentialFrom == order.count { break }
                    }
            }
            for position in essentialFrom..<order.count {
                let matcher = slots[order[position]]!.matcher
                if matcher.doc == candidate { try matcher.advance(to: candidate - 1) }
            }
        }
    }

    // MARK: - Every group

    /// The newest ticket at most `target` holding a phrase of every group, or nil; `target` moves down as groups miss.
    private func nextConjunctionCandidate(groups: [[Int]], target: inout Int64) throws -> Int64? {
        // Lead with the group whose phrases match fewest tickets.
        let ordered = groups.sorted { lhs, rhs in
            lhs.reduce(0) { $0 + slots[$1]!.matcher.documents } < rhs.reduce(0) { $0 + slots[$1]!.matcher.documents }
        }
        while target >= lowest {
            var candidate: Int64 = -1
            for slot in ordered[0] {
                let matcher = slots[slot]!.matcher
                try matcher.advance(to: target)
                candidate = max(candidate, matcher.doc)
            }
            guard candidate >= lowest, candidate >= 0 else { return nil }
            var next = candidate
            for group in ordered.dropFirst() {
                var best: Int64 = -1
                for slot in group {
                    let matcher = slots[slot]!.matcher
                    try matcher.advance(to: candidate)
                    best = max(best, matcher.doc)
                }
                if best < candidate {
                    next = best
                    break
                }
            }
            if next == candidate { return candidate }
            // Some group holds nothing at the candidate: its newest ticket below is the next one worth trying.
            guard next >= 0 else { return nil }
            target = next
        }
        return nil
    }

    private func runConjunction(groups: [[Int]], heap: inout TopTickets, exhaustive: Bool) throws {
        var target = highest
        while target >= lowest, let candidate = try nextConjunctionCandidate(groups: groups, target: &target) {
            presentCount = 0
            let lengthNorm = scoring.lengthNorm(try index.length(of: candidate))
            var sum = 0.0
            var proximity = 0.0
            for slot in slots.indices where slots[slot] != nil {
                let matcher = slots[slot]!.matcher
                try matcher.advance(to: candidate)
                if matcher.doc == candidate { add(slot, lengthNorm: lengthNorm, sum: &sum, proximity: &proximity) }
            }
            _ = try consider(candidate, sum: sum, lengthNorm: lengthNorm, heap: &heap, exhaustive: exhaustive)
            target = candidate - 1
        }
    }

    // MARK: - Scoring one ticket

    /// Scores the candidate whose phrases were recorded (`add`, `record`), unless even its proximity bound cannot lift
    /// it past the k-th score, and keeps it when it enters the top k (and passes `accept`); true when it was kept.
    /// `positions(slot, into)` appends a recorded phrase's positions in the candidate.
    func consider(_ candidate: Int64, sum: Double, lengthNorm: Double, heap: inout TopTickets, exhaustive: Bool,
                  positions: (Int, inout [Int64]) -> Void) throws -> Bool {
        let withProximity = scoring.proximityWeight > 0 && presentCount > 1
        if !exhaustive && heap.isFull {
            let bound = sum + (withProximity ? proximityBound(lengthNorm: lengthNorm) : 0)
            if Self.atMost(bound, heap.threshold) { return false }
        }
        let score = finalScore(lengthNorm: lengthNorm, withProximity: withProximity, positions: positions)
        guard !heap.isFull || score > heap.threshold, try accept?(candidate) ?? true else { return false }
        heap.insert(Result(rowid: candidate, score: score))
        return true
    }

    /// `consider` with positions read from the slots' own matchers (all on the candidate).
    func consider(_ candidate: Int64, sum: Double, lengthNorm: Double, heap: inout TopTickets, exhaustive: Bool) throws -> Bool {
        try consider(candidate, sum: sum, lengthNorm: lengthNorm, heap: &heap, exhaustive: exhaustive) { slot, positions in
            slots[slot]!.matcher.positions(into: &positions)
        }
    }

    /// The most the proximity parts of the recorded phrases can add: a phrase's accumulator gains at most the
    /// largest idf among the other phrases for each neighbouring pair of instances, and each instance has two
    /// neighbours, so it stays below min(2·own, 2·others' instances)·that idf.
    private func proximityBound(lengthNorm: Double) -> Double {
        var totalOccurrences = 0
        var best = -Double.infinity, second = -Double.infinity
        for index in 0..<presentCount {
            let slot = present[index]
            totalOccurrences += occurrences[slot]
            let idf = slots[slot]!.idf
            if idf > best { second = best; best = idf } else if idf > second { second = idf }
        }
        var bound = 0.0
        for index in 0..<presentCount {
            let slot = present[index]
            let idf = slots[slot]!.idf
            let otherIDF = idf == best ? second : best
            let pairs = 2 * min(occurrences[slot], totalOccurrences - occurrences[slot])
            bound += scoring.proximityScore(idf: idf, near: Double(pairs) * max(0, otherIDF), lengthNorm: lengthNorm)
        }
        return bound
    }

    /// Records phrase `slot` at the current ticket from its matcher: its BM25 part into `sum`.
    @inline(__always)
    func add(_ slot: Int, lengthNorm: Double, sum: inout Double, proximity: inout Double) {
        let phrase = slots[slot]!
        let frequency = phrase.matcher.frequency(scoring)
        record(slot, frequency: frequency, occurrences: phrase.matcher.occurrences, lengthNorm: lengthNorm, sum: &sum)
        if frequency > 0 { proximity += phrase.proximityBound }
    }

    /// Records phrase `slot` at the candidate with `frequency` (column-weighted) and `occurrences`.
    @inline(__always)
    func record(_ slot: Int, frequency: Double, occurrences count: Int, lengthNorm: Double, sum: inout Double) {
        guard frequency > 0 else { return }
        occurrences[slot] = count
        let score = scoring.termScore(idf: slots[slot]!.idf, frequency: frequency, lengthNorm: lengthNorm)
        termScores[slot] = score
        sum += score
        present[presentCount] = slot
        presentCount += 1
    }

    /// The ticket's exact score from the recorded phrases, summed in phrase order as `kb_rank` does.
    private func finalScore(lengthNorm: Double, withProximity: Bool, positions: (Int, inout [Int64]) -> Void) -> Double {
        var present = UnsafeMutableBufferPointer(start: self.present, count: presentCount)
        present.sort()
        for slot in present { near[slot] = 0 }
        if withProximity {
            // Instances as one sortable key each: column, offset, then the phrase's rank among those present,
            // which is FTS5's instance order (by position, then phrase number).
            var keys: [Int64] = []
            var scratch: [Int64] = []
            swap(&keys, &instanceKeys)
            swap(&scratch, &positionScratch)
            defer {
                swap(&keys, &instanceKeys)
                swap(&scratch, &positionScratch)
            }
            keys.removeAll(keepingCapacity: true)
            for (rank, slot) in present.enumerated() {
                scratch.removeAll(keepingCapacity: true)
                positions(slot, &scratch)
                for position in scratch {
                    let column = position >> 32, offset = position & 0xFFFF_FFFF
                    keys.append(column << 44 | offset << 12 | Int64(rank))
                }
            }
            keys.sort()
            var previousRank = -1
            var previousPosition: Int64 = 0
            for key in keys {
                let rank = Int(key & 0xFFF)
                let position = key >> 12
                if previousRank >= 0, previousPosition >> 32 == position >> 32, previousRank != rank, position > previousPosition {
                    let distance = Double(position - previousPosition)
                    let last = present[previousRank], current = present[rank]
                    near[last] += slots[current]!.idf / (distance * distance)
                    near[current] += slots[last]!.idf / (distance * distance)
                }
                previousRank = rank
                previousPosition = position
            }
        }
        var total = 0.0
        for slot in present {
            total += termScores[slot]
            let closeness = near[slot]
            if closeness > 0 {
                total += scoring.proximityScore(idf: slots[slot]!.idf, near: closeness, lengthNorm: lengthNorm)
            }
        }
        return total
    }

    /// `bound ≤ threshold`, with room for rounding: bounds and scores add the same terms in different orders.
    @inline(__always)
    static func atMost(_ bound: Double, _ threshold: Double) -> Bool {
        bound * (1 + 1e-12) + 1e-12 <= threshold
    }
}

/// The best tickets seen so far, at most `capacity`: a binary min-heap on (score, rowid).
struct TopTickets {
    private var items: [TicketRanker.Result] = []
    let capacity: Int

    init(capacity: Int) {
        self.capacity = capacity
        items.reserveCapacity(capacity)
    }

    var isFull: Bool { items.count >= capacity }
    /// The lowest score kept (meaningful when full).
    var threshold: Double { items.first?.score ?? -Double.infinity }

    mutating func insert(_ item: TicketRanker.Result) {
        if items.count < capacity {
            items.append(item)
            var child = items.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(items[child], than: items[parent]) else { break }
                items.swapAt(child, parent)
                child = parent
            }
            return
        }
        guard Self.worse(items[0], than: item) else { return }
        items[0] = item
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < items.count && Self.worse(items[left], than: items[smallest]) { smallest = left }
            if right < items.count && Self.worse(items[right], than: items[smallest]) { smallest = right }
            if smallest == parent { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
    }

    /// Best first: higher score, then higher rowid.
    func sorted() -> [TicketRanker.Result] {
        items.sorted { Self.worse($1, than: $0) }
    }

    @inline(__always)
    private static func worse(_ lhs: TicketRanker.Result, than rhs: TicketRanker.Result) -> Bool {
        lhs.score != rhs.score ? lhs.score < rhs.score : lhs.rowid < rhs.rowid
    }
}
