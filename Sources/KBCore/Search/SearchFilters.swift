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
    /// Higher is better (negated BM25 with kb's column weights); 0 under `SearchOrder.recent`, which does not rank.
    public let score: Double
    /// Ticket status or article state.
    public let status: String
    public let service: String?
    public let severity: Int?
    /// Matched text with `SearchEngine.highlightStart`/`highlightEnd` around matched words.
    public let snippet: String
    /// The language an article is analysed in (nil for tickets).
    public var language: Language? = nil
    /// Whether the query is an article's title or part of it: such an article leads the merged list.
    public var matchesTitle = false
    /// When a ticket was created (nil for articles).
    public var createdAt: Timestamp? = nil
    /// The day an article was last updated, `2026-03-01` (nil for tickets).
    public var updated: String? = nil

    /// The instant `SearchOrder.recent` sorts by: a ticket's creation, the start (UTC) of an article's update day.
    var recency: Int64 {
        createdAt?.seconds ?? updated.flatMap { Timestamp(day: $0)?.seconds } ?? Int64.min
    }
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

    /// How `results` lists them: one list merged by score, after the articles whose title is or contains the query.
    /// Two lists (articles, then tickets) were measured on the demo queries and lowered nDCG@10 from 0.747 to 0.404:
    /// weak article matches pushed relevant tickets out of the top 10 (kb-bench relevance).
    public static let lists = "merged"
    /// At most this many results.
    public let limit: Int
    /// How `results` are ordered.
    public let order: SearchOrder

    public init(query: String, expression: String?, articles: [SearchResult] = [], tickets: [SearchResult] = [], limit: Int = 10,
                order: SearchOrder = .relevance) {
        self.query = query
        self.expression = expression
        self.articles = articles
        self.tickets = tickets
        self.limit = limit
        self.order = order
    }

    /// At most `limit` results. By relevance: articles whose title is or contains the query, then the other articles
    /// and the tickets by score (ties: type, then id). By date: articles and tickets newest first, each list keeping
    /// its own order (`SearchOrder.recent`), a ticket before an article of the same instant.
    public var results: [SearchResult] {
        if order == .recent { return newestFirst() }
        let rest = (articles.filter { !$0.matchesTitle } + tickets).sorted {
            $0.score != $1.score ? $0.score > $1.score : ($0.type.rawValue, $0.id) < ($1.type.rawValue, $1.id)
        }
        return Array((articles.filter(\.matchesTitle) + rest).prefix(limit))
    }
}

extension SearchResponse {
    /// `tickets` and `articles`, each already newest first, merged newest first, at most `limit`.
    private func newestFirst() -> [SearchResult] {
        var merged: [SearchResult] = []
        var (ticket, article) = (tickets.startIndex, articles.startIndex)
        while merged.count < limit, ticket < tickets.endIndex || article < articles.endIndex {
            if article == articles.endIndex || (ticket < tickets.endIndex && tickets[ticket].recency >= articles[article].recency) {
                merged.append(tickets[ticket])
                ticket += 1
            } else {
                merged.append(articles[article])
                article += 1
            }
        }
        return merged
    }

    /// Tickets best first, at most `limit`: by score, equal scores by id, so the order does not depend on the order
    /// the tickets were stored in (a re-import or reindex gives the same list).
    static func ranked(tickets: [SearchResult], limit: Int) -> [SearchResult] {
        Array(tickets.sorted { $0.score != $1.score ? $0.score > $1.score : $0.id < $1.id }.prefix(limit))
    }
}
