/// Full-text search over tickets and articles, ranked with column-weighted BM25 and a proximity score.
///
/// Tickets are ranked by kb's own index (`TicketIndex`) with exact top-k: the results are those that scoring every
/// match would give, found with MaxScore pruning instead of by visiting every match. Articles, a few thousand at
/// most, are ranked by FTS5 with `kb_rank`, the same function.
public final class SearchEngine {
    /// Marks around matched words in snippets; presentation replaces them (ANSI bold, `**`).
    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"

    /// Column weights for title, description, resolution, root cause, timeline.
    ///
    /// BM25's length normalisation already favours a match in a short title, so the title needs only a
    /// small extra weight: tuned on the retrieval sets (xquad-es, xquad-en, cranfield), where heavier
    /// title weights (10, 4, 2, 2, 1) lost 0.2–3 points of MRR/nDCG; `kb-bench retrieval` measures it.
    static let ticketWeights: [Double] = [1.5, 1, 1, 1, 1]
    /// Column weights: title ≫ problem > solution > tags.
    static let articleWeights = "10 4 2 3"
    /// Weight of the term-proximity score, tuned on the retrieval sets (0.4–0.75 all gain; see RankFunction).
    static let proximityWeight = 0.5

    let store: Store
    public let builder: QueryBuilder

    /// Document frequencies for query planning.
    public let statistics: TermStatistics

    /// Function words of the store's language, dropped from ranked queries.
    let stopTerms: Set<String>

    public init(store: Store, builder: QueryBuilder) throws {
        self.store = store
        self.builder = builder
        self.statistics = try TermStatistics(store: store)
        self.stopTerms = StopWords.terms(for: store.tokenizer.language)
    }

    /// Runs `query` with `mode` and `filters`; tickets and articles merged by score.
    public func search(_ query: String, mode: QueryMode = .any, filters: SearchFilters = SearchFilters()) throws -> SearchResponse {
        let words = queryWords(query, mode: mode)
        guard let expression = builder.expression(words: words, mode: mode) else {
            return SearchResponse(query: query, expression: nil, results: [])
        }
        var results: [SearchResult] = []
        if filters.type != .article, let match = try ticketMatch(words: words, mode: mode) {
            results += try searchTickets(match: match, filters: filters)
        }
        if filters.type != .ticket {
            results += try searchArticles(expression: expression, filters: filters)
        }
        if filters.order == .relevance || filters.type == .article {
            results.sort { $0.score != $1.score ? $0.score > $1.score : ($0.type.rawValue, $0.id) < ($1.type.rawValue, $1.id) }
        }
        return SearchResponse(query: query, expression: expression, results: Array(results.prefix(filters.limit)))
    }

    /// The ticket query `search` runs for `query`: function words dropped, then (in `any` mode) words found in most
    /// tickets, which add nothing to BM25; nil when no word is left.
    public func ticketMatch(for query: String, mode: QueryMode = .any) throws -> MatchExpression? {
        try ticketMatch(words: queryWords(query, mode: mode), mode: mode)
    }

    private func queryWords(_ query: String, mode: QueryMode) -> [QueryBuilder.Word] {
        var words = builder.words(in: query)
        if mode == .any {
            let content = words.filter { !stopTerms.contains($0.term) }
            if !content.isEmpty { words = content }
        }
        return words
    }

    private func ticketMatch(words: [QueryBuilder.Word], mode: QueryMode) throws -> MatchExpression? {
        let planned = mode == .any ? try statistics.selective(words) : words
        return builder.match(words: planned, mode: mode)
    }

    /// Tickets matching a query, best first (or newest first with `filters.order == .recent`).
    ///
    /// Every match is a candidate, whatever the store's size: with `exhaustive` every match is scored (the
    /// reference kb-bench and the tests compare against); otherwise MaxScore skips the tickets that cannot reach the
    /// top `filters.limit`, which gives the same results. Without `snippets` the results' snippets are empty.
    public func searchTickets(match: MatchExpression, filters: SearchFilters, snippets: Bool = true,
                              exhaustive: Bool = false) throws -> [SearchResult] {
        let query = TicketQuery(match, builder: builder)
        let ranked = filters.order == .recent ? try recentTickets(query, filters: filters)
            : try rankTickets(query, filters: filters, exhaustive: exhaustive)
        let snippetMaker = TicketSnippet(phrases: query.phrases, source: builder.termSource)
        return try ranked.compactMap { hit in
            if snippets {
                guard let ticket = try store.ticket(rowid: hit.rowid) else { return nil }
                return SearchResult(type: .ticket, id: ticket.id, title: ticket.title, score: hit.score,
                                    status: ticket.status.rawValue, service: ticket.service, severity: ticket.severity,
                                    snippet: snippetMaker.snippet(for: ticket.searchTexts))
            }
            return try store.connection.cached(
                "SELECT id, doc ->> '$.title', status, service, severity FROM tickets WHERE rowid = ?"
            ).first([hit.rowid]) { row in
                SearchResult(type: .ticket, id: row.text(0), title: row.text(1), score: hit.score, status: row.text(2),
                             service: row.optionalText(3), severity: row.int(4), snippet: "")
            }
        }
    }

    /// The best `filters.limit` tickets for `query` under the filters, as rowids and scores.
    func rankTickets(_ query: TicketQuery, filters: SearchFilters, exhaustive: Bool = false) throws -> [TicketRanker.Result] {
        var options = TicketIndex.RankingOptions()
        options.weights = Self.ticketWeights
        options.proximityWeight = Self.proximityWeight
        options.limit = filters.limit
        options.exhaustive = exhaustive
        if let bounds = try rowidBounds(filters) {
            options.lowestRowid = bounds.lowest
            options.highestRowid = bounds.highest
        }
        return try store.ticketIndex.rank(query, options: options, accept: try filterCheck(filters))
    }

    /// Tickets matching `match` ranked with other column `weights` and `proximityWeight` (0: plain BM25), best
    /// first, among rowids `lowest...highest`; exact, as `searchTickets`.
    func rankTickets(match: MatchExpression, weights: [Double], proximityWeight: Double, limit: Int,
                     lowest: Int64 = 1, highest: Int64 = TicketIndexLayout.largestRowid) throws -> [TicketRanker.Result] {
        var options = TicketIndex.RankingOptions()
        options.weights = weights
        options.proximityWeight = proximityWeight
        options.limit = limit
        options.lowestRowid = lowest
        options.highestRowid = highest
        return try store.ticketIndex.rank(TicketQuery(match, builder: builder), options: options)
    }

    /// The rowids of the newest `limit` tickets matching `match` with a rowid below `rowid`, newest first.
    func matchingTickets(match: MatchExpression, below rowid: Int64, limit: Int) throws -> [Int64] {
        try store.ticketIndex.matches(TicketQuery(match, builder: builder), lowest: 1, highest: rowid - 1, limit: limit)
    }

    /// The newest `filters.limit` matches by creation time (ties: highest rowid), each with its score.
    private func recentTickets(_ query: TicketQuery, filters: SearchFilters) throws -> [TicketRanker.Result] {
        var lowest: Int64 = 1
        var highest = TicketIndexLayout.largestRowid
        if let bounds = try rowidBounds(filters) { (lowest, highest) = (bounds.lowest, bounds.highest) }
        let matches = try store.ticketIndex.matches(query, lowest: lowest, highest: highest, limit: Int.max)
        let (conditions, values) = filterConditions(filters)
        let filter = conditions.isEmpty ? "" : " AND " + conditions.joined(separator: " AND ")
        var chosen: [Int64] = []
        if matches.count <= 20_000 {
            // Few matches: read each one's creation time.
            var dated: [(created: Int64, rowid: Int64)] = []
            let statement = try store.connection.cached("SELECT created_at FROM tickets t WHERE t.rowid = ?" + filter)
            for rowid in matches {
                if let created = try statement.first([rowid] + values, { $0.int64(0) }) { dated.append((created, rowid)) }
            }
            dated.sort { $0.created != $1.created ? $0.created > $1.created : $0.rowid > $1.rowid }
            chosen = dated.prefix(filters.limit).map(\.rowid)
        } else {
            // Many matches: walk the creation-time index from the newest ticket until enough of them match.
            let matching = Set(matches)
            let statement = try store.connection.prepare(
                "SELECT t.rowid FROM tickets t WHERE 1" + filter + " ORDER BY t.created_at DESC, t.rowid DESC")
            try statement.bind(values)
            while chosen.count < filters.limit, try statement.step() {
                let rowid = Row(statement: statement).int64(0)
                if matching.contains(rowid) { chosen.append(rowid) }
            }
        }
        return try chosen.map { rowid in
            var options = TicketIndex.RankingOptions()
            options.weights = Self.ticketWeights
            options.proximityWeight = Self.proximityWeight
            options.limit = 1
            options.lowestRowid = rowid
            options.highestRowid = rowid
            options.exhaustive = true
            let score = try store.ticketIndex.rank(query, options: options).first?.score ?? 0
            return TicketRanker.Result(rowid: rowid, score: score)
        }
    }

    /// A check that a ticket passes the filters other than its period's rowid bounds, or nil when nothing is filtered.
    private func filterCheck(_ filters: SearchFilters) throws -> ((Int64) throws -> Bool)? {
        let (conditions, values) = filterConditions(filters)
        guard !conditions.isEmpty else { return nil }
        let statement = try store.connection.cached(
            "SELECT 1 FROM tickets t WHERE t.rowid = ? AND " + conditions.joined(separator: " AND "))
        return { rowid in try statement.first([rowid] + values) { _ in true } ?? false }
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

    /// Articles matching a MATCH expression, best first; each language's articles are queried with its analyzer.
    public func searchArticles(expression: String, filters: SearchFilters) throws -> [SearchResult] {
        let languages = try store.connection.cached("SELECT DISTINCT language FROM articles ORDER BY language").map { $0.text(0) }
        var results: [SearchResult] = []
        for code in languages {
            let language = Language(rawValue: code) ?? store.tokenizer.language
            var conditions = ["articles_fts MATCH ?", "a.language = ?"]
            var values: [any SQLBindable] = [expression, code]
            if !filters.includeArchived { conditions.append("a.state <> 'archived'") }
            if !filters.services.isEmpty {
                conditions.append("EXISTS (SELECT 1 FROM json_each(a.services) WHERE value IN (" + placeholders(filters.services.count) + "))")
                values += filters.services as [any SQLBindable]
            }
            if !filters.statuses.isEmpty {
                conditions.append("a.state IN (" + placeholders(filters.statuses.count) + ")")
                values += filters.statuses as [any SQLBindable]
            }
            if let since = filters.since {
                conditions.append("a.updated >= ?")
                values.append(since.day())
            }
            if let until = filters.until {
                conditions.append("a.updated < ?")
                values.append(until.day())
            }
            // Severity and customer belong to tickets: an article cannot match them.
            if !filters.severities.isEmpty || filters.customer != nil { return [] }
            values.append(filters.limit)
            let sql = """
                SELECT a.id, a.title, kb_rank(articles_fts, '\(Self.articleWeights)', '', \(Self.proximityWeight)) AS score, a.state,
                       (SELECT group_concat(value, ',') FROM json_each(a.services)),
                       snippet(articles_fts, -1, char(2), char(3), '…', 24)
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY score DESC LIMIT ?
                """
            results += try store.tokenizer.with(language: language) {
                try store.connection.cached(sql).map(values) { row in
                    SearchResult(type: .article, id: row.text(0), title: row.text(1), score: row.double(2),
                                 status: row.text(3), service: row.optionalText(4), severity: nil, snippet: row.text(5))
                }
            }
        }
        return results
    }

    private func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
