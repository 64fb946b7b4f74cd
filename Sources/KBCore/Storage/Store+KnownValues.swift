extension Store {
    /// A ticket column that filters name values of (`--customer`, `--service`, `--plan`, `--status`).
    public enum TicketColumn: String, Sendable, CaseIterable {
        case customer, service, plan, channel, status
    }

    /// Whether some ticket has exactly `value` in `column`.
    ///
    /// Stops at the first such ticket: a value typed as stored is confirmed after a few rows, so filters on it
    /// cost nothing on a large store (the columns have no index).
    public func hasTicket(where column: TicketColumn, equals value: String) throws -> Bool {
        try connection.cached("SELECT 1 FROM tickets WHERE \(column.rawValue) = ? LIMIT 1").first([value]) { _ in true } ?? false
    }

    /// The distinct non-empty values of `column` over every ticket, in byte order.
    ///
    /// Reads every ticket row (about a second per million tickets): called only when a value was not found as typed.
    public func distinctValues(of column: TicketColumn) throws -> [String] {
        try connection.cached("""
            SELECT DISTINCT \(column.rawValue) FROM tickets WHERE \(column.rawValue) IS NOT NULL AND \(column.rawValue) <> ''
            ORDER BY 1
            """).map { $0.text(0) }
    }

    /// The distinct services and tags named by indexed articles, each in byte order.
    public func articleVocabulary() throws -> (services: [String], tags: [String]) {
        var services = Set<String>()
        var tags = Set<String>()
        try connection.cached("SELECT services, tags FROM articles").forEachRow { row in
            services.formUnion(Store.stringList(row.text(0)).filter { !$0.isEmpty })
            tags.formUnion(Store.stringList(row.text(1)).filter { !$0.isEmpty })
        }
        return (services.sorted(), tags.sorted())
    }
}
