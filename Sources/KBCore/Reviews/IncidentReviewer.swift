import Foundation

/// Writes reviews of stored tickets: loads the ticket, checks it is reviewable, gathers its history and builds
/// the `Review`. The store is read here and nowhere in rendering.
public final class IncidentReviewer {
    public let store: Store
    public let policy: Policy
    public let finder: IncidentHistoryFinder

    /// A reviewer of the tickets in `store` under `policy`; `builder` plans the related-incident queries.
    public init(store: Store, policy: Policy, builder: QueryBuilder) throws {
        self.store = store
        self.policy = policy
        finder = try IncidentHistoryFinder(store: store, builder: builder)
    }

    /// The ticket with `id` and its recorded article links; throws `ReviewError.ticketNotFound` when the store has none.
    public func ticket(id: String) throws -> Ticket {
        guard let ticket = try store.linkedTicket(id: id) else { throw ReviewError.ticketNotFound(id: id) }
        return ticket
    }

    /// The internal review of ticket `id` as of `now`.
    ///
    /// Throws `ReviewError.notClosed` or `.severityOutOfScope` for tickets reviews are not for, unless `force`;
    /// a forced review carries a warning saying so.
    public func review(id: String, now: Timestamp, language: Language, force: Bool = false,
                       proposals: [ReviewProposal] = []) throws -> Review {
        let ticket = try ticket(id: id)
        if !force, let problem = Review.eligibilityProblem(of: ticket) { throw problem }
        return try review(of: ticket, now: now, language: language, proposals: proposals)
    }

    /// The internal review of a ticket already loaded.
    public func review(of ticket: Ticket, now: Timestamp, language: Language,
                       proposals: [ReviewProposal] = []) throws -> Review {
        let history = try finder.history(for: ticket, now: now)
        return Review(ticket: ticket, policy: policy, history: history, proposals: proposals, now: now, language: language)
    }

    /// Tickets whose assignees count as the team's agents when hiding agent names.
    public static let agentSampleSize = 20_000

    /// A redactor for the customer-facing view of `ticket`: every other customer's name (in the store and the
    /// policy), the agents (assignees of the latest `agentSampleSize` tickets) and everyone who acted on the ticket
    /// for support.
    ///
    /// Customer names come from every ticket row (there is no index on customers: about a second per million
    /// tickets); agents from a recent sample, since the team is small and every active agent is assigned often.
    public func customerRedactor(for ticket: Ticket, language: Language) throws -> Redactor {
        let customers = Set(policy.customers.keys).union(try store.customerNames())
        var agents = try store.recentAssignees(limit: Self.agentSampleSize)
        if let assignee = ticket.assignee { agents.insert(assignee) }
        for event in ticket.events where event.kind != .customerUpdate {
            if let author = event.author, !author.isEmpty { agents.insert(author) }
        }
        let own = ticket.customer.map(Policy.foldedKey)
        let others = customers.filter { Policy.foldedKey($0) != own }.sorted()
        // The customer's own people may sign their messages; they are not hidden from their own summary.
        let ownContacts = Set(ticket.events.filter { $0.kind == .customerUpdate }.compactMap(\.author))
        return Redactor(language: language, customerNames: others,
                        agentNames: agents.subtracting(ownContacts).sorted())
    }

    /// Closed severity 1–2 tickets created in `since ..< until`, in creation order.
    public func closedIncidents(since: Timestamp, until: Timestamp) throws -> [Ticket] {
        try store.tickets(TicketFilter(statuses: [.closed], severities: [1, 2], createdSince: since, createdBefore: until))
    }
}
