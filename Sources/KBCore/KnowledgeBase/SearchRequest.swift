/// What `KnowledgeBase.search(_:)` looks for: the words, how they combine and the filters.
public struct SearchRequest: Sendable {
    public var query: String
    public var mode: QueryMode
    public var filters: SearchFilters

    public init(query: String, mode: QueryMode = .any, filters: SearchFilters = SearchFilters()) {
        self.query = query
        self.mode = mode
        self.filters = filters
    }
}
