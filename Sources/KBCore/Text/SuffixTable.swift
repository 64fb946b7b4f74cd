/// A set of suffixes, each tagged with a rule number, answering Snowball's
/// `substring … among(…)` question: which listed suffix is the longest one
/// the word ends with.
///
/// Suffixes are bucketed by their last scalar and sorted longest first, so a
/// lookup compares only the few suffixes that can possibly match.
struct SuffixTable: Sendable {
    /// The result of a lookup: which rule matched and where its suffix starts.
    struct Match {
        let rule: Int
        let start: Int
    }

    private static let bucketCount = 0x180

    private let scalars: [UInt32]
    private let offsets: [Int]
    private let lengths: [Int]
    private let rules: [Int]
    /// `bucketBounds[b] ..< bucketBounds[b + 1]` are the entries whose last
    /// scalar is `b`; the last bucket collects every scalar beyond Latin
    /// Extended-A.
    private let bucketBounds: [Int]

    /// Creates a table from groups of suffixes; the rule number of a suffix
    /// is the index of its group.
    init(_ groups: [[String]]) {
        var entries: [(suffix: [UInt32], rule: Int)] = []
        for (rule, group) in groups.enumerated() {
            for suffix in group {
                entries.append((suffix.unicodeScalars.map(\.value), rule))
            }
        }
        entries.sort { lhs, rhs in
            let lhsBucket = SuffixTable.bucket(of: lhs.suffix.last ?? 0)
            let rhsBucket = SuffixTable.bucket(of: rhs.suffix.last ?? 0)
            if lhsBucket != rhsBucket { return lhsBucket < rhsBucket }
            if lhs.suffix.count != rhs.suffix.count { return lhs.suffix.count > rhs.suffix.count }
            return lhs.suffix.lexicographicallyPrecedes(rhs.suffix)
        }
        var scalars: [UInt32] = []
        var offsets: [Int] = []
        var lengths: [Int] = []
        var rules: [Int] = []
        var bucketBounds = [Int](repeating: 0, count: SuffixTable.bucketCount + 2)
        for entry in entries {
            offsets.append(scalars.count)
            lengths.append(entry.suffix.count)
            rules.append(entry.rule)
            scalars.append(contentsOf: entry.suffix)
            bucketBounds[SuffixTable.bucket(of: entry.suffix.last ?? 0) + 1] += 1
        }
        for bucket in 1 ..< bucketBounds.count {
            bucketBounds[bucket] += bucketBounds[bucket - 1]
        }
        self.scalars = scalars
        self.offsets = offsets
        self.lengths = lengths
        self.rules = rules
        self.bucketBounds = bucketBounds
    }

    private static func bucket(of scalar: UInt32) -> Int {
        scalar < UInt32(bucketCount) ? Int(scalar) : bucketCount
    }

    /// Finds the longest suffix of `word[..<end]` that starts at or after
    /// `limit` (Snowball's `setlimit`); nil when no listed suffix matches.
    func longestMatch(in word: [UInt32], end: Int, limit: Int = 0) -> Match? {
        guard end > limit else { return nil }
        let bucket = SuffixTable.bucket(of: word[end - 1])
        let available = end - limit
        for entry in bucketBounds[bucket] ..< bucketBounds[bucket + 1] {
            let length = lengths[entry]
            if length > available { continue }
            let start = end - length
            let offset = offsets[entry]
            var position = 0
            // The last scalar is known to match (same bucket, except for the
            // overflow bucket), so compare from the front.
            while position < length, word[start + position] == scalars[offset + position] {
                position += 1
            }
            if position == length {
                return Match(rule: rules[entry], start: start)
            }
        }
        return nil
    }
}
