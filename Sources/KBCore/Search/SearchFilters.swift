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
}

/// The answer to one query.
public struct SearchResponse: Sendable {
    public let query: String
    /// The MATCH expression used, or nil when the query had no searchable word.
    public let expression: String?
    public let results: [SearchResult]
}
