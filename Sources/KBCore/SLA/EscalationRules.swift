/// The manual's three escalation rules: SLA exceeded, critical service affected, vendor needed.
public struct EscalationRules: Sendable, Equatable {
    /// Support levels from first to last (JSON `levels`); "escalate" means going to the next one.
    public var levels: [String]
    /// Percent of a target at which a clock is reported at risk (JSON `sla_warning_percent`).
    public var warningPercent: Int
    /// Percent of a target at which the SLA counts as exceeded and the ticket goes up a level (JSON `sla_exceeded_percent`).
    public var exceededPercent: Int
    /// Services whose failure is critical (JSON `critical_services`).
    public var criticalServices: [String]
    /// Severities that escalate at once when a critical service is affected (JSON `critical_severities`).
    public var criticalSeverities: [Int]
    /// The level such tickets go to at once (JSON `critical_level`).
    public var criticalLevel: String
    /// Vendors and what tells that a ticket needs them (JSON `vendors`, keyed by name), sorted by name.
    public var vendors: [VendorRule]

    public init(
        levels: [String], warningPercent: Int, exceededPercent: Int, criticalServices: [String],
        criticalSeverities: [Int], criticalLevel: String, vendors: [VendorRule]
    ) {
        self.levels = levels
        self.warningPercent = warningPercent
        self.exceededPercent = exceededPercent
        self.criticalServices = criticalServices
        self.criticalSeverities = criticalSeverities
        self.criticalLevel = criticalLevel
        self.vendors = vendors.sorted { $0.name < $1.name }
    }

    /// The position of a level in `levels`, compared case-insensitively.
    public func index(ofLevel level: String) -> Int? {
        let wanted = level.lowercased()
        return levels.firstIndex { $0.lowercased() == wanted }
    }
}
