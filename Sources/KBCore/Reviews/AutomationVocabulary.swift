/// Dense integer ids for normalised terms, so term sets are small sorted integer arrays.
struct AutomationVocabulary: Sendable {
    private var ids: [String: Int32] = [:]

    /// Number of distinct terms seen.
    var count: Int { ids.count }

    /// The id of a term, assigning the next one to a new term.
    mutating func id(for term: String) -> Int32 {
        if let id = ids[term] { return id }
        let id = Int32(ids.count)
        ids[term] = id
        return id
    }

    /// Ids of terms, in the same order.
    mutating func ids(for terms: [String]) -> [Int32] { terms.map { id(for: $0) } }

    /// How many of `sets` contain each term id (indexed by id, `count` entries).
    func documentFrequency<S: Sequence>(of sets: S) -> [Int] where S.Element == [Int32] {
        var frequency = [Int](repeating: 0, count: count)
        for set in sets {
            for term in set { frequency[Int(term)] += 1 }
        }
        return frequency
    }
}
