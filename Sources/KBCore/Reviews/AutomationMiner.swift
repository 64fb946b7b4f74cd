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
    /// The SLA policy: plans, calendars and targets for breach detection.
    public let policy: Policy
    /// Period, thresholds and language.
    public let options: AutomationOptions

    /// The workspace's synonym groups: wordings that use one group's entries say the same thing.
    public let synonyms: Synonyms

    /// A miner; throws when the options describe an empty period or a pattern of fewer than two tickets.
    /// `synonyms` should be analysed in `options.analyzerLanguage`.
    public init(policy: Policy, options: AutomationOptions, synonyms: Synonyms = .empty) throws(AutomationError) {
        try options.validate()
        self.policy = policy
        self.options = options
        self.synonyms = synonyms
    }

    /// All proposals from the tickets in a store.
    public func proposals(store: Store) throws -> [AutomationProposal] {
        try report(store: store).proposals
    }

    /// The report over the tickets in a store; article links come from its `article_links` table.
    public func report(store: Store) throws -> AutomationReport {
        var collector = AutomationCollector(options: options, policy: policy, synonyms: synonyms)
        let incidents = TicketFilter(statuses: [.closed], severities: [1, 2], createdSince: options.since,
                                     createdBefore: options.until)
        var requests = incidents
        requests.severities = [5]
        // One snapshot for every read.
        return try store.read {
            try store.forEachTicket(incidents) { collector.addIncident($0) }
            // Requests outnumber incidents and self-service needs only their title and who acted when.
            try store.forEachRequestWork(requests) { request in
                collector.addRequest(id: request.id, service: request.service, createdAt: request.createdAt,
                                     title: request.title, workSeconds: Self.workSeconds(of: request.workEvents),
                                     tags: request.tags, articles: request.articles)
                collector.notePeople(customer: nil, assignee: nil, events: request.workEvents)
            }
            return try finish(collector) { try store.hasLinkedArticle(ticket: $0) }
        }
    }

    /// The report over tickets in memory (any order); `linkedTickets` are the ids with an `article_links` row.
    public func report<S: Sequence>(tickets: S, linkedTickets: Set<String> = []) throws -> AutomationReport where S.Element == Ticket {
        var collector = AutomationCollector(options: options, policy: policy, synonyms: synonyms)
        let chosen = tickets.filter { $0.status == .closed && ((1...2).contains($0.severity) || $0.severity == 5) && collector.inPeriod($0) }
            .sorted { ($0.createdAt.seconds, $0.id) < ($1.createdAt.seconds, $1.id) }
        for ticket in chosen where ticket.severity <= 2 { collector.addIncident(ticket) }
        for ticket in chosen where ticket.severity == 5 { collector.addRequest(ticket) }
        return try finish(collector) { linkedTickets.contains($0) }
    }

    /// Manual seconds of a request's work events, in the order its document lists them.
    static func workSeconds(of events: [TicketEvent]) -> Int64 {
        // Stable by time: the per-author rule does not depend on the order of simultaneous events of different people.
        let ordered = events.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }.map(\.element)
        return AutomationIncident.workSeconds(of: ordered).reduce(0, +)
    }

    private func finish(_ collector: AutomationCollector, hasLinkedArticle: (String) throws -> Bool) throws -> AutomationReport {
        var collector = collector
        collector.redactor = collector.peopleRedactor()
        collector.termWeights = collector.computeTermWeights()
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
        let redactor = collector.redactor
        for index in proposals.indices {
            // The quoted wordings were chosen free of people; the rest of each text is checked all the same.
            proposals[index].title = redactor.redact(proposals[index].title)
            proposals[index].rationale = redactor.redact(proposals[index].rationale)
            proposals[index].steps = proposals[index].steps.map(redactor.redact)
            proposals[index].calculation = text.calculation(proposals[index], months: months)
        }
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
