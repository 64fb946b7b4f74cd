extension KnowledgeBase {
    /// What `--status` accepts: every ticket status and article state.
    public static let statusVocabulary = FilterVocabulary(
        option: "--status", known: TicketStatus.allCases.map(\.rawValue) + ArticleState.allCases.map(\.rawValue))

    /// The values of a ticket column in the store (with the indexed articles' services for `.service` and the
    /// policy's plans for `.plan`), for the filter `option`.
    ///
    /// Reads every ticket row: use `resolveFilter(_:column:option:)`, which does so only for a value not stored as
    /// typed.
    public func vocabulary(_ column: Store.TicketColumn, option: String) throws -> FilterVocabulary {
        let store = try store()
        var known = try store.distinctValues(of: column)
        switch column {
        case .service: known += try store.articleVocabulary().services
        case .plan: known += try policy().plans.keys
        case .status: known += ArticleState.allCases.map(\.rawValue)
        case .customer, .channel: break
        }
        return FilterVocabulary(option: option, known: known)
    }

    /// The stored values `values` stand for in `column` (ignoring case and accents); a value nothing has is an
    /// `UnknownFilterValueError` listing the values that exist.
    ///
    /// A value stored exactly as typed is confirmed by one probe that stops at the first ticket having it (plus the
    /// articles' services, a small table); only other values cost a pass over the tickets to list what exists.
    public func resolveFilter(_ values: [String], column: Store.TicketColumn, option: String) throws -> [String] {
        guard !values.isEmpty else { return [] }
        if column == .status { return try Self.statusVocabulary.resolve(values) }
        let store = try store()
        let articleValues = column == .service ? FilterVocabulary(option: option, known: try store.articleVocabulary().services) : nil
        var resolved: [String] = []
        var vocabulary: FilterVocabulary?
        for value in values {
            var matches = try store.hasTicket(where: column, equals: value) ? [value] : []
            matches += articleValues?.matches(value) ?? []
            if matches.isEmpty {
                if vocabulary == nil { vocabulary = try self.vocabulary(column, option: option) }
                matches = try vocabulary!.resolve([value])
            }
            for match in matches where !resolved.contains(match) { resolved.append(match) }
        }
        return resolved
    }

    /// `filters` with their statuses, services and customer replaced by the stored values they stand for.
    public func resolved(_ filters: SearchFilters) throws -> SearchFilters {
        var filters = filters
        filters.statuses = try resolveFilter(filters.statuses, column: .status, option: "--status")
        filters.services = try resolveFilter(filters.services, column: .service, option: "--service")
        if let customer = filters.customer {
            // One name per filter: a customer stored under several spellings is searched under the first.
            filters.customer = try resolveFilter([customer], column: .customer, option: "--customer").first
        }
        return filters
    }
}
