/// A Prometheus histogram of request durations: cumulative bucket counts, the sum and the count.
struct LatencyHistogram {
    /// Upper bounds in seconds, from 1 ms (an id lookup) to 10 s (a period review).
    static let bounds: [Double] = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    /// Observations per bucket (not cumulative; the last slot is above every bound).
    private(set) var counts = [Int](repeating: 0, count: bounds.count + 1)
    private(set) var sum = 0.0
    private(set) var count = 0

    mutating func observe(_ seconds: Double) {
        let slot = Self.bounds.firstIndex { seconds <= $0 } ?? Self.bounds.count
        counts[slot] += 1
        sum += seconds
        count += 1
    }

    /// `(le, cumulative count)` pairs, `+Inf` last.
    var cumulativeBuckets: [(String, Int)] {
        var total = 0
        var result: [(String, Int)] = []
        for (index, bound) in Self.bounds.enumerated() {
            total += counts[index]
            result.append((PrometheusText.number(bound), total))
        }
        result.append(("+Inf", count))
        return result
    }
}
