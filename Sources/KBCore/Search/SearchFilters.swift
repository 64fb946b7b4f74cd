/// Which kind of record a search result is.
public enum SearchResultType: String, Sendable, CaseIterable {
    case ticket, article
}

/// Narrows a search; every value is bound as an SQL parameter.
public struct SearchFilters: Sendable {
    public var type: SearchResultType?
    public var services: [String] = []
    public var severities: [Int] = []
    public var customer: String?
    public var statuses: [String] = []
    /// Tickets created (articles updated) at or after this instant.
    public var since: Timestamp?
    /// Tickets created (articles updated) before this instant.
    public var until: Timestamp?
    public var includeArchived = false
    public var limit = 10

    public init() {}
}

/// One ranked hit.
public struct SearchResult: Sendable, Equatable {
    public let type: SearchResultType
    public let id: String
    public let title: String
    /// Higher is better (negated BM25 with kb's column weights).
    public let score: Double
    /// Ticket status or article state.
    public let status: String
    public let service: String?
    public let severity: Int?
    /// Matched text with `SearchEngine.highlightStart`/`highlightEnd` around matched words.
    public let snippet: String
    /// The language an article is analysed in (nil for tickets).
    public var language: Language? = nil
}

/// The answer to one query.
public struct SearchResponse: Sendable {
    public let query: String
    /// The MATCH expression used, or nil when the query had no searchable word.
    public let expression: String?
    /// Articles, best first: title matches, then score, then id.
    public let articles: [SearchResult]
    /// Tickets, best first: score, then id.
    public let tickets: [SearchResult]

    /// How the results are listed: two ranked lists, articles then tickets, as helpdesks show them. Ticket and
    /// article scores come from two indexes with different statistics and column weights, so they are not merged.
    public static let lists = "separate"

    public init(query: String, expression: String?, articles: [SearchResult] = [], tickets: [SearchResult] = []) {
        self.query = query
        self.expression = expression
        self.articles = articles
        self.tickets = tickets
    }

    /// Both lists as shown: the articles, then the tickets.
    public var results: [SearchResult] { articles + tickets }
}

extension SearchResponse {
    /// Tickets best first, at most `limit`: by score, equal scores by id, so the order does not depend on the order
    /// the tickets were stored in (a re-import or reindex gives the same list).
    static func ranked(tickets: [SearchResult], limit: Int) -> [SearchResult] {
        Array(tickets.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(limit))
    }
}
