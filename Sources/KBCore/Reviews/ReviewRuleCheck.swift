/// One of the manual's escalation rules that applied to the incident, and whether the team followed it.
public struct ReviewRuleCheck: Sendable, Equatable {
    public var rule: EscalationAdvice.Rule
    /// Where the rule said to escalate (`N2`, `vendor:NAME`); nil when there was nowhere higher.
    public var target: String?
    /// When the rule started to apply (creation, or the moment an SLA target fell due).
    public var appliedAt: ReviewTime?
    /// Whether an escalation the rule asks for was recorded.
    public var followed: Bool
    public var followedAt: ReviewTime?
    /// Seconds from `appliedAt` to `followedAt`.
    public var delaySeconds: Int64?
    /// Why the rule applied, in the review's language.
    public var reason: String
    /// What the team did, in the review's language.
    public var outcome: String
    public var events: [Int]

    public init(rule: EscalationAdvice.Rule, target: String?, appliedAt: ReviewTime?, followed: Bool,
                followedAt: ReviewTime?, delaySeconds: Int64?, reason: String, outcome: String, events: [Int]) {
        self.rule = rule
        self.target = target
        self.appliedAt = appliedAt
        self.followed = followed
        self.followedAt = followedAt
        self.delaySeconds = delaySeconds
        self.reason = reason
        self.outcome = outcome
        self.events = events
    }
}
