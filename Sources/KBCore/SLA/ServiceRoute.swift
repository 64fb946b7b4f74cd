/// Where tickets about a service go first: the owning team and the support level that takes them.
public struct ServiceRoute: Sendable, Equatable {
    public var team: String
    /// A level of `EscalationRules.levels`; nil means the first level.
    public var level: String?

    public init(team: String, level: String? = nil) {
        self.team = team
        self.level = level
    }
}
