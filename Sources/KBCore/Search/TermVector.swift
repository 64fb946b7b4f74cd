import Foundation

/// A text as a unit-length vector of tf·idf weights over index terms, for comparing whole documents.
///
/// Selected words (`MoreLikeThis`) find candidates cheaply, but BM25 over a few words ranks them by those words
/// only; the most similar ticket is the one whose whole text shares the most weight with the request's. A term
/// weighs (1 + ln tf)·ln(N / df) over the store's tickets (`TermStatistics`: exact on small stores, estimated from
/// recent tickets on large ones); terms no ticket holds, or every ticket, weigh nothing. The dot product of two
/// vectors is their cosine.
struct TermVector {
    /// Weights by term, divided by the vector's length.
    private(set) var weights: [String: Double] = [:]

    /// The vector of `fields` (a text and how many times each of its words counts: a title's 2 say what fails),
    /// analysed with `analyzer`.
    init(fields: [(text: String, weight: Double)], analyzer: Analyzer, statistics: TermStatistics) throws {
        var counts: [String: Double] = [:]
        var spellings: [String: String] = [:]
        for field in fields where !field.text.isEmpty {
            var text = field.text
            text.withUTF8 { bytes in
                analyzer.analyze(bytes) { term, start, end in
                    let analysed = String(decoding: term, as: UTF8.self)
                    if spellings[analysed] == nil {
                        spellings[analysed] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    }
                    counts[analysed, default: 0] += field.weight
                    return true
                }
            }
        }
        let total = Double(max(statistics.documentCount, 1))
        var squares = 0.0
        for (term, count) in counts {
            let frequency = try statistics.documentFrequency(QueryBuilder.Word(original: spellings[term]!, term: term))
            guard frequency > 0, Double(frequency) < total else { continue }
            let weight = (1 + log(count)) * log(total / Double(frequency))
            weights[term] = weight
            squares += weight * weight
        }
        let length = squares.squareRoot()
        if length > 0 {
            for term in weights.keys { weights[term]! /= length }
        }
    }

    /// The cosine of the two vectors: 1 for texts with the same weighted terms in the same proportions, 0 for texts
    /// without a weighted term in common.
    func cosine(_ other: TermVector) -> Double {
        let (small, large) = weights.count <= other.weights.count ? (weights, other.weights) : (other.weights, weights)
        var sum = 0.0
        for (term, weight) in small {
            if let match = large[term] { sum += weight * match }
        }
        return sum
    }
}
