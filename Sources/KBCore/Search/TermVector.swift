import Foundation

/// A text as a unit-length vector of tf·idf weights over index terms, for comparing whole tickets (`Suggester`).
///
/// Selected words (`MoreLikeThis`) find candidates cheaply, but BM25 over a few words ranks them by those words
/// only; the most similar ticket is the one whose whole text shares the most weight with the request's. A term
/// weighs (1 + ln tf)·idf, where tf counts each field's occurrences by the field's weight; function and
/// conversational words weigh nothing (who writes and how says nothing about what fails), nor do times of day
/// (`Analyzer.isClockTime`: when, not what) or a term whose idf is 0. The dot product of two vectors is their cosine.
struct TermVector {
    /// How a text is read: its language's analyzer, and the terms left out.
    struct Analysis {
        let analyzer: Analyzer
        let ignored: Set<String>
    }

    /// The weighed terms in ascending order, and their weights divided by the vector's length. Sums run in term order:
    /// a dictionary's order changes from one process to the next, and with it the last bits of a sum, so `kb suggest`
    /// and `kb serve` could order two equally similar tickets differently.
    private(set) var terms: [String] = []
    private(set) var values: [Double] = []

    /// Weights by term.
    var weights: [String: Double] { Dictionary(uniqueKeysWithValues: zip(terms, values)) }

    /// The vector of `fields` (a text and how many times each of its words counts), each term weighed with
    /// `idf(term, spelling)`; `spelling` is the term's first occurrence as written.
    init(fields: [(text: String, weight: Double)], analysis: Analysis, idf: (String, String) throws -> Double) rethrows {
        var counts: [String: Double] = [:]
        var spellings: [String: String] = [:]
        for field in fields where !field.text.isEmpty {
            var text = field.text
            text.withUTF8 { bytes in
                analysis.analyzer.analyze(bytes) { term, start, end in
                    let analysed = String(decoding: term, as: UTF8.self)
                    guard !analysis.ignored.contains(analysed), !Analyzer.isClockTime(term) else { return true }
                    if spellings[analysed] == nil {
                        spellings[analysed] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                    }
                    counts[analysed, default: 0] += field.weight
                    return true
                }
            }
        }
        var squares = 0.0
        for term in counts.keys.sorted() {
            let termIDF = try idf(term, spellings[term]!)
            guard termIDF > 0 else { continue }
            let weight = (1 + log(counts[term]!)) * termIDF
            terms.append(term)
            values.append(weight)
            squares += weight * weight
        }
        let length = squares.squareRoot()
        if length > 0 {
            for index in values.indices { values[index] /= length }
        }
    }

    /// The cosine of the two vectors: 1 for texts with the same weighted terms in the same proportions, 0 for texts
    /// without a weighted term in common.
    func cosine(_ other: TermVector) -> Double {
        var sum = 0.0
        var (left, right) = (0, 0)
        while left < terms.count, right < other.terms.count {
            if terms[left] == other.terms[right] {
                sum += values[left] * other.values[right]
                left += 1
                right += 1
            } else if terms[left] < other.terms[right] {
                left += 1
            } else {
                right += 1
            }
        }
        return sum
    }
}
