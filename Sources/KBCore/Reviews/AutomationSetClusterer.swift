/// Greedy leader clustering of term sets by Jaccard similarity, without comparing every pair.
///
/// Sets arrive in a fixed order; each joins the existing leader it is most similar to when that
/// similarity reaches `threshold` (ties go to the older leader), otherwise it becomes a leader.
///
/// Prefix filtering keeps the work near linear: terms are ordered rarest first (document frequency,
/// then id), and two sets with Jaccard ≥ t must share a term among the first `|s| − ⌈t·|s|⌉ + 1` terms
/// of each (J ≥ t implies an overlap of at least ⌈t·|s|⌉ terms). Leaders are indexed by those prefix
/// terms only, so a set is compared with the few leaders that share one of its rarest terms — the
/// "signature" bucket — never with all of them.
struct AutomationSetClusterer {
    /// Minimum Jaccard similarity to join a leader.
    let threshold: Double
    /// Position of each term id in the rarest-first order.
    private let rank: [Int32]
    /// Leader term sets, each sorted by `rank`.
    private(set) var leaders: [[Int32]] = []
    private var index: [Int32: [Int]] = [:]
    private var seenStamp: [Int] = []
    private var stamp = 0

    /// A clusterer for term ids `0..<documentFrequency.count`; `documentFrequency[id]` orders terms rarest first.
    init(threshold: Double, documentFrequency: [Int]) {
        self.threshold = threshold
        let order = documentFrequency.indices.sorted { (documentFrequency[$0], $0) < (documentFrequency[$1], $1) }
        var rank = [Int32](repeating: 0, count: documentFrequency.count)
        for (position, term) in order.enumerated() { rank[term] = Int32(position) }
        self.rank = rank
    }

    /// Places a non-empty set of distinct term ids: the leader it joined (or now is) and its similarity to it.
    mutating func assign(_ terms: [Int32]) -> (leader: Int, similarity: Double) {
        let set = terms.sorted { rank[Int($0)] < rank[Int($1)] }
        var best: (leader: Int, similarity: Double)?
        stamp += 1
        for term in set.prefix(prefixLength(set.count)) {
            for leader in index[term] ?? [] {
                if leader >= seenStamp.count { seenStamp.append(contentsOf: repeatElement(0, count: leader - seenStamp.count + 1)) }
                guard seenStamp[leader] != stamp else { continue }
                seenStamp[leader] = stamp
                let similarity = jaccard(set, leaders[leader])
                guard similarity + 1e-9 >= threshold else { continue }
                if best == nil || similarity > best!.similarity + 1e-12
                    || (abs(similarity - best!.similarity) <= 1e-12 && leader < best!.leader) {
                    best = (leader, similarity)
                }
            }
        }
        if let best { return best }
        let leader = leaders.count
        leaders.append(set)
        for term in set.prefix(prefixLength(set.count)) { index[term, default: []].append(leader) }
        return (leader, 1)
    }

    /// Terms of a set of `count` terms that any set at least `threshold` similar must share one of.
    private func prefixLength(_ count: Int) -> Int {
        // The small slack keeps a product such as 0.8 × 5 from rounding up past 4.
        let required = Int((threshold * Double(count) - 1e-9).rounded(.up))
        return min(count, max(1, count - required + 1))
    }

    /// Jaccard similarity of two sets sorted by `rank`.
    private func jaccard(_ left: [Int32], _ right: [Int32]) -> Double {
        var i = 0, j = 0, shared = 0
        while i < left.count && j < right.count {
            let a = rank[Int(left[i])], b = rank[Int(right[j])]
            if a == b {
                shared += 1
                i += 1
                j += 1
            } else if a < b {
                i += 1
            } else {
                j += 1
            }
        }
        let union = left.count + right.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }
}
