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
    static let ticketWeights = "1.5, 1.0, 1.0, 1.0, 1.0"
    /// Column weights: title ≫ problem > solution > tags.
    static let articleWeights = "10.0, 4.0, 2.0, 3.0"

    let store: Store
    public let builder: QueryBuilder

    /// Document frequencies for query planning.
    public let statistics: TermStatistics

    /// Stores with at least this many tickets rank only the most recent `rankingBudget` matches of a query.
    public var rankingThreshold = 100_000
    public var rankingBudget = 500

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
        var words = builder.words(in: query)
        if mode == .any {
            let content = words.filter { !stopTerms.contains($0.term) }
            if !content.isEmpty { words = content }
        }
        guard let expression = builder.expression(words: words, mode: mode) else {
            return SearchResponse(query: query, expression: nil, results: [])
        }
        var results: [SearchResult] = []
        if filters.type != .article {
            // Words in most tickets add nothing to BM25 but make FTS5 score most of the index: drop them.
            let planned = mode == .any ? try statistics.selective(words) : words
            let ticketExpression = builder.expression(words: planned, mode: mode) ?? expression
            results += try searchTickets(expression: ticketExpression, filters: filters)
        }
        if filters.type != .ticket {
            results += try searchArticles(expression: expression, filters: filters)
        }
        results.sort { $0.score != $1.score ? $0.score > $1.score : ($0.type.rawValue, $0.id) < ($1.type.rawValue, $1.id) }
        return SearchResponse(query: query, expression: expression, results: Array(results.prefix(filters.limit)))
    }

    /// Tickets matching a MATCH expression, best first.
    public func searchTickets(expression: String, filters: SearchFilters) throws -> [SearchResult] {
        var conditions: [String] = ["tickets_fts MATCH ?"]
        var values: [any SQLBindable] = [expression]
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
        // FTS5 computes BM25 for every match before it can sort: on a large store, rank only the most
        // recent `rankingBudget` matches (found cheaply in rowid order) so latency stays bounded.
        if statistics.documentCount >= rankingThreshold {
            let boundary = """
                SELECT tickets_fts.rowid FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
                WHERE \(conditions.joined(separator: " AND ")) ORDER BY tickets_fts.rowid DESC LIMIT 1 OFFSET ?
                """
            if let lowest = try store.connection.cached(boundary).first(values + [rankingBudget - 1], { $0.int64(0) }) {
                conditions.append("tickets_fts.rowid >= ?")
                values.append(lowest)
            }
        }
        values.append(filters.limit)
        let sql = """
            SELECT t.id, t.doc ->> '$.title', -bm25(tickets_fts, \(Self.ticketWeights)) AS score, t.status, t.service,
                   t.severity, snippet(tickets_fts, -1, char(2), char(3), '…', 24)
            FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
            WHERE \(conditions.joined(separator: " AND "))
            ORDER BY bm25(tickets_fts, \(Self.ticketWeights)) LIMIT ?
            """
        return try store.connection.cached(sql).map(values) { row in
            SearchResult(type: .ticket, id: row.text(0), title: row.text(1), score: row.double(2), status: row.text(3),
                         service: row.optionalText(4), severity: row.int(5), snippet: row.text(6))
        }
    }

    /// Articles matching a MATCH expression, best first; each language's articles are queried with its analyzer.
    public func searchArticles(expression: String, filters: SearchFilters) throws -> [SearchResult] {
        let languages = try store.connection.cached("SELECT DISTINCT language FROM articles ORDER BY language").map { $0.text(0) }
        var results: [SearchResult] = []
        for code in languages {
            let language = AnalyzerLanguage(rawValue: code) ?? store.tokenizer.language
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
                SELECT a.id, a.title, -bm25(articles_fts, \(Self.articleWeights)), a.state,
                       (SELECT group_concat(value, ',') FROM json_each(a.services)),
                       snippet(articles_fts, -1, char(2), char(3), '…', 24)
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY bm25(articles_fts, \(Self.articleWeights)) LIMIT ?
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
