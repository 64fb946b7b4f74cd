/// How the Zendesk importer maps Zendesk's priorities and statuses onto kb's severities and statuses.
public struct ZendeskMapping: Sendable, Equatable {
    /// Zendesk priority (`urgent`, `high`, `normal`, `low`) → severity 1–5.
    public var priorities: [String: Int]
    /// Zendesk status (`new`, `open`, `pending`, `hold`, `solved`, `closed`) → ticket status.
    public var statuses: [String: TicketStatus]

    public init(priorities: [String: Int], statuses: [String: TicketStatus]) {
        self.priorities = priorities
        self.statuses = statuses
    }

    /// The severity of a Zendesk priority, compared case-insensitively.
    public func severity(forPriority priority: String) -> Int? { priorities[priority.lowercased()] }

    /// The ticket status of a Zendesk status, compared case-insensitively.
    public func status(forStatus status: String) -> TicketStatus? { statuses[status.lowercased()] }
}
