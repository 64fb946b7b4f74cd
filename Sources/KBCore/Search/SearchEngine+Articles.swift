extension SearchEngine {
    /// How an article's title matches a query, strongest first: the order `searchArticles(query:…)` ranks by before
    /// the score.
    enum TitleMatch: Int, Comparable {
        case none = 0
        /// Every query word is in the title, in any order.
        case allWords
        /// The query's words appear in the title as one run ("troncal sip" in "…de la troncal SIP del proveedor").
        case contained
        /// The title is the query (after case, accents and stemming).
        case equal

        static func < (lhs: TitleMatch, rhs: TitleMatch) -> Bool { lhs.rawValue < rhs.rawValue }

        /// How `title` (its analysed terms, in order) matches `query` (its analysed terms, in order).
        init(title: [String], query: [String]) {
            guard !query.isEmpty else { self = .none; return }
            if title == query { self = .equal; return }
            if query.count <= title.count,
               (0...(title.count - query.count)).contains(where: { title[$0..<($0 + query.count)].elementsEqual(query) }) {
                self = .contained
                return
            }
            self = Set(query).isSubset(of: title) ? .allWords : .none
        }
    }

    /// Articles for a query typed by an agent, best first: titles that are the query, then titles that contain it,
    /// then titles with all its words, then by score (ties: id). By date (`order`): the last updated first (ties: id).
    ///
    /// Synonym groups mix languages ("troncal, trunk"): articles in the query's language (detected, else the
    /// workspace's) are matched with synonyms, articles in other languages only by the query's own words unless no
    /// article in the query's language matches, so a Spanish query does not find English runbooks through their
    /// translation first.
    public func searchArticles(query: String, words: [QueryBuilder.Word], mode: QueryMode,
                               filters: SearchFilters, order: SearchOrder = .relevance) throws -> [SearchResult] {
        // A store without articles (most ticket stores) answers here, before the query's language is detected.
        let languages = try articleLanguages()
        guard !languages.isEmpty, let expression = builder.expression(words: words, mode: mode) else { return [] }
        let queryLanguage = LanguageDetector.detect(query) ?? store.tokenizer.language
        // Enough candidates that re-ranking by title cannot miss an exact title ranked low by its score.
        var wider = filters
        wider.limit = max(filters.limit, 50)
        // Snippets only for the articles shown: FTS5's `snippet()` tokenizes every column of its row.
        var hits = try articleHits(expression: expression, filters: wider, languages: [queryLanguage], snippets: false, order: order)
        let others = languages.filter { $0 != queryLanguage }
        if hits.isEmpty {
            hits += try articleHits(expression: expression, filters: wider, languages: others, snippets: false, order: order)
        } else if let literal = builder.expression(words: words, mode: mode, expandSynonyms: false) {
            hits += try articleHits(expression: literal, filters: wider, languages: others, snippets: false, order: order)
        }
        if order == .recent {
            hits.sort { a, b in a.result.recency != b.result.recency ? a.result.recency > b.result.recency : a.result.id < b.result.id }
            return try hits.prefix(filters.limit).map(snippeted)
        }
        var titleMatches: [String: TitleMatch] = [:]
        var queryTerms: [Language?: [String]] = [:]
        for hit in hits {
            let source = store.tokenizer.source(for: hit.result.language)
            let terms = queryTerms[hit.result.language] ?? QueryBuilder.terms(in: query, source: source)
            queryTerms[hit.result.language] = terms
            titleMatches[hit.result.id] = TitleMatch(title: QueryBuilder.terms(in: hit.result.title, source: source), query: terms)
        }
        hits.sort { a, b in
            let (first, second) = (titleMatches[a.result.id] ?? .none, titleMatches[b.result.id] ?? .none)
            if first != second { return first > second }
            return a.result.score != b.result.score ? a.result.score > b.result.score : a.result.id < b.result.id
        }
        return try hits.prefix(filters.limit).map { hit in
            var result = try snippeted(hit)
            result.matchesTitle = (titleMatches[result.id] ?? .none) >= .contained
            return result
        }
    }

    /// One article an article query found: the result, its row and the MATCH expression that found it (the
    /// expression its snippet is placed with).
    struct ArticleHit {
        let result: SearchResult
        let rowid: Int64
        let expression: String
    }

    /// `hit`'s result with its snippet, as the article query would have selected it.
    private func snippeted(_ hit: ArticleHit) throws -> SearchResult {
        guard let language = hit.result.language else { return hit.result }
        let snippet = try store.tokenizer.with(language: language) {
            try store.connection.cached("""
                SELECT snippet(articles_fts, -1, char(2), char(3), '…', 24) FROM articles_fts
                WHERE articles_fts MATCH ? AND articles_fts.rowid = ?
                """).first([hit.expression, hit.rowid]) { $0.text(0) } ?? ""
        }
        var result = SearchResult(type: .article, id: hit.result.id, title: hit.result.title, score: hit.result.score,
                                  status: hit.result.status, service: hit.result.service, severity: nil, snippet: snippet)
        result.language = language
        result.updated = hit.result.updated
        return result
    }

    /// Articles matching a MATCH expression, best first (ties: id); each language's articles are queried with its
    /// analyzer. `languages` limits the languages searched (nil: all).
    public func searchArticles(expression: String, filters: SearchFilters, languages: [Language]? = nil) throws -> [SearchResult] {
        try articleHits(expression: expression, filters: filters, languages: languages, snippets: true).map(\.result)
    }

    /// The articles `searchArticles(expression:filters:languages:)` finds, with their rows; without `snippets` their
    /// snippets are empty. By date (`order`), the last updated first and unscored (0).
    func articleHits(expression: String, filters: SearchFilters, languages: [Language]?, snippets: Bool,
                     order: SearchOrder = .relevance) throws -> [ArticleHit] {
        // Severity and customer belong to tickets: an article cannot match them.
        if !filters.severities.isEmpty || filters.customer != nil { return [] }
        var results: [ArticleHit] = []
        for language in try languages ?? articleLanguages() {
            var conditions = ["articles_fts MATCH ?", "a.language = ?"]
            var values: [any SQLBindable] = [expression, language.rawValue]
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
            values.append(filters.limit)
            let snippet = snippets ? "snippet(articles_fts, -1, char(2), char(3), '…', 24)" : "''"
            let (score, ordering) = order == .recent ? ("0", "a.updated DESC, a.id")
                : ("kb_rank(articles_fts, '\(Self.articleWeights)', '', \(Self.proximityWeight))", "score DESC, a.id")
            let sql = """
                SELECT a.id, a.title, \(score) AS score, a.state,
                       (SELECT group_concat(value, ',') FROM json_each(a.services)), \(snippet), a.rowid, a.updated
                FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
                WHERE \(conditions.joined(separator: " AND "))
                ORDER BY \(ordering) LIMIT ?
                """
            results += try store.tokenizer.with(language: language) {
                try store.connection.cached(sql).map(values) { row in
                    var result = SearchResult(type: .article, id: row.text(0), title: row.text(1), score: row.double(2),
                                              status: row.text(3), service: row.optionalText(4), severity: nil, snippet: row.text(5))
                    result.language = language
                    result.updated = row.optionalText(7)
                    return ArticleHit(result: result, rowid: row.int64(6), expression: expression)
                }
            }
        }
        return results
    }

    /// The languages articles are written in, in code order.
    func articleLanguages() throws -> [Language] {
        try store.connection.cached("SELECT DISTINCT language FROM articles ORDER BY language").map { $0.text(0) }
            .compactMap { Language(rawValue: $0) }
    }
}
