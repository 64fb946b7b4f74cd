/// What `KnowledgeBase.search(_:)` looks for: the words, how they combine, the order and the filters.
public struct SearchRequest: Sendable {
    public var query: String
    public var mode: QueryMode
    public var order: SearchOrder
    public var filters: SearchFilters

    /// Without a `mode`, the order's default (`SearchOrder.defaultMode`): any word by relevance, every word by date.
    public init(query: String, mode: QueryMode? = nil, order: SearchOrder = .relevance, filters: SearchFilters = SearchFilters()) {
        self.query = query
        self.mode = mode ?? order.defaultMode
        self.order = order
        self.filters = filters
    }
}
