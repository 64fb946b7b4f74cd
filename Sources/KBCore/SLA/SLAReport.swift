/// What `kb sla` reports: a board of open tickets by SLA time left, and compliance over a period.
public struct SLAReport: Sendable {
    /// An open ticket on the board.
    public struct Attention: Sendable {
        public let ticket: Ticket
        public let sla: TicketSLA
        /// The open clock that needs attention most: breached (most overdue), else running at risk, else paused,
        /// else on track; the least time left among equals.
        public let clock: SLAClock
        public let advice: [EscalationAdvice]
        /// Business seconds the ticket has been paused, when it is paused longer than its severity's limit.
        public let pausedTooLongSeconds: Int64?
        /// The policy's pause limit for the ticket's severity, when it has one.
        public let pauseLimitSeconds: Int64?

        public var isBreached: Bool { clock.breached }
        /// Business seconds left on `clock`; negative once breached (how far past).
        public var timeLeftSeconds: Int64 { clock.breached ? -clock.breachedBySeconds : clock.remainingSeconds }

        /// Where the ticket stands: `breached`, `paused`, `at_risk` or `on_track`.
        public var state: String {
            if clock.breached { return "breached" }
            if clock.state == .paused { return "paused" }
            return clock.fractionConsumed >= SLAReport.riskThreshold ? "at_risk" : "on_track"
        }
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
    public let filter: SLABoardFilter
    /// True when the board lists every open ticket, not only those needing attention.
    public let showsAll: Bool

    /// Share of a target consumed from which a ticket is "at risk".
    public static let riskThreshold = 0.75

    /// Builds the report: open tickets (any age) measured at `now` — those breached, at risk or paused longer than
    /// their severity's `pause_limits`, or all with `all` — sorted by business time left; compliance over tickets
    /// created in [`since`, `until`) that are resolved or closed. `filter` narrows both.
    ///
    /// Throws `SLABoardError` for a filter value that matches nothing the store or the policy knows.
    public static func build(store: Store, policy: Policy, now: Timestamp, since: Timestamp?, until: Timestamp?,
                             filter: SLABoardFilter = SLABoardFilter(), all: Bool = false) throws -> SLAReport {
        let selection = try filter.selection(store: store, policy: policy)
        var report = SLAReport(since: since, until: until, now: now, filter: filter, showsAll: all)
        try store.forEachTicket(where: "status NOT IN ('resolved', 'closed') AND (\(selection.condition))", selection.values) { ticket in
            let sla = TicketSLA(ticket: ticket, policy: policy, now: now)
            if let plans = selection.plans, !plans.contains(sla.planName) { return }
            let open = sla.clocks.filter { $0.state != .stopped }
            func left(_ clock: SLAClock) -> Int64 { clock.breached ? -clock.breachedBySeconds : clock.remainingSeconds }
            // The clock shown: breached first, then running at risk, then paused, then on track; least time left within.
            func urgency(_ clock: SLAClock) -> Int {
                if clock.breached { return 0 }
                if clock.state == .paused { return 2 }
                return clock.fractionConsumed >= riskThreshold ? 1 : 3
            }
            guard let clock = open.min(by: { (urgency($0), left($0), $0.kind.rawValue) < (urgency($1), left($1), $1.kind.rawValue) })
            else { return }
            let limit = policy.pauseLimits[sla.severity]
            var pausedTooLong: Int64?
            if let limit, let since = open.compactMap(\.pausedSince).min() {
                // How long the current pause has lasted, in the business time the ticket's SLA counts.
                let terms = policy.terms(for: ticket)
                let paused = terms.calendar.businessSeconds(from: since, to: now, in: terms.timeZone)
                if paused > limit { pausedTooLong = paused }
            }
            let pressing = open.contains { $0.breached || ($0.state == .running && $0.fractionConsumed >= riskThreshold) }
            guard all || pressing || pausedTooLong != nil else { return }
            let advice = EscalationAdvisor.advise(ticket: ticket, sla: sla, policy: policy)
            report.attention.append(Attention(ticket: ticket, sla: sla, clock: clock, advice: advice,
                                              pausedTooLongSeconds: pausedTooLong, pauseLimitSeconds: limit))
        }
        report.attention.sort {
            ($0.timeLeftSeconds, $0.clock.dueAt.seconds, $0.ticket.id) < ($1.timeLeftSeconds, $1.clock.dueAt.seconds, $1.ticket.id)
        }

        var condition = "status IN ('resolved', 'closed') AND (\(selection.condition))"
        var values = selection.values
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
            if let wanted = selection.plans, !wanted.contains(sla.planName) { return }
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
