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
        // One snapshot for every read (a savepoint nests inside a caller's transaction, BEGIN would not).
        return try store.connection.savepoint("kb_automations") {
            try store.forEachTicket(where: "status = 'closed' AND severity BETWEEN 1 AND 2" + period, values) { ticket in
                collector.addIncident(ticket)
            }
            // Requests outnumber incidents and self-service needs only their title and who acted when: SQLite's JSON
            // functions pick those out, which costs a fraction of decoding every request into a `Ticket`.
            let requests = try store.connection.prepare("""
                SELECT id, coalesce(service, ''), created_at, coalesce(doc ->> '$.title', ''),
                    (SELECT group_concat(coalesce(e.value ->> '$.at', '') || char(31) || coalesce(e.value ->> '$.author', ''), char(30))
                     FROM json_each(doc, '$.events') AS e WHERE e.value ->> '$.kind' IN ('action', 'evidence'))
                FROM tickets WHERE status = 'closed' AND severity = 5\(period) ORDER BY created_at, id
                """)
            try requests.forEachRow(values) { row in
                collector.addRequest(id: row.text(0), service: row.text(1), createdAt: row.int64(2), title: row.text(3),
                                     workSeconds: Self.workSeconds(packed: row.optionalText(4) ?? ""))
            }
            let links = try store.connection.prepare("SELECT 1 FROM article_links WHERE ticket_id = ? LIMIT 1")
            return try finish(collector) { id in try links.first([id]) { _ in true } != nil }
        }
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

    /// Manual seconds of a request from `at<US>author` records separated by `<RS>` (the query above).
    static func workSeconds(packed: String) -> Int64 {
        guard !packed.isEmpty else { return 0 }
        var events: [TicketEvent] = []
        let bytes = Array(packed.utf8)
        var start = 0
        while start < bytes.count {
            var end = start
            while end < bytes.count && bytes[end] != 0x1E { end += 1 }
            var separator = start
            while separator < end && bytes[separator] != 0x1F { separator += 1 }
            if let at = Timestamp(iso8601: String(decoding: bytes[start..<separator], as: UTF8.self)) {
                let author = separator + 1 < end ? String(decoding: bytes[(separator + 1)..<end], as: UTF8.self) : nil
                events.append(TicketEvent(at: at, kind: .action, author: author))
            }
            start = end + 1
        }
        // Stable by time: the per-author rule does not depend on the order of simultaneous events of different people.
        let ordered = events.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }.map(\.element)
        return AutomationIncident.workSeconds(of: ordered).reduce(0, +)
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
