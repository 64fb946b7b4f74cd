/// A post-incident review: a plain value built from a ticket, the policy, the incident's history in the store
/// and the moment it is written (`Review(ticket:policy:history:proposals:now:language:)`).
///
/// Rendering (`ReviewRenderer`) takes this value and a template and never queries the database. Every
/// generated sentence is already in `language`; the customer view (`forCustomer(redactor:)`) holds no
/// internal event, agent name or other customer's data.
public struct Review: Sendable, Equatable {
    /// The ticket as stored: events in the order the file listed them (the customer view keeps public ones only).
    public var ticket: Ticket
    public var language: Language
    public var audience: ReviewAudience
    public var generatedAt: ReviewTime
    /// The plan, calendar and time zone the metrics are measured under.
    public var terms: SLATerms
    /// True when the plan's calendar has business hours (e.g. 12x5): SLA time differs from wall time.
    public var usesBusinessHours: Bool
    public var created: ReviewTime
    public var resolved: ReviewTime?
    public var closed: ReviewTime?
    public var severityChanges: [ReviewSeverityChange]
    /// A few sentences on what happened, in `language`.
    public var summary: String
    /// The events in time order (events at the same instant keep their file order).
    public var timeline: [ReviewTimelineEntry]
    public var metrics: ReviewMetrics
    public var impact: ReviewImpact
    public var warnings: [ReviewWarning]
    public var detection: ReviewDetection
    public var escalation: ReviewEscalation
    public var resolution: ReviewResolution
    /// Similar closed past incidents, most similar first.
    public var related: [RelatedIncident]
    public var recurrence: ReviewRecurrence
    /// The analysed terms related incidents were searched with.
    public var searchTerms: [String]
    public var articles: [ReviewArticleMatch]
    public var actions: [ReviewAction]
    public var proposals: [ReviewProposal]
    public var training: ReviewTraining
    public var evidence: [ReviewEvidenceItem]

    public init(ticket: Ticket, language: Language, audience: ReviewAudience, generatedAt: ReviewTime,
                terms: SLATerms, usesBusinessHours: Bool, created: ReviewTime, resolved: ReviewTime?,
                closed: ReviewTime?, severityChanges: [ReviewSeverityChange], summary: String,
                timeline: [ReviewTimelineEntry], metrics: ReviewMetrics, impact: ReviewImpact,
                warnings: [ReviewWarning], detection: ReviewDetection, escalation: ReviewEscalation,
                resolution: ReviewResolution, related: [RelatedIncident], recurrence: ReviewRecurrence,
                searchTerms: [String], articles: [ReviewArticleMatch], actions: [ReviewAction],
                proposals: [ReviewProposal], training: ReviewTraining, evidence: [ReviewEvidenceItem]) {
        self.ticket = ticket
        self.language = language
        self.audience = audience
        self.generatedAt = generatedAt
        self.terms = terms
        self.usesBusinessHours = usesBusinessHours
        self.created = created
        self.resolved = resolved
        self.closed = closed
        self.severityChanges = severityChanges
        self.summary = summary
        self.timeline = timeline
        self.metrics = metrics
        self.impact = impact
        self.warnings = warnings
        self.detection = detection
        self.escalation = escalation
        self.resolution = resolution
        self.related = related
        self.recurrence = recurrence
        self.searchTerms = searchTerms
        self.articles = articles
        self.actions = actions
        self.proposals = proposals
        self.training = training
        self.evidence = evidence
    }

    /// Whether a ticket is what reviews are for: closed, severity 1–2. Nil when it is; the reason when not.
    public static func eligibilityProblem(of ticket: Ticket) -> ReviewError? {
        if ticket.status != .closed { return .notClosed(id: ticket.id, status: ticket.status) }
        if !(1...2).contains(ticket.severity) { return .severityOutOfScope(id: ticket.id, severity: ticket.severity) }
        return nil
    }
}
