import Foundation

extension TicketRanker {
    /// The first window's width in rowids; each next one is 4 times wider, up to `windowWidth`.
    static let firstWindow: Int64 = 64
    static let windowWidth: Int64 = 4_096

    /// One distinct phrase, read once per window (identical phrases share it and add their parts together).
    private struct Unit {
        let matcher: PhraseMatcher
        var slots: [Int]
        var bound: Double
        let idf: Double
    }

    /// Pruned top-k for OR queries, a window of rowids at a time, newest first (as Lucene's BooleanScorer, with
    /// MaxScore's split of phrases into essential and non-essential):
    ///
    /// 1. every essential phrase adds its BM25 part to its tickets' accumulators, a tight loop over the decoded
    ///    chunks (no positions);
    /// 2. non-essential phrases, strongest first, add theirs only to tickets whose accumulator plus every bound
    ///    still unread (the remaining phrases' and the proximity's) can beat the k-th score θ;
    /// 3. the survivors are scored exactly, newest first, from what the window read (positions only now).
    ///
    /// θ is the heap's lowest score once it holds k tickets; it only grows, so each window prunes at least as
    /// much as the one before. A ticket is dropped only when an upper bound of its score is at most θ, so the
    /// result is the exhaustive one. The matchers must be scanners (`TicketIndex.makeMatcher`), which keep a
    /// window's postings readable until the next window.
    func runWindows(live: [Int], heap: inout TopTickets) throws {
        var units: [Unit] = []
        var unitOfMatcher: [ObjectIdentifier: Int] = [:]
        for slot in live {
            let phrase = slots[slot]!
            if let known = unitOfMatcher[ObjectIdentifier(phrase.matcher)] {
                units[known].slots.append(slot)
                units[known].bound += phrase.bound
            } else {
                unitOfMatcher[ObjectIdentifier(phrase.matcher)] = units.count
                units.append(Unit(matcher: phrase.matcher, slots: [slot], bound: phrase.bound, idf: phrase.idf))
            }
        }
        units.sort { ($0.bound, $0.slots[0]) < ($1.bound, $1.slots[0]) }
        var prefix: [Double] = []
        var running = 0.0
        for unit in units {
            running += unit.bound
            prefix.append(running)
        }
        let largestIDF = live.map { slots[$0]!.idf }.max() ?? 0

        let width = Int(Self.windowWidth)
        let accumulated = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let proximityBounds = UnsafeMutablePointer<Double>.allocate(capacity: width)
        let phraseCounts = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        let firstReference = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        let touched = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        let candidates = UnsafeMutablePointer<Int32>.allocate(capacity: width)
        defer {
            accumulated.deallocate()
            proximityBounds.deallocate()
            phraseCounts.deallocate()
            firstReference.deallocate()
            touched.deallocate()
            candidates.deallocate()
        }
        phraseCounts.initialize(repeating: 0, count: width)
        // `candidates` lists every ticket the window touched (to clear its marks); `touched` those still alive.
        var candidateCount = 0
        var touchedCount = 0
        // What each phrase found in each ticket, as linked lists per ticket: unit, frequency, instances, where.
        var referenceUnit: [Int32] = []
        var referenceFrequency: [Double] = []
        var referenceOccurrences: [Int32] = []
        var referenceWhere: [Int64] = []
        var referenceNext: [Int32] = []

        var high: Int64 = -1
        for unit in units {
            try unit.matcher.advance(to: highest)
            high = max(high, unit.matcher.doc)
        }
        var size = Self.firstWindow
        var essentialFrom = 0
        var debugCandidates = 0, debugSurvivors = 0, debugWindows = 0, debugReferences = 0
        defer {
            if ProcessInfo.processInfo.environment["KB_RANK_DEBUG"] != nil {
                FileHandle.standardError.write(Data("windows \(debugWindows) candidates \(debugCandidates) refs \(debugReferences) survivors \(debugSurvivors) essentialFrom \(essentialFrom) θ \(heap.threshold) units \(units.map { "\($0.matcher.documents):\(String(format: "%.2f", $0.bound))" })\n".utf8))
            }
        }
        while high >= lowest {
            let low = max(lowest, high - size + 1)
            for index in 0..<candidateCount { phraseCounts[Int(candidates[index])] = 0 }
            candidateCount = 0
            touchedCount = 0
            referenceUnit.removeAll(keepingCapacity: true)
            referenceFrequency.removeAll(keepingCapacity: true)
            referenceOccurrences.removeAll(keepingCapacity: true)
            referenceWhere.removeAll(keepingCapacity: true)
            referenceNext.removeAll(keepingCapacity: true)
            for unit in units { unit.matcher.beginWindow() }
            let lengths = try index.lengths(from: low, to: high)

            // Adds unit `position`'s part to a ticket of the window (only to live candidates unless `opens`).
            func scan(_ position: Int, opens: Bool) throws {
                let unit = units[position]
                let multiplicity = Double(unit.slots.count)
                try unit.matcher.scan(from: high, to: low, scoring: scoring) { rowid, frequency, occurrences, location in
                    let offset = Int(high - rowid)
                    if phraseCounts[offset] == 0 {
                        guard opens else { return }
                        touched[touchedCount] = Int32(offset)
                        touchedCount += 1
                        candidates[candidateCount] = Int32(offset)
                        candidateCount += 1
                        accumulated[offset] = 0
                        proximityBounds[offset] = 0
                        firstReference[offset] = -1
                    } else if phraseCounts[offset] < 0 {
                        return
                    }
                    let lengthNorm = scoring.lengthNorm(Int(lengths[Int(rowid)]))
                    accumulated[offset] += multiplicity * scoring.termScore(idf: unit.idf, frequency: frequency, lengthNorm: lengthNorm)
                    proximityBounds[offset] += multiplicity * scoring.proximityScore(
                        idf: unit.idf, near: 2 * Double(occurrences) * largestIDF, lengthNorm: lengthNorm)
                    phraseCounts[offset] += Int32(unit.slots.count)
                    referenceUnit.append(Int32(position))
                    referenceFrequency.append(frequency)
                    referenceOccurrences.append(Int32(clamping: occurrences))
                    referenceWhere.append(location)
                    referenceNext.append(firstReference[offset])
                    firstReference[offset] = Int32(referenceUnit.count - 1)
                }
            }

            // 1. Essential phrases: every ticket they hold in the window becomes a candidate.
            for position in essentialFrom..<units.count { try scan(position, opens: true) }

            // 2. Non-essential phrases, strongest first, only where a candidate can still beat θ.
            var position = essentialFrom - 1
            while touchedCount > 0 {
                let remaining = position >= 0 ? prefix[position] : 0
                if heap.isFull {
                    let threshold = heap.threshold
                    var kept = 0
                    for index in 0..<touchedCount {
                        let offset = Int(touched[index])
                        // A lone phrase has no neighbour to be near unless a remaining phrase turns up.
                        var bound = accumulated[offset] + remaining
                        if phraseCounts[offset] > 1 || remaining > 0 { bound += proximityBounds[offset] }
                        if Self.atMost(bound, threshold) {
                            phraseCounts[offset] = -1
                        } else {
                            touched[kept] = Int32(offset)
                            kept += 1
                        }
                    }
                    touchedCount = kept
                }
                guard position >= 0, touchedCount > 0 else { break }
                try scan(position, opens: false)
                position -= 1
            }

            debugWindows += 1; debugCandidates += candidateCount; debugSurvivors += touchedCount; debugReferences += referenceUnit.count
            // 3. Survivors, newest first, scored exactly from what the window read.
            var survivors = UnsafeMutableBufferPointer(start: touched, count: touchedCount)
            survivors.sort()
            for offset in survivors {
                let candidate = high - Int64(offset)
                presentCount = 0
                let lengthNorm = scoring.lengthNorm(Int(lengths[Int(candidate)]))
                var sum = 0.0
                var reference = Int(firstReference[Int(offset)])
                while reference >= 0 {
                    for slot in units[Int(referenceUnit[reference])].slots {
                        record(slot, frequency: referenceFrequency[reference], occurrences: Int(referenceOccurrences[reference]),
                               lengthNorm: lengthNorm, sum: &sum)
                        slotReference[slot] = reference
                    }
                    reference = Int(referenceNext[reference])
                }
                _ = try consider(candidate, sum: sum, lengthNorm: lengthNorm, heap: &heap, exhaustive: false) { slot, positions in
                    let reference = self.slotReference[slot]
                    units[Int(referenceUnit[reference])].matcher.positions(reference: referenceWhere[reference], into: &positions)
                }
            }

            size = min(Self.windowWidth, size * 4)
            if heap.isFull {
                while essentialFrom < units.count && Self.atMost(prefix[essentialFrom], heap.threshold) { essentialFrom += 1 }
            }
            // The next window starts at the newest ticket an essential phrase still holds (skipping empty rowids).
            var newest: Int64 = -1
            for position in essentialFrom..<units.count { newest = max(newest, min(low - 1, units[position].matcher.doc)) }
            high = newest
        }
    }
}
