/// What `kb sla` reports: open tickets at risk or breached, and compliance over a period.
public struct SLAReport: Sendable {
    /// An open ticket whose SLA needs attention.
    public struct Attention: Sendable {
        public let ticket: Ticket
        public let sla: TicketSLA
        /// The running clock closest to (or furthest past) its due time.
        public let clock: SLAClock
        public let advice: [EscalationAdvice]
        public var isBreached: Bool { clock.breached }
    }

    /// Share of finished tickets that met both targets, per group.
    public struct Compliance: Sendable, Equatable {
        public let group: String
        public var tickets = 0
        public var firstResponseMet = 0
        public var resolutionMet = 0
        public var bothMet = 0

        public var rate: Double { tickets == 0 ? 0 : Double(bothMet) / Double(tickets) }
    }

    public var attention: [Attention] = []
    public var bySeverity: [Compliance] = []
    public var byPlan: [Compliance] = []
    public let since: Timestamp?
    public let until: Timestamp?
    public let now: Timestamp

    /// Share of a target consumed from which a ticket is "at risk".
    public static let riskThreshold = 0.75

    /// Builds the report: open tickets (any age) measured at `now`; compliance over tickets created in
    /// [`since`, `until`) that are resolved or closed.
    public static func build(store: Store, policy: Policy, now: Timestamp, since: Timestamp?, until: Timestamp?) throws -> SLAReport {
        var report = SLAReport(since: since, until: until, now: now)
        try store.forEachTicket(where: "status NOT IN ('resolved', 'closed')") { ticket in
            let sla = TicketSLA(ticket: ticket, policy: policy, now: now)
            // The clock due soonest among those at risk or breached: the most overdue one first.
            let pressing = sla.clocks.filter { $0.state != .stopped && ($0.breached || $0.fractionConsumed >= riskThreshold) }
            guard let clock = pressing.min(by: { ($0.dueAt.seconds, $0.kind.rawValue) < ($1.dueAt.seconds, $1.kind.rawValue) })
            else { return }
            let advice = EscalationAdvisor.advise(ticket: ticket, sla: sla, policy: policy)
            report.attention.append(Attention(ticket: ticket, sla: sla, clock: clock, advice: advice))
        }
        report.attention.sort { ($0.clock.dueAt.seconds, $0.ticket.id) < ($1.clock.dueAt.seconds, $1.ticket.id) }

        var condition = "status IN ('resolved', 'closed')"
        var values: [any SQLBindable] = []
        if let since {
            condition += " AND created_at >= ?"
            values.append(since.seconds)
        }
        if let until {
            condition += " AND created_at < ?"
            values.append(until.seconds)
        }
        var severities: [Int: Compliance] = [:]
        var plans: [String: Compliance] = [:]
        try store.forEachTicket(where: condition, values) { ticket in
            let sla = TicketSLA(ticket: ticket, policy: policy, now: now)
            let first = !sla.firstResponse.breached
            let resolved = !sla.resolution.breached
            func count(_ entry: inout Compliance) {
                entry.tickets += 1
                if first { entry.firstResponseMet += 1 }
                if resolved { entry.resolutionMet += 1 }
                if first && resolved { entry.bothMet += 1 }
            }
            count(&severities[ticket.severity, default: Compliance(group: String(ticket.severity))])
            count(&plans[sla.planName, default: Compliance(group: sla.planName)])
        }
        report.bySeverity = severities.keys.sorted().map { severities[$0]! }
        report.byPlan = plans.keys.sorted().map { plans[$0]! }
        return report
    }
}
