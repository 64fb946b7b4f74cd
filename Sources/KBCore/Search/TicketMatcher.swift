/// The tickets a MATCH expression kb built matches, read from kb's own posting lists (`ticket_postings`) instead of
/// FTS5, highest rowid first: what `SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? ORDER BY rowid DESC` lists.
///
/// The expression is evaluated as FTS5 evaluates it: a phrase of one word matches the tickets in its term's list; a
/// prefix phrase of one word (`"contr" *`) the tickets in any list of an index term starting with it; a phrase of several
/// words the tickets holding them one after another in one column. The posting lists hold no positions, so a phrase of
/// several words is read as the tickets holding all its words (their lists intersected) and each such ticket is checked
/// against its text, analysed as the index analysed it (`PhraseLocator`), once for all the expression's phrases. A query
/// term matches where any of its phrases does; the terms are OR'ed (`MatchExpression.matchesAnyTerm`) or AND'ed.
///
/// Lists are read a block at a time from the highest rowid down, and only as far as the caller asks: the newest few
/// matches of a common word cost a few blocks, not its whole list.
struct TicketMatcher {
    private let root: any Node
    private var bound = Int64.max

    /// A matcher of `match` over `store`'s posting lists.
    init(match: MatchExpression, store: Store) throws {
        let verifier = PhraseVerifier(match: match, store: store)
        let count = (match.phrases.map(\.term).max() ?? -1) + 1
        var phrasesOfTerm = Array(repeating: [any Node](), count: count)
        for (index, phrase) in match.phrases.enumerated() {
            phrasesOfTerm[phrase.term].append(try Self.node(for: index, verifier.phrases[index], store: store, verifier: verifier))
        }
        let terms: [any Node] = phrasesOfTerm.map { $0.count == 1 ? $0[0] : Union($0) }
        if terms.isEmpty {
            root = Empty()
        } else if terms.count == 1 {
            root = terms[0]
        } else {
            root = match.matchesAnyTerm ? Union(terms) : Intersection(terms)
        }
    }

    /// The next matching rowid, below every one returned before and at most `atMost`; nil when none is left.
    mutating func next(atMost: Int64 = .max) throws -> Int64? {
        guard let rowid = try root.seek(atMost: min(bound, atMost)) else {
            bound = .min
            return nil
        }
        bound = rowid == .min ? .min : rowid - 1
        return rowid
    }

    /// How many tickets match, reading every list to its end.
    mutating func count() throws -> Int {
        var total = 0
        while try next() != nil { total += 1 }
        return total
    }

    private static func node(for index: Int, _ phrase: PhraseLocator.Phrase, store: Store, verifier: PhraseVerifier) throws -> any Node {
        var words: [any Node] = []
        for (position, term) in phrase.terms.enumerated() {
            guard let text = String(validating: term, as: UTF8.self) else { return Empty() }
            if phrase.isPrefix && position == phrase.terms.count - 1 {
                // FTS5 looks a prefix up among its own terms: every index term starting with it, however many.
                let expanded = try store.ticketPostingTerms(withPrefix: text, limit: .max) ?? []
                words.append(expanded.count == 1 ? TermList(store: store, term: expanded[0]) : Union(expanded.map { TermList(store: store, term: $0) }))
            } else {
                words.append(TermList(store: store, term: text))
            }
        }
        switch words.count {
        case 0: return Empty()
        case 1: return words[0]
        default: return Verified(Intersection(words), phrase: index, verifier: verifier)
        }
    }
}

extension TicketMatcher {
    /// A set of rowids walked from the highest down.
    protocol Node: AnyObject {
        /// The highest rowid of the set that is at most `bound`, nil when there is none. Calls come with bounds that
        /// never rise.
        func seek(atMost bound: Int64) throws -> Int64?
    }

    final class Empty: Node {
        func seek(atMost bound: Int64) throws -> Int64? { nil }
    }

    /// One index term's list, read block by block downwards: the block holding the answer is the first whose last rowid
    /// reaches the bound, or, when that one starts above it, the one before.
    final class TermList: Node {
        private let store: Store
        private let term: String
        /// The block in memory, ascending, and the position of the current answer in it.
        private var rowids: [Int64] = []
        private var index = -1
        private var exhausted = false

        init(store: Store, term: String) {
            self.store = store
            self.term = term
        }

        func seek(atMost bound: Int64) throws -> Int64? {
            guard !exhausted else { return nil }
            if index >= 0 && rowids[index] <= bound { return rowids[index] }
            if let first = rowids.first, first <= bound {
                // In this block: the last rowid at most the bound.
                while rowids[index] > bound { index -= 1 }
                return rowids[index]
            }
            if let reaching = try block(Self.reachingSQL, bound), let first = reaching.first, first <= bound {
                rowids = reaching
                index = rowids.lastIndex { $0 <= bound }!
                return rowids[index]
            }
            guard let below = try block(Self.belowSQL, bound), !below.isEmpty else {
                exhausted = true
                rowids = []
                return nil
            }
            rowids = below
            index = rowids.count - 1
            return rowids[index]
        }

        private func block(_ sql: String, _ bound: Int64) throws -> [Int64]? {
            try store.connection.cached(sql).first([term, bound]) { row in
                try row.withBlob(1) { block in
                    var rowids: [Int64] = []
                    try TicketPostingBlock.decode(block) { rowids.append($0.rowid) }
                    return rowids
                }
            }
        }

        /// The term's block with the lowest last rowid at or above the bound.
        private static let reachingSQL =
            "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid >= ?2 ORDER BY last_rowid LIMIT 1"
        /// The term's block with the highest last rowid at or below the bound.
        private static let belowSQL =
            "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid <= ?2 ORDER BY last_rowid DESC LIMIT 1"
    }

    final class Union: Node {
        private let parts: [any Node]

        init(_ parts: [any Node]) { self.parts = parts }

        func seek(atMost bound: Int64) throws -> Int64? {
            var highest: Int64?
            for part in parts {
                if let rowid = try part.seek(atMost: bound), rowid > highest ?? .min { highest = rowid }
            }
            return highest
        }
    }

    final class Intersection: Node {
        private let parts: [any Node]

        init(_ parts: [any Node]) { self.parts = parts }

        func seek(atMost bound: Int64) throws -> Int64? {
            var target = bound
            var agreeing = 0
            var position = 0
            // Each part in turn moves to the target or below it; a lower answer becomes the target, until all agree.
            while agreeing < parts.count {
                guard let rowid = try parts[position].seek(atMost: target) else { return nil }
                if rowid == target {
                    agreeing += 1
                } else {
                    target = rowid
                    agreeing = 1
                }
                position = (position + 1) % parts.count
            }
            return target
        }
    }

    /// The rowids of a phrase's words' intersection that hold the phrase itself.
    final class Verified: Node {
        private let candidates: any Node
        private let phrase: Int
        private let verifier: PhraseVerifier

        init(_ candidates: any Node, phrase: Int, verifier: PhraseVerifier) {
            self.candidates = candidates
            self.phrase = phrase
            self.verifier = verifier
        }

        func seek(atMost bound: Int64) throws -> Int64? {
            var bound = bound
            while let rowid = try candidates.seek(atMost: bound) {
                if try verifier.holds(phrase, rowid: rowid) { return rowid }
                guard rowid > .min else { return nil }
                bound = rowid - 1
            }
            return nil
        }
    }

    /// Which of the expression's phrases a ticket's text holds, as the index analysed it; the last ticket's answer kept,
    /// as several phrases ask about the same ticket in turn.
    final class PhraseVerifier {
        let phrases: [PhraseLocator.Phrase]
        private let locator: PhraseLocator
        private let store: Store
        private var rowid: Int64?
        private var held: Set<Int32> = []

        init(match: MatchExpression, store: Store) {
            locator = PhraseLocator(match: match, tokenizer: store.tokenizer)
            phrases = locator.phrases
            self.store = store
        }

        func holds(_ phrase: Int, rowid: Int64) throws -> Bool {
            if self.rowid != rowid {
                self.rowid = rowid
                held = try store.connection.cached("SELECT packed, language FROM tickets WHERE rowid = ?").first([rowid]) { row in
                    let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                    let language = row.optionalText(1).flatMap(Language.init(rawValue:))
                    return Set(locator.hits(in: columns, source: store.tokenizer.source(for: language)).map(\.phrase))
                } ?? []
            }
            return held.contains(Int32(phrase))
        }
    }
}
