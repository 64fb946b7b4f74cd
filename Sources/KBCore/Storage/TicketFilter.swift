/// Which stored tickets a query reads: conditions on the indexed columns, all of which must hold.
public struct TicketFilter: Sendable, Equatable {
    /// Any of these statuses; empty for any status.
    public var statuses: [TicketStatus]
    /// Any of these severities; empty for any severity.
    public var severities: [Int]
    /// Created at or after.
    public var createdSince: Timestamp?
    /// Created before.
    public var createdBefore: Timestamp?

    public init(statuses: [TicketStatus] = [], severities: [Int] = [], createdSince: Timestamp? = nil,
                createdBefore: Timestamp? = nil) {
        self.statuses = statuses
        self.severities = severities
        self.createdSince = createdSince
        self.createdBefore = createdBefore
    }

    /// The WHERE condition over `tickets` and the values it binds, in order.
    var condition: (sql: String, values: [any SQLBindable]) {
        var clauses: [String] = []
        var values: [any SQLBindable] = []
        if !statuses.isEmpty {
            clauses.append("status IN (" + statuses.map { _ in "?" }.joined(separator: ", ") + ")")
            values += statuses.map(\.rawValue)
        }
        if !severities.isEmpty {
            clauses.append("severity IN (" + severities.map { _ in "?" }.joined(separator: ", ") + ")")
            values += severities
        }
        if let createdSince {
            clauses.append("created_at >= ?")
            values.append(createdSince.seconds)
        }
        if let createdBefore {
            clauses.append("created_at < ?")
            values.append(createdBefore.seconds)
        }
        return (clauses.isEmpty ? "1" : clauses.joined(separator: " AND "), values)
    }
}
