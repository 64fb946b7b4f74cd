/// One measured interval of an incident, against its SLA target when the plan has one.
///
/// `seconds` is wall-clock time; `businessSeconds` is SLA time: business time of the plan's calendar in the
/// customer's time zone, without the time spent in pausing statuses (the same measure as `TicketSLA`).
/// A metric whose events are missing has no numbers and says why in `missing`.
public struct ReviewMetric: Sendable, Equatable {
    /// What the metric measures.
    public enum Kind: String, Sendable, CaseIterable {
        case timeToFirstResponse = "time_to_first_response"
        case timeToEscalation = "time_to_escalation"
        case timeToMitigation = "time_to_mitigation"
        case timeToResolution = "time_to_resolution"
        case customerWait = "customer_wait"
        case vendorWait = "vendor_wait"
        case impactWindow = "impact_window"
    }

    public var kind: Kind
    /// The level or vendor of an escalation metric (`N2`, `vendor:cloudsms`).
    public var subject: String?
    /// Name shown in the document, in the review's language.
    public var label: String
    /// How it is measured, in the review's language.
    public var definition: String
    public var start: Timestamp?
    public var end: Timestamp?
    /// Wall-clock seconds.
    public var seconds: Int64?
    /// SLA seconds: business time of the plan's calendar, pauses excluded.
    public var businessSeconds: Int64?
    /// The plan's target for the ticket's severity, when there is one.
    public var targetSeconds: Int64?
    /// When the target fell due (counting the pauses).
    public var dueAt: Timestamp?
    /// Indices (0-based, in the order the ticket file lists them) of the events the metric came from.
    public var events: [Int]
    /// Ticket fields the metric came from (`created_at`, `resolved_at`).
    public var fields: [String]
    /// Why there is no number, in the review's language; nil when measured.
    public var missing: String?
    /// True when one of its events has a timeline warning (out of order, before creation).
    public var flagged: Bool

    public init(kind: Kind, subject: String? = nil, label: String, definition: String, start: Timestamp? = nil,
                end: Timestamp? = nil, seconds: Int64? = nil, businessSeconds: Int64? = nil,
                targetSeconds: Int64? = nil, dueAt: Timestamp? = nil, events: [Int] = [], fields: [String] = [],
                missing: String? = nil, flagged: Bool = false) {
        self.kind = kind
        self.subject = subject
        self.label = label
        self.definition = definition
        self.start = start
        self.end = end
        self.seconds = seconds
        self.businessSeconds = businessSeconds
        self.targetSeconds = targetSeconds
        self.dueAt = dueAt
        self.events = events
        self.fields = fields
        self.missing = missing
        self.flagged = flagged
    }

    /// The JSON key: the kind, with the subject for escalations (`time_to_escalation:N2`).
    public var key: String { subject.map { kind.rawValue + ":" + $0 } ?? kind.rawValue }

    /// Whether the SLA time stayed within the target; nil without a target or a measurement.
    public var met: Bool? {
        guard let businessSeconds, let targetSeconds else { return nil }
        return businessSeconds <= targetSeconds
    }

    /// Target minus SLA time: positive is the margin left, negative how much it was breached by.
    public var marginSeconds: Int64? {
        guard let businessSeconds, let targetSeconds else { return nil }
        return targetSeconds - businessSeconds
    }
}
