/// Full-text search over tickets and articles, ranked with column-weighted BM25.
public final class SearchEngine {
    /// Marks around matched words in snippets; presentation replaces them (ANSI bold, `**`).
    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"

    /// Column weights for title, description, resolution, root cause, timeline.
    ///
    /// BM25's length normalisation already favours a match in a short title, so the title needs only a
    /// small extra weight: tuned on the retrieval sets (xquad-es, xquad-en, cranfield), where heavier
    /// title weights (10, 4, 2, 2, 1) lost 0.2–3 points of MRR/nDCG; `kb-bench retrieval` measures it.
    static let ticketWeights = "1.5 1 1 1 1"
    /// Column weights: title ≫ problem > solution > tags.
    static let articleWeights = "10 4 2 3"
    /// Weight of `kb_rank`'s term-proximity score, tuned on the retrieval sets (0.4–0.75 all gain; see RankFunction).
    static let proximityWeight = 0.5

    let store: Store
    public let builder: QueryBuilder

    /// Document frequencies for query planning.
    public let statistics: TermStatistics

    /// Stores with at least this many tickets rank only their most recent matches (see `searchTickets`).
    public var rankingThreshold = 100_000
    public var rankingBudget = 2_000

    /// Function words of the store's language, dropped from ranked queries.
    let stopTerms: Set<String>

    public init(store: Store, builder: QueryBuilder) throws {
        self.store = store
        self.builder = builder
        try store.registerOnce("kb_rank", RankFunction.register(on:))
        self.statistics = try TermStatistics(store: store)
        self.stopTerms = StopWords.terms(for: store.tokenizer.language)
    }

    /// Runs `query` with `mode` and `filters`: articles and tickets, each ranked, and merged (see `SearchResponse.lists`).
    public func search(_ query: String, mode: QueryMode = .any, filters: SearchFilters = SearchFilters()) throws -> SearchResponse {
        var words = builder.words(in: query)
        if mode == .any {
            let content = words.filter { !stopTerms.contains($0.term) }
            if !content.isEmpty { words = content }
        }
        guard let expression = builder.expression(words: words, mode: mode) else {
            return SearchResponse(query: query, expression: nil)
        }
        var results: [SearchResult] = []
        if filters.type != .article {
            // Words in most tickets add nothing to BM25 but make FTS5 score most of the index: drop them.
            let planned = mode == .any ? try statistics.selective(words) : words
            if let match = builder.match(words: planned, mode: mode) {
                results += try searchTickets(match: match, filters: filters)
            }
        }
        let articles = filters.type == .ticket ? [] : try searchArticles(query: query, words: words, mode: mode, filters: filters)
        return SearchResponse(query: query, expression: expression, articles: articles, tickets: SearchResponse.ranked(tickets: results, limit: filters.limit),
                              limit: filters.limit)
    }

    /// Tickets matching a MATCH expression, best first.
    ///
    /// On a store of `rankingThreshold` tickets or more, scoring every match of common words would take
    /// seconds (about 4.5 µs a match on a million tickets), so only the `rankingBudget` most recent matches,
    /// found cheaply in rowid order, are ranked: latency stays bounded and recent solutions win ties.
    /// `budget` overrides `rankingBudget` for callers that need only a few good matches; without `snippets`
    /// the results' snippets are empty.
    public func searchTickets(match: MatchExpression, filters: SearchFilters, budget: Int? = nil,
                              snippets: Bool = true) throws -> [SearchResult] {
        let ranked = try rank(match, filters: filters, budget: max(filters.limit, budget ?? rankingBudget))
        // Titles and snippets only for the rows shown: a snippet re-reads and re-tokenizes its ticket.
        let columns = "t.id, t.doc ->> '$.title', t.status, t.service, t.severity"
        let details = try store.connection.cached(snippets ? """
            SELECT \(columns), snippet(tickets_fts, -1, char(2), char(3), '…', 24)
            FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
            WHERE tickets_fts MATCH ? AND tickets_fts.rowid = ?
            """ : "SELECT \(columns), '' FROM tickets t WHERE t.rowid = ?")
        return try ranked.prefix(filters.limit).compactMap { hit in
            try details.first(snippets ? [match.text, hit.rowid] : [hit.rowid]) { row in
                SearchResult(type: .ticket, id: row.text(0), title: row.text(1), score: hit.score, status: row.text(2),
                             service: row.optionalText(3), severity: row.int(4), snippet: row.text(5))
            }
        }
    }

    /// The best `filters.limit` tickets matching `match` and the filters, as rowids and scores.
    private func rank(_ match: MatchExpression, filters: SearchFilters, budget: Int) throws -> [(rowid: Int64, score: Double)] {
        let (filterConditions, filterValues) = self.filterConditions(filters)
        var conditions = ["tickets_fts MATCH ?"] + filterConditions
        var values: [any SQLBindable] = [match.text] + filterValues
        if statistics.documentCount >= rankingThreshold {
            if let bounds = try rowidBounds(filters) {
                // FTS5 walks matches in rowid order and cannot use an index on tickets: without bounds, a period with
                // fewer matches than the budget makes the boundary query below walk every match of the whole store.
                conditions += ["tickets_fts.rowid >= ?", "tickets_fts.rowid <= ?"]
                values += [bounds.lowest, bounds.highest]
            }
            // CROSS JOIN keeps FTS5 as the outer loop, so matches come in rowid order and the walk stops at the budget.
            let boundary = """
                SELECT tickets_fts.rowid FROM tickets_fts CROSS JOIN tickets t ON t.rowid = tickets_fts.rowid
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY tickets_fts.rowid DESC LIMIT 1 OFFSET ?
                """
            if let lowest = try store.connection.cached(boundary).first(values + [budget - 1], { $0.int64(0) }) {
                conditions.append("tickets_fts.rowid >= ?")
                values.append(lowest)
            }
        }
        let ranking = """
            SELECT tickets_fts.rowid, kb_rank(tickets_fts, '\(Self.ticketWeights)', ?, \(Self.proximityWeight)) AS score
            FROM tickets_fts CROSS JOIN tickets t ON t.rowid = tickets_fts.rowid
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY score DESC, tickets_fts.rowid DESC LIMIT ?
            """
        return try store.connection.cached(ranking).map([try idfArgument(match)] + values + [filters.limit]) {
            (rowid: $0.int64(0), score: $0.double(1))
        }
    }

    /// The lowest and highest rowid of the tickets created in the filters' period (read from the `created_at`
    /// index), or nil when the filters set no period. Exact whatever the order tickets were imported in.
    private func rowidBounds(_ filters: SearchFilters) throws -> (lowest: Int64, highest: Int64)? {
        guard filters.since != nil || filters.until != nil else { return nil }
        let row = try store.connection.cached(
            "SELECT coalesce(min(rowid), 0), coalesce(max(rowid), -1) FROM tickets WHERE created_at >= ? AND created_at < ?"
        ).first([filters.since?.seconds ?? Int64.min, filters.until?.seconds ?? Int64.max]) { ($0.int64(0), $0.int64(1)) }
        return row.map { (lowest: $0.0, highest: $0.1) }
    }

    /// SQL conditions on `tickets t` for the filters, with their values.
    private func filterConditions(_ filters: SearchFilters) -> (conditions: [String], values: [any SQLBindable]) {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if !filters.services.isEmpty {
            conditions.append("t.service IN (" + placeholders(filters.services.count) + ")")
            values += filters.services as [any SQLBindable]
        }
        if !filters.severities.isEmpty {
            conditions.append("t.severity IN (" + placeholders(filters.severities.count) + ")")
            values += filters.severities as [any SQLBindable]
        }
        if let customer = filters.customer {
            conditions.append("t.customer = ?")
            values.append(customer)
        }
        if !filters.statuses.isEmpty {
            conditions.append("t.status IN (" + placeholders(filters.statuses.count) + ")")
            values += filters.statuses as [any SQLBindable]
        }
        if let since = filters.since {
            conditions.append("t.created_at >= ?")
            values.append(since.seconds)
        }
        if let until = filters.until {
            conditions.append("t.created_at < ?")
            values.append(until.seconds)
        }
        return (conditions, values)
    }

    /// Each phrase's idf for `kb_rank` (see `TermStatistics`) where one term makes the phrase; nil lets FTS5 count it.
    func idfArgument(_ match: MatchExpression) throws -> String {
        var values: [Double?] = []
        for phrase in match.phrases {
            let terms = phrase.isPrefix ? [] : builder.terms(in: phrase.text)
            values.append(terms.count == 1 ? try statistics.idf(QueryBuilder.Word(original: phrase.text, term: terms[0])) : nil)
        }
        return RankFunction.idfArgument(values)
    }

    func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
