import Foundation

/// Merges near-duplicate items of one signal (action wordings, recurring causes, kinds of request, evidence asks)
/// by what their texts mean rather than how they are written.
///
/// (The measure is chosen per signal, see ``Measure``.)
///
/// Each item is a set of normalised terms (``AutomationTextNormalizer``: stems, synonym groups, function words
/// dropped). Two items say the same thing when their **weighted Dice similarity** reaches a threshold:
/// `2 × w(shared) / (w(A) + w(B))`, where a term weighs its inverse document frequency among all the distinct
/// texts mining read (actions, asks, causes, request titles: ``AutomationCollector/termWeights()``),
/// `ln(1 + n / df)`: courtesy and filler words that every kind of text uses weigh little. So "Volvemos el tráfico a la troncal principal" and "Retorno del tráfico a la troncal
/// principal" agree on their rare words (`princip`, `trafic`) and are one step, while two actions that share only
/// words every action uses do not. Dice is symmetric: a long text does not swallow every short one that shares
/// one of its words, as an overlap coefficient would.
///
/// Pairs are found through an inverted index (two items can only be similar when they share a term), taken in
/// order of similarity (ties by position), and joined with a union-find; `compatible` is asked about the two
/// whole groups before each join, so a caller can keep apart groups that must stay apart (two actions done in
/// the same incident are two steps, whatever their words).
struct AutomationMeaningMerger {
    /// How shared weight is compared with the two texts' weights.
    enum Measure {
        /// `2 × shared / (w(A) + w(B))`: both texts must be mostly shared (short, parallel texts: actions, titles).
        case dice
        /// `shared / min(w(A), w(B))`: the shorter text must be mostly in the longer one (long texts that add
        /// their own details to a common core: root causes, requests for evidence). As ``CauseSignature`` compares
        /// root causes.
        case overlap
    }

    /// Weight of each term id.
    let weights: [Double]
    let measure: Measure

    /// A merger with these term weights (by term id).
    init(weights: [Double], measure: Measure = .dice) {
        self.weights = weights
        self.measure = measure
    }

    /// Inverse document frequencies, `ln(1 + n / df)`, of `termCount` term ids over `sets`.
    static func inverseFrequencies<S: Sequence>(of sets: S, termCount: Int) -> [Double] where S.Element == [Int32] {
        var frequency = [Int](repeating: 0, count: termCount)
        var count = 0
        for set in sets {
            count += 1
            for term in Set(set) where Int(term) < termCount { frequency[Int(term)] += 1 }
        }
        return frequency.map { $0 == 0 ? 1 : log(1 + Double(count) / Double($0)) }
    }

    /// The similarity (by ``measure``) of two sets of distinct term ids.
    func similarity(_ left: [Int32], _ right: [Int32]) -> Double {
        let rightSet = Set(right)
        var shared = 0.0, leftWeight = 0.0, rightWeight = 0.0
        for term in left {
            let weight = weights[Int(term)]
            leftWeight += weight
            if rightSet.contains(term) { shared += weight }
        }
        for term in right { rightWeight += weights[Int(term)] }
        switch measure {
        case .dice: return leftWeight + rightWeight == 0 ? 0 : 2 * shared / (leftWeight + rightWeight)
        case .overlap: return min(leftWeight, rightWeight) == 0 ? 0 : shared / min(leftWeight, rightWeight)
        }
    }

    /// The group of each item, named by its smallest member index.
    ///
    /// `partition` keeps items of different partitions apart (a service, say); `compatible(a, b)` is asked with
    /// the member lists of two groups before they are joined.
    func groups(of items: [[Int32]], threshold: Double, partition: (Int) -> String = { _ in "" },
                compatible: ([Int], [Int]) -> Bool = { _, _ in true }) -> [Int] {
        var postings: [Int32: [Int]] = [:]
        for (index, terms) in items.enumerated() {
            for term in Set(terms) { postings[term, default: []].append(index) }
        }
        var pairs: [(left: Int, right: Int, similarity: Double)] = []
        for (index, terms) in items.enumerated() {
            var candidates = Set<Int>()
            for term in Set(terms) {
                for other in postings[term] ?? [] where other > index { candidates.insert(other) }
            }
            let key = partition(index)
            for other in candidates.sorted() where partition(other) == key {
                let similarity = similarity(terms, items[other])
                if similarity + 1e-9 >= threshold { pairs.append((index, other, similarity)) }
            }
        }
        pairs.sort { ($0.similarity, $1.left, $1.right) > ($1.similarity, $0.left, $0.right) }
        var parent = Array(items.indices)
        var members = items.indices.map { [$0] }
        func root(_ item: Int) -> Int {
            var item = item
            while parent[item] != item { item = parent[item] }
            return item
        }
        for pair in pairs {
            let (a, b) = (root(pair.left), root(pair.right))
            guard a != b, compatible(members[a], members[b]) else { continue }
            let (keep, gone) = a < b ? (a, b) : (b, a)
            parent[gone] = keep
            members[keep] += members[gone]
            members[gone] = []
        }
        return items.indices.map(root)
    }
}
