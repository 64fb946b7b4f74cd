/// The best `limit` (score, rowid) pairs so far, as a binary min-heap whose root is the one to beat: a lower score,
/// or the same score and a lower rowid (of equal scores the higher rowid wins, as ranking's tie-break wants, in
/// whatever order the rows come). Used by `TicketPostingsRanker`, ranking's second phase and the similar tickets of
/// reviews.
struct TopScores {
    let limit: Int
    private var heap: [(score: Double, rowid: Int64)] = []

    init(limit: Int) {
        self.limit = limit
        heap.reserveCapacity(limit)
    }

    /// The score a ticket must reach to enter (equal scores enter: they come with higher rowids); -infinity
    /// until `limit` tickets are kept.
    var threshold: Double { limit > 0 && heap.count == limit ? heap[0].score : -.infinity }

    private static func worse(_ left: (score: Double, rowid: Int64), _ right: (score: Double, rowid: Int64)) -> Bool {
        left.score != right.score ? left.score < right.score : left.rowid < right.rowid
    }

    /// Keeps the ticket if it is among the best `limit` so far; returns whether it was kept.
    mutating func keep(rowid: Int64, score: Double) -> Bool {
        let entry = (score: score, rowid: rowid)
        if heap.count < limit {
            heap.append(entry)
            var child = heap.count - 1
            while child > 0 {
                let parent = (child - 1) / 2
                guard Self.worse(heap[child], heap[parent]) else { break }
                heap.swapAt(child, parent)
                child = parent
            }
            return true
        }
        guard Self.worse(heap[0], entry) else { return false }
        heap[0] = entry
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { break }
            let right = left + 1
            let smaller = right < heap.count && Self.worse(heap[right], heap[left]) ? right : left
            guard Self.worse(heap[smaller], heap[parent]) else { break }
            heap.swapAt(smaller, parent)
            parent = smaller
        }
        return true
    }

    /// The tickets kept, best first.
    func sorted() -> [(rowid: Int64, score: Double)] {
        heap.sorted { Self.worse($1, $0) }.map { (rowid: $0.rowid, score: $0.score) }
    }
}
