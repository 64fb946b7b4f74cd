/// The tickets a MATCH expression kb built matches, read from kb's own posting lists (`ticket_postings`), highest rowid
/// first: what `SELECT rowid FROM fts WHERE fts MATCH ? ORDER BY rowid DESC` lists on an FTS5 index of the same text
/// (the tests' `FullTextOracle`).
///
/// The expression is evaluated as FTS5 evaluates it: a phrase of one word matches the tickets in its term's list; a
/// prefix phrase of one word (`"contr" *`) the tickets in any list of an index term starting with it; a phrase of several
/// words the tickets holding them one after another in one column — the tickets in its own list when the index lists
/// it (`IndexedPhrases`). The posting lists hold no positions, so a phrase of
/// several words is read as the tickets holding all its words (their lists intersected) and each such ticket is checked
/// against its text, analysed as the index analysed it (`PhraseLocator`), once for all the expression's phrases. A query
/// term matches where any of its phrases does; the terms are OR'ed (`MatchExpression.matchesAnyTerm`) or AND'ed.
///
/// Lists are read a block at a time from the highest rowid down, and only as far as the caller asks: the newest few
/// matches of a common word cost a few blocks, not its whole list. The walk is over candidates, a superset in which a
/// phrase of several words stands for the tickets holding its words; a text is checked only for a candidate every other
/// condition already holds (all the terms of an AND query), and only when no phrase of one word holds it already.
struct TicketMatcher {
    private let root: any Node
    private var bound = Int64.max

    /// A matcher of `match` over `store`'s posting lists, reading at most `textChecks` tickets' texts: past that,
    /// `next` throws `TextChecksExhausted` (a caller estimating a count stops there rather than read on).
    init(match: MatchExpression, store: Store, textChecks: Int = .max) throws {
        let verifier = PhraseVerifier(match: match, store: store, textChecks: textChecks)
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
        var limit = min(bound, atMost)
        while let rowid = try root.candidate(atMost: limit) {
            limit = rowid == .min ? .min : rowid - 1
            if try root.holds(rowid) {
                bound = limit
                return rowid
            }
            if rowid == .min { break }
        }
        bound = .min
        return nil
    }

    /// How many tickets match, reading every list to its end.
    mutating func count() throws -> Int {
        var total = 0
        while try next() != nil { total += 1 }
        return total
    }

    private static func node(for index: Int, _ phrase: PhraseLocator.Phrase, store: Store, verifier: PhraseVerifier) throws -> any Node {
        // A phrase the index lists (`IndexedPhrases`): its own list, no text to check.
        if !phrase.isPrefix, let key = try store.indexedPhraseKey(phrase.terms) { return TermList(store: store, term: key) }
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
    /// A set of rowids walked from the highest down, through a superset of it (its candidates).
    protocol Node: AnyObject {
        /// The highest candidate that is at most `bound`, nil when there is none; the node stays on it. Calls come
        /// with bounds that never rise.
        func candidate(atMost bound: Int64) throws -> Int64?
        /// Whether `rowid`, the candidate the node is on, is in the set itself.
        func holds(_ rowid: Int64) throws -> Bool
        /// Whether `holds` may read a ticket's text (it is asked of such a node last).
        var checksText: Bool { get }
    }

    final class Empty: Node {
        func candidate(atMost bound: Int64) throws -> Int64? { nil }
        func holds(_ rowid: Int64) throws -> Bool { false }
        var checksText: Bool { false }
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

        var checksText: Bool { false }

        func holds(_ rowid: Int64) throws -> Bool { true }

        func candidate(atMost bound: Int64) throws -> Int64? {
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
            try store.connection.cached(sql).first([term, bound]) { row in try row.withBlob(1) { try TicketPostingBlock.rowids($0) } }
        }

        /// The term's block with the lowest last rowid at or above the bound.
        private static let reachingSQL =
            "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid >= ?2 ORDER BY last_rowid LIMIT 1"
        /// The term's block with the highest last rowid at or below the bound.
        private static let belowSQL =
            "SELECT last_rowid, data FROM ticket_postings WHERE term = ?1 AND last_rowid <= ?2 ORDER BY last_rowid DESC LIMIT 1"
    }

    final class Union: Node {
        /// Those that never read a text first, so `holds` asks them first.
        private let parts: [any Node]
        private var candidates: [Int64?]
        let checksText: Bool

        init(_ parts: [any Node]) {
            self.parts = parts.filter { !$0.checksText } + parts.filter(\.checksText)
            candidates = Array(repeating: nil, count: parts.count)
            checksText = parts.contains(where: \.checksText)
        }

        func candidate(atMost bound: Int64) throws -> Int64? {
            var highest: Int64?
            for index in parts.indices {
                let rowid = try parts[index].candidate(atMost: bound)
                candidates[index] = rowid
                if let rowid, rowid > highest ?? .min { highest = rowid }
            }
            return highest
        }

        func holds(_ rowid: Int64) throws -> Bool {
            for index in parts.indices where candidates[index] == rowid {
                if try parts[index].holds(rowid) { return true }
            }
            return false
        }
    }

    final class Intersection: Node {
        /// Those that never read a text first, so `holds` asks them first.
        private let parts: [any Node]
        let checksText: Bool

        init(_ parts: [any Node]) {
            self.parts = parts.filter { !$0.checksText } + parts.filter(\.checksText)
            checksText = parts.contains(where: \.checksText)
        }

        func candidate(atMost bound: Int64) throws -> Int64? {
            var target = bound
            var agreeing = 0
            var position = 0
            // Each part in turn moves to the target or below it; a lower answer becomes the target, until all agree.
            while agreeing < parts.count {
                guard let rowid = try parts[position].candidate(atMost: target) else { return nil }
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

        func holds(_ rowid: Int64) throws -> Bool {
            for part in parts where try !part.holds(rowid) { return false }
            return true
        }
    }

    /// The rowids of a phrase's words' intersection that hold the phrase itself: its candidates are the intersection's.
    final class Verified: Node {
        private let candidates: any Node
        private let phrase: Int
        private let verifier: PhraseVerifier

        init(_ candidates: any Node, phrase: Int, verifier: PhraseVerifier) {
            self.candidates = candidates
            self.phrase = phrase
            self.verifier = verifier
        }

        var checksText: Bool { true }

        func candidate(atMost bound: Int64) throws -> Int64? {
            try candidates.candidate(atMost: bound)
        }

        func holds(_ rowid: Int64) throws -> Bool {
            try candidates.holds(rowid) && verifier.holds(phrase, rowid: rowid)
        }
    }

    /// Thrown by `next` when the text of the candidate at `rowid` would be one more than the matcher may read; the
    /// walk has examined every candidate above it.
    struct TextChecksExhausted: Error {
        let rowid: Int64
    }

    /// Which of the expression's phrases a ticket's text holds, as the index analysed it; the last ticket's answer kept,
    /// as several phrases ask about the same ticket in turn.
    final class PhraseVerifier {
        let phrases: [PhraseLocator.Phrase]
        private let locator: PhraseLocator
        private let store: Store
        private var rowid: Int64?
        private var held: Set<Int32> = []
        private var textsLeft: Int

        init(match: MatchExpression, store: Store, textChecks: Int) {
            locator = PhraseLocator(match: match, tokenizer: store.tokenizer)
            phrases = locator.phrases
            self.store = store
            textsLeft = textChecks
        }

        func holds(_ phrase: Int, rowid: Int64) throws -> Bool {
            if self.rowid != rowid {
                guard textsLeft > 0 else { throw TextChecksExhausted(rowid: rowid) }
                textsLeft -= 1
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
