import Foundation

extension IncidentHistoryFinder {
    /// How far back an earlier incident with the same cause counts as the problem recurring.
    public static let recurrenceWindowDays = 90
    /// A ticket of the same service opened this long before the impact window began may still be a report of the
    /// same outage (customers notice at different times); two past tickets this close are one incident.
    public static let incidentLeadSeconds: Int64 = 2 * 3_600
    /// A past ticket's open time extends its incident for grouping, at most this long after it was opened.
    public static let incidentSpanSeconds: Int64 = 12 * 3_600
    /// Tickets read per query while walking a window: the walk goes on until the window ends, so no ticket is cut.
    static let pageSize = 1_000

    // MARK: - This incident's other reports

    /// Other reports of the incident: tickets of the same service opened from `incidentLeadSeconds` before the
    /// impact window began until it ended (mitigation, resolution or closing), whose recorded cause does not
    /// differ from the ticket's.
    func concurrentReports(for ticket: Ticket, now: Timestamp) throws -> [ConcurrentReport] {
        guard let service = ticket.service else { return [] }
        let (start, end) = Self.impactWindow(of: ticket, now: now)
        guard end >= start else { return [] }
        let own = try signature(of: ticket)
        var reports: [ConcurrentReport] = []
        for row in try ticketsCreated(from: start - Self.incidentLeadSeconds, to: end, service: service, excluding: ticket.id) {
            let other = signature(service: row.service, rootCause: row.rootCause, vendors: [], articles: [])
            // "Ver T-2001", "Resuelto con T-2001": a report pointing at the ticket is one of its reports.
            let pointsHere = [row.rootCause, row.resolution].contains { $0?.contains(ticket.id) == true }
            guard pointsHere || !own.contradicts(other) else { continue }
            reports.append(ConcurrentReport(id: row.id, customer: row.customer, service: row.service, channel: row.channel,
                                            createdAt: row.createdAt ?? Timestamp(seconds: 0)))
        }
        return reports
    }

    /// From detection (or creation, whichever is first) to mitigation, resolution or closing.
    static func impactWindow(of ticket: Ticket, now: Timestamp) -> (start: Int64, end: Int64) {
        let milestones = ReviewMilestones(ticket: ticket, now: now)
        let start = min(milestones.detection?.at.seconds ?? ticket.createdAt.seconds, ticket.createdAt.seconds)
        return (start, milestones.mitigation?.at.seconds ?? milestones.end(now: now).seconds)
    }

    // MARK: - Recurrences

    /// Earlier incidents of the same service with the same cause (root cause words, vendor or linked article),
    /// opened within `recurrenceWindowDays` before this incident began and resolved or closed since, most recent
    /// first. Every ticket of the window is read (no ranking budget can drop one); the tickets of one past outage
    /// are one entry.
    func recurrences(of ticket: Ticket, now: Timestamp, excluding reports: Set<String>) throws -> [RelatedIncident] {
        guard let service = ticket.service else { return [] }
        let (start, _) = Self.impactWindow(of: ticket, now: now)
        let own = try signature(of: ticket)
        let from = start - Int64(Self.recurrenceWindowDays) * 86_400
        var matches: [(row: Store.TicketExcerpt, created: Timestamp, agreements: [CauseSignature.Agreement])] = []
        for row in try ticketsCreated(from: from, to: start - 1, service: service, excluding: ticket.id)
        where !reports.contains(row.id) {
            guard let created = row.createdAt else { continue }
            var other = signature(service: row.service, rootCause: row.rootCause, vendors: [], articles: [])
            var agreements = own.agreements(with: other)
            // Vendors and articles are in the stored document: read it only when they could decide.
            if agreements.isEmpty, !own.contradicts(other), !own.vendors.isEmpty || !own.articles.isEmpty,
               let stored = try store.ticket(id: row.id) {
                other = try signature(of: stored)
                agreements = own.agreements(with: other)
            }
            // An earlier incident is one that ended: an open ticket is still being worked, not a recurrence. The status
            // column says so without decoding the stored document.
            guard !agreements.isEmpty, TicketStatus(rawValue: row.status)?.isDone == true else { continue }
            matches.append((row, created, agreements))
        }
        return Self.groupedIntoIncidents(matches.map { ($0.row, $0.created) }).compactMap { group in
            // The group's representative is its first report; its reasons are every member's.
            guard let first = group.first else { return nil }
            let reasons = group.flatMap { member in matches.first { $0.row.id == member.row.id }?.agreements ?? [] }
            var unique: [CauseSignature.Agreement] = []
            for reason in reasons where !unique.contains(reason) { unique.append(reason) }
            let row = first.row
            return RelatedIncident(
                id: row.id, title: row.title, service: row.service, severity: group.map(\.row.severity).min() ?? row.severity,
                customer: row.customer, createdAt: first.created, resolvedAt: row.resolvedAt, rootCause: row.rootCause,
                resolution: row.resolution, similarity: 1, sameService: true,
                daysBefore: Int((ticket.createdAt.seconds - first.created.seconds) / 86_400),
                otherReports: group.dropFirst().map(\.row.id), agreements: unique)
        }.sorted { ($0.createdAt.seconds, $0.id) > ($1.createdAt.seconds, $1.id) }
    }

    /// Tickets (oldest first) split into incidents: a ticket opened within `incidentLeadSeconds` of the group's
    /// latest report, or while one of its reports was still open (up to `incidentSpanSeconds`), joins it.
    static func groupedIntoIncidents(_ rows: [(row: Store.TicketExcerpt, created: Timestamp)])
        -> [[(row: Store.TicketExcerpt, created: Timestamp)]] {
        let sorted = rows.sorted { ($0.created.seconds, $0.row.id) < ($1.created.seconds, $1.row.id) }
        var groups: [[(row: Store.TicketExcerpt, created: Timestamp)]] = []
        var groupEnd = Int64.min
        for item in sorted {
            let open = min(item.row.resolvedAt?.seconds ?? item.created.seconds, item.created.seconds + incidentSpanSeconds)
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
        let vendors = ticket.events.compactMap { event -> String? in
            guard event.kind == .escalation, let to = event.to, to.lowercased().hasPrefix("vendor:") else { return nil }
            return to.lowercased()
        }
        return signature(service: ticket.service, rootCause: ticket.rootCause, vendors: Set(vendors), articles: articles)
    }

    func signature(service: String?, rootCause: String?, vendors: Set<String>, articles: Set<String>) -> CauseSignature {
        let words = terms(of: rootCause ?? "").filter { !stopTerms.contains($0) && Self.isWorthSearching($0) }
        // `vendor:telco-andina` names the vendor in words as causes write it: "Telco Andina".
        let names = vendors.flatMap { terms(of: $0.dropFirst("vendor:".count).replacingOccurrences(of: "-", with: " ")) }
        return CauseSignature(service: service, causeTerms: Set(words), vendors: vendors, articles: articles,
                              vendorTerms: Set(names))
    }

    /// Every ticket of `service` created from `start` to `end` (inclusive), read a page at a time by creation time.
    func ticketsCreated(from start: Int64, to end: Int64, service: String, excluding id: String) throws -> [Store.TicketExcerpt] {
        var rows: [Store.TicketExcerpt] = []
        var seen: Set<String> = [id]
        var from = start
        while from <= end {
            let page = try store.ticketsCreated(from: from, to: end, service: service, excluding: id, limit: Self.pageSize)
            var added = 0
            for row in page where seen.insert(row.id).inserted {
                rows.append(row)
                added += 1
            }
            guard page.count == Self.pageSize, let last = page.last?.createdAt?.seconds else { break }
            // A page ending inside one second is read again from that second; a page all within it moves past it.
            from = added == 0 || last == from ? last + 1 : last
        }
        return rows
    }
}
