/// The FTS5 expression selecting the rows whose query terms could lift them to a score: exact MaxScore over
/// term combinations rather than single terms.
///
/// A row's score is below the sum of the upper bounds (`RankFunction.upperBound`) of the query terms it holds, so a
/// row can reach `threshold` only if the terms it holds have bounds adding up to at least `threshold`. The rows
/// that do are those matching, for some smallest such set of terms, all of them: an OR of ANDs. FTS5 evaluates
/// the ANDs by seeking through the doclists, so two common words that must both be present cost their
/// intersection, not their union. The expression is built by splitting on each term in turn, strongest first:
/// rows holding term i and enough of the rest, or rows not needing term i.
///
/// Where that expression would grow past `maximumPhrases` (many terms, synonym groups of many phrases), a part of it
/// is replaced by MaxScore's own selection (Turtle and Flood, 1995): the rows holding at least one "essential" term,
/// every term but the weakest ones whose bounds together fall short of what is needed. A row holding only those
/// cannot reach it, so the wider selection still holds every row that can: the ranking stays exact, it only scores
/// more rows.
struct CandidateSelector {
    /// The query terms: their MATCH expression (a phrase or a parenthesised OR of phrases), phrase count and bound.
    struct Term {
        let expression: String
        let phraseCount: Int
        let bound: Double
    }

    /// An expression and how many phrases FTS5 numbers in it.
    struct Selection: Equatable {
        let expression: String
        let phraseCount: Int
    }

    /// The largest number of phrases a selection may hold before its parts are widened to essential terms: FTS5
    /// reads each phrase's doclist separately, so a selection repeating common terms many times costs more than it
    /// saves.
    static let maximumPhrases = 48

    let terms: [Term]
    /// `terms` indices, strongest bound first (ties: query order).
    private let order: [Int]
    /// `remaining[i]`: the sum of the bounds of `order[i...]`.
    private let remaining: [Double]

    init(terms: [Term]) {
        self.terms = terms
        order = terms.indices.sorted { terms[$0].bound != terms[$1].bound ? terms[$0].bound > terms[$1].bound : $0 < $1 }
        var sums = Array(repeating: 0.0, count: order.count + 1)
        for index in order.indices.reversed() { sums[index] = sums[index + 1] + terms[order[index]].bound }
        remaining = sums
    }

    /// The sum of every term's bound: no row scores above it.
    var total: Double { remaining[0] }

    /// What the expression for a threshold turned out to be.
    enum Outcome: Equatable {
        /// Every matching row may reach the threshold: nothing to select.
        case everyRow
        /// No row can reach it.
        case noRow
        /// The rows matching this may; no other row can.
        case rows(Selection)
    }

    /// The rows that can reach `threshold`. Slightly generous (the threshold is lowered by a relative 1e-9), so
    /// rounding in the sums never leaves out a row that could reach it.
    func select(reaching threshold: Double) -> Outcome {
        let need = threshold > 0 ? threshold * (1 - 1e-9) : threshold
        guard need > 0 else { return .everyRow }
        var budget = Self.maximumPhrases
        switch node(from: 0, need: need, budget: &budget) {
        case .none: return .noRow
        case .some(.all): return .everyRow
        case .some(.expression(let text, let phrases)): return .rows(Selection(expression: text, phraseCount: phrases))
        }
    }

    private enum Node {
        case all
        case expression(String, Int)
    }

    /// Rows holding terms `order[index...]` with bounds adding up to `need`; nil when none can. Past the phrase
    /// budget, the rows holding one of those terms' essential terms (`essential(from:need:)`), a superset.
    private func node(from index: Int, need: Double, budget: inout Int) -> Node? {
        if need <= 0 { return .all }
        guard index < order.count, remaining[index] >= need else { return nil }
        guard budget >= 0 else { return essential(from: index, need: need, budget: &budget) }
        var trial = budget
        let term = terms[order[index]]
        let holding: Node?
        switch node(from: index + 1, need: need - term.bound, budget: &trial) {
        case .none: holding = nil
        case .some(.all):
            trial -= term.phraseCount
            holding = .expression(term.expression, term.phraseCount)
        case .some(.expression(let rest, let phrases)):
            trial -= term.phraseCount
            holding = .expression(term.expression + " AND (" + rest + ")", term.phraseCount + phrases)
        }
        let lacking = node(from: index + 1, need: need, budget: &trial)
        guard trial >= 0 else { return essential(from: index, need: need, budget: &budget) }
        budget = trial
        switch (holding, lacking) {
        case (.none, _): return lacking
        case (_, .none): return holding
        case (.some(.all), _), (_, .some(.all)): return .all
        case (.some(.expression(let first, let firstPhrases)), .some(.expression(let second, let secondPhrases))):
            return .expression("(" + first + ") OR (" + second + ")", firstPhrases + secondPhrases)
        }
    }

    /// The rows holding at least one of `order[index...]` but its weakest terms whose bounds add up to less than
    /// `need`: a row holding none of these holds at most those weakest terms, so cannot reach `need`.
    private func essential(from index: Int, need: Double, budget: inout Int) -> Node {
        var end = index + 1
        while end < order.count, remaining[end] >= need { end += 1 }
        let chosen = order[index..<end].map { terms[$0] }
        let phrases = chosen.reduce(0) { $0 + $1.phraseCount }
        budget -= phrases
        return .expression(chosen.map(\.expression).joined(separator: " OR "), phrases)
    }
}
