import Foundation

/// A support ticket as kb stores it: the native JSON Lines record of DESIGN.md.
public struct Ticket: Sendable, Equatable {
    public var id: String
    public var title: String
    public var description: String
    public var customer: String?
    public var plan: String?
    /// IANA time zone of the customer, when the ticket names one.
    public var timezone: String?
    public var service: String?
    /// 1 Crítica … 5 Solicitudes, as in the support manual.
    public var severity: Int
    public var status: TicketStatus
    public var channel: Channel?
    public var assignee: String?
    public var level: String?
    public var createdAt: Timestamp
    public var resolvedAt: Timestamp?
    public var closedAt: Timestamp?
    public var resolution: String?
    public var rootCause: String?
    public var tags: [String]
    public var articles: [String]
    public var events: [TicketEvent]
    /// The language the ticket is written in, as the export gave it (`es`, `en-US`); nil when not given, and kb
    /// detects it from the text (see `Ticket.analysisLanguage`).
    public var language: String?
    /// Fields an importer could not map (CSV columns, Zendesk fields), kept as text.
    public var extra: [String: String]

    public init(
        id: String, title: String, description: String = "", customer: String? = nil,
        plan: String? = nil, timezone: String? = nil, service: String? = nil, severity: Int,
        status: TicketStatus, channel: Channel? = nil, assignee: String? = nil, level: String? = nil,
        createdAt: Timestamp, resolvedAt: Timestamp? = nil, closedAt: Timestamp? = nil,
        resolution: String? = nil, rootCause: String? = nil, tags: [String] = [], articles: [String] = [],
        events: [TicketEvent] = [], extra: [String: String] = [:], language: String? = nil
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.customer = customer
        self.plan = plan
        self.timezone = timezone
        self.service = service
        self.severity = severity
        self.status = status
        self.channel = channel
        self.assignee = assignee
        self.level = level
        self.createdAt = createdAt
        self.resolvedAt = resolvedAt
        self.closedAt = closedAt
        self.resolution = resolution
        self.rootCause = rootCause
        self.tags = tags
        self.articles = articles
        self.events = events
        self.extra = extra
        self.language = language
    }

    /// True once support has finished with the ticket.
    public var isDone: Bool { status == .resolved || status == .closed }
}

/// Ticket states of the manual's ticket flow.
public enum TicketStatus: String, Sendable, CaseIterable, Codable {
    case new, assigned
    case inProgress = "in_progress"
    case waitingCustomer = "waiting_customer"
    case waitingVendor = "waiting_vendor"
    case escalated, resolved, closed

    /// Resolved or closed: support has finished with the ticket.
    public var isDone: Bool { self == .resolved || self == .closed }
}

/// Where a request came in.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case ticketera, correo, chat, telefono, monitoreo
}

/// Who may see an event: internal notes never leave the team.
public enum Visibility: String, Sendable, CaseIterable, Codable {
    case `public`, `internal`
}

/// One entry of a ticket's timeline.
public struct TicketEvent: Sendable, Equatable {
    public var at: Timestamp
    public var kind: EventKind
    public var author: String?
    public var visibility: Visibility
    public var text: String
    /// The new status, for `status` events.
    public var status: TicketStatus?
    /// The level (`N2`) or `vendor:NAME`, for `escalation` events.
    public var to: String?
    /// The new severity, for `severity_change` events.
    public var severity: Int?
    public var attachments: [Attachment]

    public init(
        at: Timestamp, kind: EventKind, author: String? = nil, visibility: Visibility = .public,
        text: String = "", status: TicketStatus? = nil, to: String? = nil, severity: Int? = nil,
        attachments: [Attachment] = []
    ) {
        self.at = at
        self.kind = kind
        self.author = author
        self.visibility = visibility
        self.text = text
        self.status = status
        self.to = to
        self.severity = severity
        self.attachments = attachments
    }
}

/// Event kinds of DESIGN.md's ticket format.
public enum EventKind: String, Sendable, CaseIterable, Codable {
    case created, assigned, comment
    case customerUpdate = "customer_update"
    case action, evidence, status, escalation
    case severityChange = "severity_change"
    case detected, mitigated, resolved, reopened, closed
}

/// A file attached to an event (only its name and kind are stored).
public struct Attachment: Sendable, Equatable {
    public var name: String
    public var kind: String?

    public init(name: String, kind: String? = nil) {
        self.name = name
        self.kind = kind
    }
}
