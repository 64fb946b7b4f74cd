import Foundation

/// The terms of a ticket's index texts, analysed once, for its postings and its title key.
///
/// Import analyses rows on its reading thread while the writing thread is busy in SQLite; the writer adds the
/// recorded terms to the posting lists (`TicketPostingsWriter`). The terms come from the language's `TermSource`, the
/// one searches analyse queries and check phrases with.
struct PreparedTerms: Sendable {
    private struct Token {
        /// End of the term in `termBytes` (it starts where the previous one ends).
        var termEnd: Int32
        var start: Int32
        var end: Int32
    }

    let language: Language
    /// The texts analysed, in order.
    let texts: [String]
    private var termBytes: [UInt8] = []
    private var tokens: [Token] = []
    /// End in `tokens` of each text's tokens.
    private var tokenEnds: [Int] = []

    /// Analyses `texts` with `source`, the term source of `language`.
    init(texts: [String], language: Language, source: TermSource) {
        self.language = language
        self.texts = texts
        termBytes.reserveCapacity(texts.reduce(0) { $0 + $1.utf8.count })
        for text in texts {
            var text = text
            text.withUTF8 { utf8 in
                source(utf8) { term, start, end in
                    termBytes.append(contentsOf: term)
                    tokens.append(Token(termEnd: Int32(termBytes.count), start: Int32(start), end: Int32(end)))
                    return true
                }
            }
            tokenEnds.append(tokens.count)
        }
    }

    /// How many tokens the texts hold together (the ticket's length in the index).
    var tokenCount: Int { tokens.count }

    /// Calls `body` with each recorded term of text `index`, in order.
    func forEachTerm(ofText index: Int, _ body: (_ term: UnsafeBufferPointer<UInt8>) -> Void) {
        replay(index) { term, _, _ in
            body(term)
            return true
        }
    }

    /// Calls `emit` with the recorded terms of text `index` until it returns false, as the term source did.
    func replay(_ index: Int, _ emit: (_ term: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Bool) {
        let first = index == 0 ? 0 : tokenEnds[index - 1]
        termBytes.withUnsafeBufferPointer { bytes in
            var termStart = first == 0 ? 0 : Int(tokens[first - 1].termEnd)
            for token in tokens[first..<tokenEnds[index]] {
                let termEnd = Int(token.termEnd)
                guard emit(UnsafeBufferPointer(rebasing: bytes[termStart..<termEnd]), Int(token.start), Int(token.end)) else {
                    return
                }
                termStart = termEnd
            }
        }
    }
}
