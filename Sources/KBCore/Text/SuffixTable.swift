/// A set of suffixes, each tagged with a rule number, answering Snowball's
/// `substring … among(…)` question: which listed suffix is the longest one
/// the word ends with.
///
/// The suffixes form a trie read from the end of the word, so a lookup
/// costs one step per matched scalar however many suffixes are listed (the
/// Spanish verb table has over a hundred).
struct SuffixTable: Sendable {
    /// The result of a lookup: which rule matched and where its suffix starts.
    struct Match {
        let rule: Int
        let start: Int
    }

    /// Scalars below this bound index the root's children directly.
    private static let directRootCount = 0x180

    /// Child of the root for each final scalar below `directRootCount`, or -1.
    private let rootChildren: [Int32]
    /// Rule of the suffix ending at each node, or -1.
    private let nodeRules: [Int32]
    /// `edgeStarts[n] ..< edgeStarts[n + 1]` are node n's outgoing edges.
    private let edgeStarts: [Int32]
    private let edgeScalars: [UInt32]
    private let edgeTargets: [Int32]

    /// Creates a table from groups of suffixes; the rule number of a suffix
    /// is the index of its group.
    init(_ groups: [[String]]) {
        // Build with dictionaries, then flatten into arrays for lookups.
        var children: [[UInt32: Int]] = [[:]]
        var rules: [Int32] = [-1]
        for (rule, group) in groups.enumerated() {
            for suffix in group {
                var node = 0
                for scalar in suffix.unicodeScalars.reversed() {
                    if let next = children[node][scalar.value] {
                        node = next
                    } else {
                        children.append([:])
                        rules.append(-1)
                        children[node][scalar.value] = children.count - 1
                        node = children.count - 1
                    }
                }
                rules[node] = Int32(rule)
            }
        }
        var edgeStarts: [Int32] = []
        var edgeScalars: [UInt32] = []
        var edgeTargets: [Int32] = []
        for edges in children {
            edgeStarts.append(Int32(edgeScalars.count))
            for (scalar, target) in edges.sorted(by: { $0.key < $1.key }) {
                edgeScalars.append(scalar)
                edgeTargets.append(Int32(target))
            }
        }
        edgeStarts.append(Int32(edgeScalars.count))
        var rootChildren = [Int32](repeating: -1, count: Self.directRootCount)
        for (scalar, target) in children[0] where scalar < UInt32(Self.directRootCount) {
            rootChildren[Int(scalar)] = Int32(target)
        }
        self.rootChildren = rootChildren
        self.nodeRules = rules
        self.edgeStarts = edgeStarts
        self.edgeScalars = edgeScalars
        self.edgeTargets = edgeTargets
    }

    private func child(of node: Int, for scalar: UInt32) -> Int? {
        if node == 0, scalar < UInt32(Self.directRootCount) {
            let target = rootChildren[Int(scalar)]
            return target >= 0 ? Int(target) : nil
        }
        var edge = Int(edgeStarts[node])
        let end = Int(edgeStarts[node + 1])
        while edge < end {
            if edgeScalars[edge] == scalar { return Int(edgeTargets[edge]) }
            edge += 1
        }
        return nil
    }

    /// Finds the longest suffix of `word[..<end]` that starts at or after
    /// `limit` (Snowball's `setlimit`); nil when no listed suffix matches.
    func longestMatch(in word: [UInt32], end: Int, limit: Int = 0) -> Match? {
        var node = 0
        var position = end
        var best: Match?
        while position > limit, let next = child(of: node, for: word[position - 1]) {
            node = next
            position -= 1
            let rule = nodeRules[node]
            if rule >= 0 {
                best = Match(rule: Int(rule), start: position)
            }
        }
        return best
    }
}
