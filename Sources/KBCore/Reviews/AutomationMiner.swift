/// Mines automation proposals from closed incidents: DESIGN.md "Automation proposals", and the manual's
/// "automatizar tareas repetitivas" and "proponer automatizaciones y mejoras a procesos".
///
/// Reads closed severity 1–2 tickets (and closed severity-5 requests, for self-service) created in the
/// period, streaming them from the store in creation order, and looks for eight signals, each giving
/// proposals of one ``AutomationKind``:
///
/// - the same manual action in several incidents → ``AutomationKind/runbook`` with a draft runbook;
/// - recurring causes (same service, similar root cause) → ``AutomationKind/problemRecord``;
/// - customer-reported incidents on monitorable services → ``AutomationKind/monitoringAlert``;
/// - repeated or slow escalation to the same level or vendor → ``AutomationKind/escalationRule``;
/// - the same evidence requested from customers → ``AutomationKind/intakeField``;
/// - SLA breaches clustered in time → ``AutomationKind/staffing``;
/// - frequent requests of one kind → ``AutomationKind/selfService``;
/// - recurring causes no ticket links an article to → ``AutomationKind/knowledgeArticle``.
///
/// Every signal needs `minimumOccurrences` evidence tickets. Per ticket the work is a handful of
/// analyzer passes over short texts and one SLA reading; grouping uses dictionaries and prefix-filtered
/// similarity (``AutomationSetClusterer``), never a comparison of every pair of tickets.
public struct AutomationMiner: Sendable {
    public let policy: Policy
    public let options: AutomationOptions

    /// A miner; throws when the options describe an empty period or a pattern of fewer than two tickets.
    public init(policy: Policy, options: AutomationOptions) throws(AutomationError) {
        try options.validate()
        self.policy = policy
        self.options = options
    }

    /// All proposals from the tickets in a store.
    public func proposals(store: Store) throws -> [AutomationProposal] {
        try report(store: store).proposals
    }

    /// The report over the tickets in a store; article links come from its `article_links` table.
    public func report(store: Store) throws -> AutomationReport {
        var collector = AutomationCollector(options: options, policy: policy)
        var period = ""
        var values: [any SQLBindable] = []
        if let since = options.since {
            period += " AND created_at >= ?"
            values.append(since.seconds)
        }
        if let until = options.until {
            period += " AND created_at < ?"
            values.append(until.seconds)
        }
        try store.forEachTicket(where: "status = 'closed' AND severity BETWEEN 1 AND 2" + period, values) { ticket in
            collector.addIncident(ticket)
        }
        try store.forEachTicket(where: "status = 'closed' AND severity = 5" + period, values) { ticket in
            collector.addRequest(ticket)
        }
        let links = try store.connection.prepare("SELECT 1 FROM article_links WHERE ticket_id = ? LIMIT 1")
        return try finish(collector) { id in try links.first([id]) { _ in true } != nil }
    }

    /// The report over tickets in memory (any order); `linkedTickets` are the ids with an `article_links` row.
    public func report<S: Sequence>(tickets: S, linkedTickets: Set<String> = []) throws -> AutomationReport where S.Element == Ticket {
        var collector = AutomationCollector(options: options, policy: policy)
        let chosen = tickets.filter { $0.status == .closed && ((1...2).contains($0.severity) || $0.severity == 5) && collector.inPeriod($0) }
            .sorted { ($0.createdAt.seconds, $0.id) < ($1.createdAt.seconds, $1.id) }
        for ticket in chosen where ticket.severity <= 2 { collector.addIncident(ticket) }
        for ticket in chosen where ticket.severity == 5 { collector.addRequest(ticket) }
        return try finish(collector) { linkedTickets.contains($0) }
    }

    private func finish(_ collector: AutomationCollector, hasLinkedArticle: (String) throws -> Bool) throws -> AutomationReport {
        let text = AutomationText(language: options.language)
        let now = options.now.seconds
        let start = options.since?.seconds ?? collector.firstCreated ?? now
        let end = max(start, options.until.map { min($0.seconds, now) } ?? now)
        let months = max(1, Double(end - start) / (30.4375 * 86_400))

        var proposals: [AutomationProposal] = []
        if !collector.incidents.isEmpty {
            proposals += collector.runbookProposals(months: months, text: text)
            let clusters = collector.causeClusters()
            proposals += collector.problemProposals(clusters, months: months, text: text)
            proposals += try collector.articleProposals(clusters, months: months, text: text, hasLinkedArticle: hasLinkedArticle)
            proposals += collector.monitoringProposals(months: months, text: text)
            proposals += collector.escalationProposals(months: months, text: text)
            proposals += collector.intakeProposals(months: months, text: text)
            proposals += collector.staffingProposals(months: months, text: text)
        }
        proposals += collector.selfServiceProposals(months: months, text: text)
        proposals.sort { left, right in
            if left.hoursSavedPerMonth != right.hoursSavedPerMonth { return left.hoursSavedPerMonth > right.hoursSavedPerMonth }
            if left.kind != right.kind { return left.kind < right.kind }
            if left.title != right.title { return left.title < right.title }
            return left.evidence.lexicographicallyPrecedes(right.evidence, by: AutomationProposal.naturalOrder)
        }
        return AutomationReport(
            proposals: proposals, language: options.language, since: options.since, until: options.until,
            spanStart: Timestamp(seconds: start), spanEnd: Timestamp(seconds: end), months: (months * 100).rounded() / 100,
            incidentsExamined: collector.incidents.count, requestsExamined: collector.requests.count,
            minimumOccurrences: options.minimumOccurrences, minutesRule: text.minutesRule, savingsRule: text.savingsRule,
            confidenceRule: text.confidenceRule)
    }
}
