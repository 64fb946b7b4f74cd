/// kb's ranking function for tickets, one phrase (term) at a time: BM25 with column weights plus BM25TP proximity.
///
/// A ticket's score is a sum over the query's phrases, in phrase order, of
///
///     idf · f·(k1 + 1) / (f + K)                                   (BM25; f = column-weighted occurrences)
///     + w · min(1, idf) · near·(k1 + 1) / (near + K)               (proximity, only when near > 0)
///
/// with K = k1·(1 − b + b·length / average length), `near` the phrase's proximity accumulator (see
/// `RankFunction`) and `w` the proximity weight. Every part has an upper bound that needs no document: f/(f + K)
/// is below the term's stored saturation bound and near/(near + K) below 1, so a phrase can never add more than
/// `upperBound(idf:saturation:)`. The pruned top-k (`TicketRanker`) relies on exactly that; a synonym group
/// that should count as one term needs only its own contribution and bound here.
///
/// The arithmetic is written exactly as `kb_rank` (the FTS5 auxiliary function articles use) writes it, so a
/// ticket ranked here and the same text ranked by `kb_rank` get the same double.
struct TicketScoring {
    static let k1 = RankFunction.k1
    static let b = RankFunction.b

    /// Weight of an occurrence in each column (title, description, resolution, root cause, timeline).
    let weights: [Double]
    let proximityWeight: Double
    let averageLength: Double
    /// True when the title has its own weight and every other column weighs 1: a posting's two counts are enough.
    let usesPostingCounts: Bool

    init(weights: [Double], proximityWeight: Double, documents: Int, tokens: Int) {
        self.weights = weights
        self.proximityWeight = max(0, proximityWeight)
        averageLength = documents > 0 && tokens > 0 ? Double(tokens) / Double(documents) : 1
        usesPostingCounts = weights.count >= 1 && weights.dropFirst().allSatisfy { $0 == 1 }
    }

    /// The weight of column `column` (1 past the given weights, as `kb_rank`).
    @inline(__always)
    func weight(_ column: Int) -> Double { column < weights.count ? weights[column] : 1 }

    /// Weighted occurrences from a posting's title and other-column counts (when `usesPostingCounts`).
    @inline(__always)
    func frequency(title: Int32, other: Int32) -> Double {
        // The same sum kb_rank builds one occurrence at a time: halves and integers add exactly.
        (weights.first ?? 1) * Double(title) + Double(other)
    }

    /// K for a ticket of `tokens` tokens.
    @inline(__always)
    func lengthNorm(_ tokens: Int) -> Double {
        Self.k1 * (1 - Self.b + Self.b * Double(tokens) / averageLength)
    }

    /// The BM25 part of one phrase.
    @inline(__always)
    func termScore(idf: Double, frequency: Double, lengthNorm: Double) -> Double {
        idf * ((frequency * (Self.k1 + 1)) / (frequency + lengthNorm))
    }

    /// The proximity part of one phrase.
    @inline(__always)
    func proximityScore(idf: Double, near: Double, lengthNorm: Double) -> Double {
        proximityWeight * min(1, idf) * (near * (Self.k1 + 1)) / (near + lengthNorm)
    }

    /// The most one phrase can add to any ticket whose saturation f/(f + K) is at most `saturation`.
    func upperBound(idf: Double, saturation: Double) -> Double {
        idf * (Self.k1 + 1) * min(1, saturation) + proximityBound(idf: idf)
    }

    /// The most a phrase's proximity part can add.
    func proximityBound(idf: Double) -> Double {
        proximityWeight * min(1, idf) * (Self.k1 + 1)
    }

    /// f/(f + K) at this average length, for the stored bounds.
    static func saturation(frequency: Double, tokens: Int, averageLength: Double) -> Double {
        let norm = k1 * (1 - b + b * Double(tokens) / averageLength)
        return frequency / (frequency + norm)
    }

    /// A saturation bound stored at average length `stored`, valid at `current`: K shrinks at most by the ratio of
    /// the averages when the average grows, and f/(f + K) grows at most by the same ratio.
    static func scaledBound(_ bound: Double, storedAverage stored: Double, currentAverage current: Double) -> Double {
        guard stored > 0, current > stored else { return bound }
        return bound * (current / stored)
    }
}
