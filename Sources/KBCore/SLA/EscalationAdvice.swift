/// One of the manual's escalation rules that applies to a ticket now, with where to escalate and why.
///
/// The why is structured (`detail`): the figures and names the rule used, so each reader gets it in its language
/// (`text(language:)`); `reason` is the English sentence the CLI and logs print.
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

    /// How much of an SLA clock's target is used.
    public struct ClockUse: Sendable, Equatable {
        /// Whole percent of the target consumed.
        public var percent: Int
        public var targetSeconds: Int64
        /// The calendar's business day, to write the target in business days.
        public var businessDaySeconds: Int64?
        /// When the clock falls (fell) due, in the customer's clock (`2026-09-17 08:30 -06:00 (America/Mexico_City)`).
        public var dueText: String
        /// The ticket's level when the advice was given (`N1`).
        public var level: String

        public init(percent: Int, targetSeconds: Int64, businessDaySeconds: Int64?, dueText: String, level: String) {
            self.percent = percent
            self.targetSeconds = targetSeconds
            self.businessDaySeconds = businessDaySeconds
            self.dueText = dueText
            self.level = level
        }
    }

    /// What the rule found.
    public enum Detail: Sendable, Equatable {
        /// An SLA rule: the clock's use.
        case clock(ClockUse)
        /// A critical service at a critical severity.
        case criticalService(service: String, severity: Int)
        /// A vendor's keyword in the ticket: the vendor's name, the text as written and the keyword.
        case vendor(name: String, matchedText: String, keyword: String)
    }

    public var rule: Rule
    /// Where to escalate: a level (`N2`) or `vendor:NAME`; nil when there is nowhere higher or the rule only warns.
    public var target: String?
    /// The clock behind an SLA rule.
    public var clock: SLAClock.Kind?
    public var detail: Detail

    public init(rule: Rule, target: String?, clock: SLAClock.Kind? = nil, detail: Detail) {
        self.rule = rule
        self.target = target
        self.clock = clock
        self.detail = detail
    }

    /// Why, in English, for agents at the terminal and logs.
    public var reason: String { text(language: .english) }

    /// Why, in `language`: `sla exceeded: first response at 100% of its 2h 00m target (due …); escalate from N1 to N2`.
    public func text(language: Language) -> String {
        let words = language.catalogue
        switch detail {
        case let .clock(use):
            let clockName = words("reason.escalation.clock.\((clock ?? .resolution).rawValue)")
            let target = language == .english
                ? BusinessDuration.text(use.targetSeconds, businessDay: use.businessDaySeconds)
                : BusinessDuration.documentText(use.targetSeconds, businessDay: use.businessDaySeconds, language: language)
            let used = words("reason.escalation.used", ["clock": clockName, "percent": String(use.percent), "target": target,
                                                        "due": use.dueText])
            if rule == .slaAtRisk { return words("reason.escalation.at_risk", ["used": used]) }
            if let target = self.target {
                return words("reason.escalation.exceeded", ["used": used, "from": use.level, "to": target])
            }
            return words("reason.escalation.exceeded_last", ["used": used, "from": use.level])
        case let .criticalService(service, severity):
            return words("reason.escalation.critical", ["service": service, "severity": String(severity), "to": target ?? ""])
        case let .vendor(name, matchedText, keyword):
            return words("reason.escalation.vendor", ["vendor": name, "matched": matchedText, "keyword": keyword])
        }
    }
}
