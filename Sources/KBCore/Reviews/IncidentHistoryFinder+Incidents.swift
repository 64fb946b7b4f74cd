import Foundation

extension IncidentHistoryFinder {
    /// How far back an earlier incident with the same cause counts as the problem recurring.
    public static let recurrenceWindowDays = 90
    /// A ticket of the same service opened this long before the impact window began may still be a report of the
    /// same outage (customers notice at different times); two past tickets this close are one incident.
    public static let incidentLeadSeconds: Int64 = 2 * 3_600
    /// A past ticket's open time extends its incident for grouping, at most this long after it was opened.
    public static let incidentSpanSeconds: Int64 = 12 * 3_600

    // MARK: - This incident's other reports

    /// Other reports of the incident: tickets of the same service opened from `incidentLeadSeconds` before the
    /// impact window began until it ended (mitigation, resolution or closing), whose recorded cause does not
    /// differ from the ticket's.
    func concurrentReports(for ticket: Ticket, now: Timestamp) throws -> [ConcurrentReport] {
        guard let service = ticket.service else { return [] }
        let (start, end) = Self.impactWindow(of: ticket, now: now)
        guard end >= start else { return [] }
        let own = try signature(of: ticket)
        var reports: [(report: ConcurrentReport, createdAtSeconds: Int64)] = []
        try store.forEachTicketCreated(from: start - Self.incidentLeadSeconds, to: end, service: service,
                                       excluding: ticket.id) { row, document in
            let rootCause = try document.string("root_cause"), resolution = try document.string("resolution")
            let other = signature(service: row.service, rootCause: rootCause, vendors: [], articles: [])
            // "Ver T-2001", "Resuelto con T-2001": a report pointing at the ticket is one of its reports.
            let pointsHere = [rootCause, resolution].contains { $0?.contains(ticket.id) == true }
            guard pointsHere || !own.contradicts(other) else { return }
            let created = try document.string("created_at").flatMap(Timestamp.init(iso8601:))
            reports.append((ConcurrentReport(id: row.id, customer: row.customer, service: row.service, channel: row.channel,
                                             createdAt: created ?? Timestamp(seconds: 0)), row.createdAtSeconds))
        }
        // By creation time, then id as SQL orders text (bytes).
        return reports.sorted { lhs, rhs in
            if lhs.createdAtSeconds != rhs.createdAtSeconds { return lhs.createdAtSeconds < rhs.createdAtSeconds }
            return lhs.report.id.utf8.lexicographicallyPrecedes(rhs.report.id.utf8)
        }.map(\.report)
    }

    /// From detection (or creation, whichever is first) to mitigation, resolution or closing.
    static func impactWindow(of ticket: Ticket, now: Timestamp) -> (start: Int64, end: Int64) {
        let milestones = ReviewMilestones(ticket: ticket, now: now)
        let start = min(milestones.detection?.at.seconds ?? ticket.createdAt.seconds, ticket.createdAt.seconds)
        return (start, milestones.mitigation?.at.seconds ?? milestones.end(now: now).seconds)
    }

    // MARK: - Recurrences

    /// A member's bytes as a document writes them, hashed as bytes (a `String` key would hash its normalised form).
    struct WrittenText: Hashable {
        let bytes: [UInt8]

        init(_ bytes: UnsafeBufferPointer<UInt8> = UnsafeBufferPointer(start: nil, count: 0)) {
            self.bytes = Array(bytes)
        }

        func hash(into hasher: inout Hasher) {
            bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
        }
    }

    /// A past ticket with the same cause, as the recurrence list shows it.
    struct PastReport {
        let id: String
        let title: String
        let service: String?
        let severity: Int
        let customer: String?
        let created: Timestamp
        let resolvedAt: Timestamp?
        let rootCause: String?
        let resolution: String?
        /// Why its cause is the incident's.
        let agreements: [CauseSignature.Agreement]
        /// The articles its document names (its `articles` field).
        let articles: [String]
    }

    /// Earlier incidents of the same service with the same cause (root cause words, vendor or linked article),
    /// opened within `recurrenceWindowDays` before this incident began and resolved or closed since, most recent
    /// first. Every ticket of the window is read (no ranking budget can drop one); the tickets of one past outage
    /// are one entry.
    ///
    /// With them, the `articles` field of each of their tickets, by id: read from the same documents.
    func recurrences(of ticket: Ticket, now: Timestamp,
                     excluding reports: Set<String>) throws -> (incidents: [RelatedIncident], articles: [String: [String]]) {
        guard let service = ticket.service else { return ([], [:]) }
        let (start, _) = Self.impactWindow(of: ticket, now: now)
        let own = try signature(of: ticket)
        let from = start - Int64(Self.recurrenceWindowDays) * 86_400
        // Vendors and articles are in the stored document past its root cause: read only when they could decide.
        let vendorsOrArticlesDecide = !own.vendors.isEmpty || !own.articles.isEmpty
        var matches: [PastReport] = []
        // Every ticket of the window is of `service`, so its root cause alone decides its words' signature; many
        // tickets share a root cause word for word, analysed once. The cause is looked up as the document writes it.
        var causes: [WrittenText: (signature: CauseSignature, agreements: [CauseSignature.Agreement])] = [:]
        try store.forEachTicketCreated(from: from, to: start - 1, service: service, excluding: ticket.id) { row, document in
            // An earlier incident is one that ended: an open ticket is still being worked, not a recurrence. The status
            // column says so without reading the stored document.
            guard !reports.contains(row.id), TicketStatus(rawValue: row.status)?.isDone == true else { return }
            let key = try document.withRawMember("root_cause", WrittenText.init) ?? WrittenText()
            let cause: CauseSignature
            var agreements: [CauseSignature.Agreement]
            if let known = causes[key] {
                (cause, agreements) = known
            } else {
                cause = signature(service: service, rootCause: try document.string("root_cause"), vendors: [], articles: [])
                agreements = own.agreements(with: cause)
                causes[key] = (cause, agreements)
            }
            var articles: [String]?
            if agreements.isEmpty, vendorsOrArticlesDecide, !own.contradicts(cause) {
                let named = try document.articleIDs()
                articles = named
                // Articles agree only when the incident has some: the links are looked up only then.
                let linked = own.articles.isEmpty ? [] : Set(named).union(try store.links(forTicket: row.id).map(\.articleID))
                let other = signature(service: service, rootCause: try document.string("root_cause"),
                                      vendors: Self.vendors(escalatedTo: try document.vendorEscalationTargets()), articles: linked)
                agreements = own.agreements(with: other)
            }
            guard !agreements.isEmpty, let created = try document.string("created_at").flatMap(Timestamp.init(iso8601:))
            else { return }
            matches.append(PastReport(
                id: row.id, title: try document.string("title") ?? "", service: row.service, severity: row.severity,
                customer: row.customer, created: created,
                resolvedAt: try document.string("resolved_at").flatMap(Timestamp.init(iso8601:)),
                rootCause: try document.string("root_cause"),
                resolution: try document.string("resolution"), agreements: agreements,
                articles: try articles ?? document.articleIDs()))
        }
        let incidents = Self.groupedIntoIncidents(matches).compactMap { group -> RelatedIncident? in
            // The group's representative is its first report; its reasons are every member's.
            guard let first = group.first else { return nil }
            var unique: [CauseSignature.Agreement] = []
            for reason in group.flatMap(\.agreements) where !unique.contains(reason) { unique.append(reason) }
            return RelatedIncident(
                id: first.id, title: first.title, service: first.service, severity: group.map(\.severity).min() ?? first.severity,
                customer: first.customer, createdAt: first.created, resolvedAt: first.resolvedAt, rootCause: first.rootCause,
                resolution: first.resolution, similarity: 1, sameService: true,
                daysBefore: Int((ticket.createdAt.seconds - first.created.seconds) / 86_400),
                otherReports: group.dropFirst().map(\.id), agreements: unique)
        }.sorted { ($0.createdAt.seconds, $0.id) > ($1.createdAt.seconds, $1.id) }
        var articles: [String: [String]] = [:]
        for match in matches { articles[match.id] = match.articles }
        return (incidents, articles)
    }

    /// Tickets (oldest first) split into incidents: a ticket opened within `incidentLeadSeconds` of the group's
    /// latest report, or while one of its reports was still open (up to `incidentSpanSeconds`), joins it.
    static func groupedIntoIncidents(_ reports: [PastReport]) -> [[PastReport]] {
        let sorted = reports.sorted { ($0.created.seconds, $0.id) < ($1.created.seconds, $1.id) }
        var groups: [[PastReport]] = []
        var groupEnd = Int64.min
        for item in sorted {
            let open = min(item.resolvedAt?.seconds ?? item.created.seconds, item.created.seconds + incidentSpanSeconds)
            let reach = max(item.created.seconds + incidentLeadSeconds, open)
            if !groups.isEmpty, item.created.seconds <= groupEnd {
                groups[groups.count - 1].append(item)
                groupEnd = max(groupEnd, reach)
            } else {
                groups.append([item])
                groupEnd = reach
            }
        }
        return groups
    }

    // MARK: - Signatures

    /// The cause signature of a ticket: its service, root cause words, vendor escalations and linked articles.
    func signature(of ticket: Ticket) throws -> CauseSignature {
        var articles = Set(ticket.articles)
        if try store.hasTicket(id: ticket.id) {
            articles.formUnion(try store.links(forTicket: ticket.id).map(\.articleID))
        }
        let targets = ticket.events.compactMap { $0.kind == .escalation ? $0.to : nil }
        return signature(service: ticket.service, rootCause: ticket.rootCause, vendors: Self.vendors(escalatedTo: targets),
                         articles: articles)
    }

    /// The escalation targets that are vendors (`vendor:NAME`), lower-cased.
    static func vendors(escalatedTo targets: [String]) -> Set<String> {
        Set(targets.map { $0.lowercased() }.filter { $0.hasPrefix("vendor:") })
    }

    func signature(service: String?, rootCause: String?, vendors: Set<String>, articles: Set<String>) -> CauseSignature {
        let words = terms(of: rootCause ?? "").filter { !stopTerms.contains($0) && Self.isWorthSearching($0) }
        // `vendor:telco-andina` names the vendor in words as causes write it: "Telco Andina".
        let names = vendors.flatMap { terms(of: $0.dropFirst("vendor:".count).replacingOccurrences(of: "-", with: " ")) }
        return CauseSignature(service: service, causeTerms: Set(words), vendors: vendors, articles: articles,
                              vendorTerms: Set(names))
    }
}
