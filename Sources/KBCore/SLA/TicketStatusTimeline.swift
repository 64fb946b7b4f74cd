/// A ticket's status over time, rebuilt from its events, for finding when its SLA clocks were paused.
///
/// The ticket starts `new` at creation; `status` events set their status, `resolved` and `closed`
/// events set those statuses and `reopened` sets `in_progress`. Events stamped before creation count
/// from creation; events after `until` (the moment measured) have not happened yet.
struct TicketStatusTimeline {
    /// Status changes in time order; the first is creation.
    let changes: [(at: Int64, status: TicketStatus)]

    init(ticket: Ticket, until: Int64) {
        let created = ticket.createdAt.seconds
        var changes: [(at: Int64, status: TicketStatus)] = [(created, .new)]
        let ordered = ticket.events.enumerated().sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }
        for (_, event) in ordered where event.at.seconds <= until {
            let status: TicketStatus?
            switch event.kind {
            case .status: status = event.status
            case .resolved: status = .resolved
            case .closed: status = .closed
            case .reopened: status = .inProgress
            default: status = nil
            }
            if let status { changes.append((max(created, event.at.seconds), status)) }
        }
        self.changes = changes
    }

    /// The status in force at an instant.
    func status(at instant: Int64) -> TicketStatus {
        var current = changes[0].status
        for change in changes where change.at <= instant { current = change.status }
        return current
    }

    /// When the ticket last entered one of `statuses` without leaving them since, as of `instant`; nil when its
    /// status at `instant` is not one of them.
    func start(ofRunIn statuses: Set<TicketStatus>, at instant: Int64) -> Int64? {
        var since: Int64?
        for change in changes where change.at <= instant {
            if statuses.contains(change.status) {
                if since == nil { since = change.at }
            } else {
                since = nil
            }
        }
        return since
    }

    /// Disjoint, ordered intervals within `start ..< end` during which the status is one of `statuses`.
    func intervals(in statuses: Set<TicketStatus>, from start: Int64, to end: Int64) -> [(start: Int64, end: Int64)] {
        var result: [(start: Int64, end: Int64)] = []
        for (index, change) in changes.enumerated() where statuses.contains(change.status) {
            let next = index + 1 < changes.count ? changes[index + 1].at : Int64.max
            let low = max(start, change.at), high = min(end, next)
            guard high > low else { continue }
            if let last = result.last, last.end == low {
                result[result.count - 1].end = high
            } else {
                result.append((low, high))
            }
        }
        return result
    }
}
