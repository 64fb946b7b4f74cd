/// The moments a review measures from, read from a ticket's time-sorted timeline as of `now`.
///
/// Events dated after `now` have not happened yet and are left out (the timeline checks warn about them).
/// Definitions match `TicketSLA`: the first response is the first public `comment`; the resolution is
/// `resolved_at`, else the first `resolved` event.
struct ReviewMilestones {
    /// An event with its 0-based position in the ticket's events as stored.
    struct Indexed {
        let index: Int
        let event: TicketEvent
        var at: Timestamp { event.at }
    }

    /// A resolution moment: from the `resolved_at` field or a `resolved` event.
    struct Resolution {
        let at: Timestamp
        /// The `resolved` event at that moment, when there is one.
        let event: Int?
        let fromField: Bool
    }

    /// A status change as the SLA clocks see it, at `max(creation, event time)`; the first is creation.
    struct StatusChange {
        let event: Int?
        let at: Int64
        let status: TicketStatus
    }

    /// An interval in a set of statuses, with the events that opened and closed it.
    struct StatusInterval {
        var start: Int64
        var end: Int64
        var startEvent: Int?
        var endEvent: Int?
    }

    let created: Timestamp
    /// Every event in time order (same instant: file order), future ones included.
    let ordered: [Indexed]
    /// `ordered` without events after `now`.
    let happened: [Indexed]
    let firstResponse: Indexed?
    let resolution: Resolution?
    let mitigation: Indexed?
    let detection: Indexed?
    let escalations: [Indexed]
    /// `closed_at` when not in the future, else the first `closed` event.
    let closing: Timestamp?
    let statusChanges: [StatusChange]

    init(ticket: Ticket, now: Timestamp) {
        created = ticket.createdAt
        ordered = ticket.events.enumerated()
            .sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }
            .map { Indexed(index: $0.offset, event: $0.element) }
        let happened = ordered.filter { $0.at.seconds <= now.seconds }
        self.happened = happened
        firstResponse = happened.first { $0.event.kind == .comment && $0.event.visibility == .public }
        let resolvedEvent = happened.first { $0.event.kind == .resolved }
        if let field = ticket.resolvedAt, field.seconds <= now.seconds {
            let matching = happened.first { $0.event.kind == .resolved && $0.at.seconds == field.seconds }
            resolution = Resolution(at: field, event: matching?.index, fromField: true)
        } else if let resolvedEvent {
            resolution = Resolution(at: resolvedEvent.at, event: resolvedEvent.index, fromField: false)
        } else {
            resolution = nil
        }
        mitigation = happened.first { $0.event.kind == .mitigated }
        detection = happened.first { $0.event.kind == .detected }
        escalations = happened.filter { $0.event.kind == .escalation && !($0.event.to ?? "").isEmpty }
        if let closedAt = ticket.closedAt, closedAt.seconds <= now.seconds {
            closing = closedAt
        } else {
            closing = happened.first { $0.event.kind == .closed }?.at
        }
        var changes = [StatusChange(event: nil, at: ticket.createdAt.seconds, status: .new)]
        for item in happened {
            let status: TicketStatus?
            switch item.event.kind {
            case .status: status = item.event.status
            case .resolved: status = .resolved
            case .closed: status = .closed
            case .reopened: status = .inProgress
            default: status = nil
            }
            if let status {
                changes.append(StatusChange(event: item.index, at: max(ticket.createdAt.seconds, item.at.seconds), status: status))
            }
        }
        statusChanges = changes
    }

    /// Disjoint, ordered intervals within `start ..< end` spent in one of `statuses` (as `TicketStatusTimeline`).
    func intervals(in statuses: Set<TicketStatus>, from start: Int64, to end: Int64) -> [StatusInterval] {
        var result: [StatusInterval] = []
        for (position, change) in statusChanges.enumerated() where statuses.contains(change.status) {
            let next = position + 1 < statusChanges.count ? statusChanges[position + 1] : nil
            let low = max(start, change.at), high = min(end, next?.at ?? Int64.max)
            guard high > low else { continue }
            let endEvent = high == next?.at ? next?.event : nil
            if let last = result.last, last.end == low {
                result[result.count - 1].end = high
                result[result.count - 1].endEvent = endEvent
            } else {
                result.append(StatusInterval(start: low, end: high, startEvent: change.event, endEvent: endEvent))
            }
        }
        return result
    }

    /// The end of the incident for waits: resolution, else closing, else `now`.
    func end(now: Timestamp) -> Timestamp {
        resolution?.at ?? closing ?? now
    }
}
