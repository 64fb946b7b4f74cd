import Foundation

/// Phrases of several words that the ticket index lists as terms of their own (schema 10): per ticket, how many times
/// the phrase occurs in the title and in the other columns, as a word's posting counts it.
///
/// The posting lists hold no positions, so a phrase is otherwise matched by intersecting its words' lists and reading
/// each ticket that holds them all to check that they follow one another (`TicketMatcher`, `TicketPostingsRanker`):
/// for a synonym made of common words ("no funciona", "fuera de servicio") that is thousands of texts a query. The
/// synonyms file's phrases of several words are therefore indexed as they are met (`TicketPostingsWriter`) and
/// when the file gains one (`Store.indexPhrases`), and a query reads such a phrase's own list, exact, like a word's.
///
/// A phrase's key in `ticket_postings` is its analysed terms joined by spaces after a leading space: no analysed term
/// holds a space, so no key is a word's, and no prefix a query expands (`ticketPostingTerms(withPrefix:)`, its
/// prefix an analysed term) reaches one.
struct IndexedPhrases: Sendable {
    /// Each phrase's analysed terms, in key order.
    let phrases: [[[UInt8]]]
    /// Each phrase's key in `ticket_postings` (`key(of:)`), as bytes.
    let keys: [[UInt8]]
    /// Per length of a first term, the phrases whose first term has that length.
    private let startsByLength: [[Int]]

    static let none = IndexedPhrases(phrases: [])

    /// The phrases among `phrases` that can be indexed (two terms or more, none longer than the index keeps a term),
    /// each once, in key order.
    init(phrases: [[[UInt8]]]) {
        var byKey: [String: [[UInt8]]] = [:]
        for terms in phrases where terms.count >= 2
            && terms.allSatisfy({ !$0.isEmpty && $0.count <= TicketPostingsWriter.maximumTermBytes && !$0.contains(Self.separator) }) {
            byKey[Self.key(of: terms)] = terms
        }
        let ordered = byKey.sorted { $0.key < $1.key }
        self.phrases = ordered.map(\.value)
        keys = ordered.map { Array($0.key.utf8) }
        var starts = Array(repeating: [Int](), count: (self.phrases.map { $0[0].count }.max() ?? 0) + 1)
        for (index, terms) in self.phrases.enumerated() { starts[terms[0].count].append(index) }
        startsByLength = starts
    }

    var isEmpty: Bool { phrases.isEmpty }

    /// The byte joining a key's terms (and leading it).
    static let separator = UInt8(ascii: " ")

    /// The key of the phrase made of `terms` in `ticket_postings`.
    static func key(of terms: [[UInt8]]) -> String {
        var bytes: [UInt8] = []
        for term in terms {
            bytes.append(separator)
            bytes += term
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The terms of a key `key(of:)` made.
    static func terms(ofKey key: String) -> [[UInt8]] {
        key.utf8.split(separator: separator).map(Array.init)
    }

    /// Calls `body` with each occurrence of a phrase in `prepared`'s texts: the phrase's index, and whether it is in the
    /// first text (the title). A phrase occurs where its terms are consecutive tokens of one text, overlapping
    /// occurrences each counted, as FTS5 counts a phrase's matches.
    func forEachOccurrence(in prepared: PreparedTerms, _ body: (_ phrase: Int, _ inTitle: Bool) -> Void) {
        guard !phrases.isEmpty else { return }
        // The phrases begun at earlier tokens, each with the index of the term it expects next.
        var partial: [(phrase: Int, next: Int)] = []
        for text in prepared.texts.indices {
            partial.removeAll(keepingCapacity: true)
            prepared.forEachTerm(ofText: text) { term in
                var kept = 0
                for index in partial.indices {
                    let (phrase, next) = partial[index]
                    guard Self.equal(phrases[phrase][next], term) else { continue }
                    if next + 1 == phrases[phrase].count {
                        body(phrase, text == 0)
                    } else {
                        partial[kept] = (phrase, next + 1)
                        kept += 1
                    }
                }
                partial.removeLast(partial.count - kept)
                guard term.count < startsByLength.count else { return }
                for phrase in startsByLength[term.count] where Self.equal(phrases[phrase][0], term) {
                    partial.append((phrase, 1))
                }
            }
        }
    }

    @inline(__always)
    private static func equal(_ expected: [UInt8], _ term: UnsafeBufferPointer<UInt8>) -> Bool {
        expected.count == term.count && expected.withUnsafeBufferPointer { memcmp($0.baseAddress!, term.baseAddress!, term.count) == 0 }
    }
}
