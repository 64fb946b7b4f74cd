import KBCore

extension SearchRequest {
    /// The parameters `GET /api/search` and the search page take, named as the CLI's options.
    static let parameterNames: Set<String> = ["q", "mode", "sort", "type", "service", "severity", "customer", "status", "since",
                                              "until", "limit", "include_archived"]

    /// The request `kb search` would build from the same options: `q` the words, `mode` (default: the sort's),
    /// `sort` (`relevance` or `recent`), `type`, `service`,
    /// `severity` and `status` (repeatable), `customer`, `since`, `until`, `limit` (1-1000) and `include_archived`.
    init(query: QueryParameters) throws(Problem) {
        guard let text = query.text("q") else {
            throw Problem.invalidField("q", "problem.query_missing")
        }
        var filters = SearchFilters()
        filters.type = try query.choice("type", SearchResultType.self)
        filters.services = query.texts("service")
        filters.severities = try query.integers("severity", in: 1...5)
        filters.customer = query.text("customer")
        filters.statuses = query.texts("status")
        filters.since = try query.timestamp("since")
        filters.until = try query.timestamp("until")
        if let since = filters.since, let until = filters.until, since.seconds >= until.seconds {
            throw Problem.invalidField("until", "problem.since_not_before_until", ["since": since.day(), "until": until.day()])
        }
        filters.includeArchived = try query.flag("include_archived")
        filters.limit = try query.integer("limit", in: 1...1000) ?? filters.limit
        self.init(query: text, mode: try query.choice("mode", QueryMode.self), order: try query.choice("sort", SearchOrder.self) ?? .relevance,
                  filters: filters)
    }
}
