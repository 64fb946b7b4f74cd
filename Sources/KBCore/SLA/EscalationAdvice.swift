/// One of the manual's escalation rules that applies to a ticket now, with where to escalate and why.
public struct EscalationAdvice: Sendable, Equatable {
    /// The rule that fired.
    public enum Rule: String, Sendable, CaseIterable {
        /// "Se supera el SLA establecido": a clock reached the exceeded threshold.
        case slaExceeded = "sla_exceeded"
        /// A clock passed the warning threshold: not yet an escalation, a heads-up.
        case slaAtRisk = "sla_at_risk"
        /// "El incidente afecta servicios críticos".
        case criticalService = "critical_service"
        /// "Se requiere intervención de un proveedor externo".
        case vendorNeeded = "vendor_needed"
    }

    public var rule: Rule
    /// Where to escalate: a level (`N2`) or `vendor:NAME`; nil when there is nowhere higher or the rule only warns.
    public var target: String?
    /// The clock behind an SLA rule.
    public var clock: SLAClock.Kind?
    /// Why, in English, for agents and logs.
    public var reason: String

    public init(rule: Rule, target: String?, clock: SLAClock.Kind? = nil, reason: String) {
        self.rule = rule
        self.target = target
        self.clock = clock
        self.reason = reason
    }
}
