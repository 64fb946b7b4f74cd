extension TicketGenerator {
    /// SplitMix64: tiny, fast, and bit-for-bit identical on every platform (integer arithmetic only).
    ///
    /// Every ticket gets its own stream derived from the seed and its index, so any ticket can be
    /// generated alone (`line(at:count:)`) and produces the same text as in a full run.
    struct Random {
        private var state: UInt64

        init(seed: UInt64, stream: UInt64) {
            state = Random.mix(seed &+ Random.mix(stream &+ 0x632B_E59B_D9B4_E019))
        }

        static func mix(_ value: UInt64) -> UInt64 {
            var z = value &+ 0x9E37_79B9_7F4A_7C15
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        /// Uniform in 0..<bound (Lemire's multiply-high; the tiny bias is irrelevant for demo data).
        mutating func below(_ bound: Int) -> Int {
            precondition(bound > 0, "empty range")
            return Int(next().multipliedFullWidth(by: UInt64(bound)).high)
        }

        mutating func int(_ range: ClosedRange<Int>) -> Int {
            range.lowerBound + below(range.upperBound - range.lowerBound + 1)
        }

        /// Uniform in [0, 1): exact IEEE arithmetic, so identical everywhere.
        mutating func unit() -> Double {
            Double(next() >> 11) * 0x1p-53
        }

        mutating func chance(_ probability: Double) -> Bool {
            unit() < probability
        }

        /// A value in the range skewed towards its low end (most waits are short, a few are long),
        /// without `log`/`exp`, whose last bits differ between C libraries.
        mutating func skewed(_ range: ClosedRange<Int>) -> Int {
            let u = unit()
            return range.lowerBound + Int(Double(range.upperBound - range.lowerBound) * u * u)
        }

        mutating func pick<T>(_ items: [T]) -> T {
            items[below(items.count)]
        }

        /// Index drawn with the given integer weights.
        mutating func weighted(_ cumulative: [Int]) -> Int {
            let target = below(cumulative[cumulative.count - 1])
            var low = 0, high = cumulative.count - 1
            while low < high {
                let middle = (low + high) / 2
                if cumulative[middle] > target { high = middle } else { low = middle + 1 }
            }
            return low
        }
    }
}
