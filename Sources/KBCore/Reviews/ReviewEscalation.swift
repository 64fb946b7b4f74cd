/// Response and escalation: levels and vendors reached, waits, and the manual's rules that applied.
public struct ReviewEscalation: Sendable, Equatable {
    public var steps: [ReviewEscalationStep]
    /// Levels reached, in order (the first level when the ticket never went up).
    public var levels: [String]
    /// Vendors escalated to (`vendor:NAME`), in order.
    public var vendors: [String]
    public var rules: [ReviewRuleCheck]

    public init(steps: [ReviewEscalationStep], levels: [String], vendors: [String], rules: [ReviewRuleCheck]) {
        self.steps = steps
        self.levels = levels
        self.vendors = vendors
        self.rules = rules
    }
}
