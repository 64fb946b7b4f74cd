import Foundation

/// A ticket's SLA clocks as of a moment, under its plan's calendar and time zone.
///
/// - First response stops at the earliest `comment` event with `public` visibility; a ticket resolved before any
///   public comment was answered by its resolution (as Zendesk's first reply time counts a ticket solved without a
///   reply), so its clock stops there instead of running on after the work is done.
/// - Resolution stops at `resolvedAt`, else the first `resolved` event, else the first change to
///   `resolved`/`closed` status, else `closedAt`.
/// - Update cadence runs from the latest public comment while the ticket is open and has been answered.
///
/// Targets come from the ticket's current severity: a severity change re-targets the whole ticket,
/// as the manual classifies the incident, not each period. Anything dated after `now` has not happened yet.
public struct TicketSLA: Sendable, Equatable {
    public var ticketID: String
    /// The severity the targets come from (the ticket's current one, clamped to 1–5).
    public var severity: Int
    public var planName: String
    public var calendarName: String
    public var timeZoneIdentifier: String
    /// The customer's time zone, for local times.
    public var timeZone: TimeZone
    /// The holiday calendar the plan's calendar took for this customer (`MX`), if any.
    public var holidayCalendar: String?
    /// The plan calendar's business day (12 hours under `12x5`), for writing durations in business days.
    public var businessDaySeconds: Int64?
    /// The moment the clocks were read.
    public var measuredAt: Timestamp
    public var firstResponse: SLAClock
    public var resolution: SLAClock
    /// Nil when the ticket is resolved or has had no public comment yet.
    public var update: SLAClock?
    /// What could not be taken from the ticket as it is (unknown plan, missing resolution time…).
    public var warnings: [String]

    /// Reads a ticket's clocks at `now`.
    public init(ticket: Ticket, policy: Policy, now: Timestamp) {
        let terms = policy.terms(for: ticket)
        var warnings = terms.warnings
        var severity = ticket.severity
        if !(1...5).contains(severity) {
            severity = min(5, max(1, severity))
            warnings.append("severity \(ticket.severity) is outside 1–5; using \(severity)")
        }
        let targets = policy.targets(forSeverity: severity)
        let start = ticket.createdAt
        if now.seconds < start.seconds { warnings.append("ticket is created after the measuring time") }

        let timeline = TicketStatusTimeline(ticket: ticket, until: now.seconds)
        let happened = ticket.events
            .filter { $0.at.seconds <= now.seconds }
            .enumerated()
            .sorted { ($0.element.at.seconds, $0.offset) < ($1.element.at.seconds, $1.offset) }
            .map(\.element)
        let publicComments = happened.filter { $0.kind == .comment && $0.visibility == .public }

        var resolvedAt = ticket.resolvedAt.flatMap { $0.seconds <= now.seconds ? $0 : nil }
            ?? happened.first { $0.kind == .resolved }?.at
        if resolvedAt == nil {
            resolvedAt = happened.first { event in
                event.kind == .closed || (event.kind == .status && (event.status == .resolved || event.status == .closed))
            }?.at
        }
        if resolvedAt == nil, let closed = ticket.closedAt, closed.seconds <= now.seconds {
            resolvedAt = closed
            warnings.append("no resolution time; using the closing time")
        }
        if resolvedAt == nil, ticket.isDone {
            warnings.append("ticket is \(ticket.status.rawValue) but has no resolution time; its resolution clock runs to now")
        }

        let meter = SLAMeter(terms: terms, timeline: timeline, now: now,
                             pausing: Set(policy.pausingStatuses), vendor: Set(policy.vendorStatuses))
        ticketID = ticket.id
        self.severity = severity
        planName = terms.planName
        calendarName = terms.calendar.name
        timeZoneIdentifier = terms.timeZone.identifier
        timeZone = terms.timeZone
        holidayCalendar = terms.holidayCalendar
        businessDaySeconds = terms.calendar.businessDaySeconds
        measuredAt = now
        var firstAnswer = publicComments.first?.at
        if let resolvedAt, firstAnswer.map({ resolvedAt.seconds < $0.seconds }) ?? true {
            firstAnswer = resolvedAt
        }
        firstResponse = meter.clock(.firstResponse, target: targets.firstResponseSeconds, start: start, stop: firstAnswer)
        resolution = meter.clock(.resolution, target: targets.resolutionSeconds, start: start, stop: resolvedAt)
        if resolvedAt == nil, let last = publicComments.last {
            update = meter.clock(.update, target: targets.updateSeconds, start: last.at, stop: nil)
        } else {
            update = nil
        }
        self.warnings = warnings
    }

    /// The clocks in a fixed order: first response, update (when running), resolution.
    public var clocks: [SLAClock] { [firstResponse] + (update.map { [$0] } ?? []) + [resolution] }

    /// True when any clock is breached.
    public var isBreached: Bool { clocks.contains { $0.breached } }

    /// The customer's wall clock, for showing times.
    public var localClock: LocalClock { LocalClock(timeZone: timeZone) }
}
