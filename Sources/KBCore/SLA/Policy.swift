import Foundation

/// The team's SLA policy (`kb/policy.json`): calendars, plans, customers, targets, pausing statuses,
/// escalation rules, severity keywords, routing and the Zendesk import maps.
///
/// Every field has a default (`Policy.default`); a policy file may give only some fields and the rest
/// keep their defaults. `docs/policy.md` describes the file format.
public struct Policy: Sendable, Equatable {
    /// Language of generated documents (JSON `language`, default `es`).
    public var language: Language
    /// IANA time zone for customers the policy does not list (JSON `default_timezone`).
    public var defaultTimeZone: String
    /// Plan for tickets and customers that name none (JSON `default_plan`).
    public var defaultPlan: String
    /// Business calendars by name (JSON `calendars`).
    public var calendars: [String: BusinessCalendar]
    /// The policy's holiday calendars (JSON `holiday_calendars`): dates added to the built-in national calendars
    /// (`HolidayCalendar.builtIn`) of the same name, and regional or team calendars of their own.
    public var holidayCalendars: [String: HolidayCalendar] {
        didSet { resolvedHolidayDays = Policy.resolveHolidayDays(holidayCalendars) }
    }
    /// Plan name → calendar name (JSON `plans`).
    public var plans: [String: String]
    /// Customer name → plan and time zone (JSON `customers`).
    public var customers: [String: CustomerTerms]
    /// Targets per severity 1–5 (JSON `targets`, keyed `"1"` … `"5"`).
    public var targets: [Int: SeverityTargets]
    /// Business seconds a ticket of a severity may stay paused before `kb sla` flags it (JSON `pause_limits`).
    public var pauseLimits: [Int: Int64]
    /// Statuses that stop the SLA clocks (JSON `pausing_statuses`, default `waiting_customer`).
    public var pausingStatuses: [TicketStatus]
    /// Statuses counted as waiting on a vendor; the clocks keep running (JSON `vendor_statuses`, default `waiting_vendor`).
    public var vendorStatuses: [TicketStatus]
    /// The manual's escalation rules (JSON `escalation`).
    public var escalation: EscalationRules
    /// Keywords per severity 1–5 (JSON `severity_keywords`).
    public var severityKeywords: [Int: SeverityKeywords]
    /// Words that say something is failing (JSON `failure_words`); see `SeverityClassifier`.
    public var failureWords: [String]
    /// Service → owning team and first level (JSON `routing`).
    public var routing: [String: ServiceRoute]
    /// Zendesk priority and status maps for the importer (JSON `zendesk`).
    public var zendesk: ZendeskMapping
    /// Every holiday calendar's days off, kept in step with `holidayCalendars`.
    private(set) var resolvedHolidayDays: [String: [Int64]]

    public init(
        language: Language, defaultTimeZone: String, defaultPlan: String, calendars: [String: BusinessCalendar],
        plans: [String: String], customers: [String: CustomerTerms], targets: [Int: SeverityTargets],
        pausingStatuses: [TicketStatus], vendorStatuses: [TicketStatus], escalation: EscalationRules,
        severityKeywords: [Int: SeverityKeywords], failureWords: [String], routing: [String: ServiceRoute],
        zendesk: ZendeskMapping, holidayCalendars: [String: HolidayCalendar] = [:], pauseLimits: [Int: Int64] = [:]
    ) {
        self.language = language
        self.defaultTimeZone = defaultTimeZone
        self.defaultPlan = defaultPlan
        self.calendars = calendars
        self.plans = plans
        self.customers = customers
        self.targets = targets
        self.pausingStatuses = pausingStatuses
        self.vendorStatuses = vendorStatuses
        self.escalation = escalation
        self.severityKeywords = severityKeywords
        self.failureWords = failureWords
        self.routing = routing
        self.zendesk = zendesk
        self.holidayCalendars = holidayCalendars
        self.pauseLimits = pauseLimits
        resolvedHolidayDays = Policy.resolveHolidayDays(holidayCalendars)
    }
}
