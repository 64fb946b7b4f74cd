/// What `KnowledgeBase.upsertTickets(_:)` did to each ticket, in the request's order.
public struct TicketUpsertResult: Sendable, JSONEncodable {
    public struct Entry: Sendable, JSONEncodable {
        public let id: String
        public let outcome: UpsertOutcome

        /// `{"id":…,"outcome":"inserted"|"updated"|"unchanged"}`.
        public func write(to writer: inout JSONWriter) {
            writer.object(("id", id), ("outcome", outcome.name))
        }
    }

    public let entries: [Entry]

    public func count(_ outcome: UpsertOutcome) -> Int {
        entries.reduce(0) { $0 + ($1.outcome == outcome ? 1 : 0) }
    }

    /// `{"inserted":N,"updated":N,"unchanged":N,"tickets":[{"id","outcome"}…]}`.
    public func write(to writer: inout JSONWriter) {
        writer.object(("inserted", count(.inserted)), ("updated", count(.updated)), ("unchanged", count(.unchanged)),
                      ("tickets", entries))
    }
}

extension UpsertOutcome {
    /// `inserted`, `updated` or `unchanged`, as the import's report says.
    public var name: String {
        switch self {
        case .inserted: "inserted"
        case .updated: "updated"
        case .unchanged: "unchanged"
        }
    }
}
