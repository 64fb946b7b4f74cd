/// What the policy knows about one customer: its contracted plan and time zone.
public struct CustomerTerms: Sendable, Equatable {
    /// A plan name of `Policy.plans`; nil means the policy's default plan.
    public var plan: String?
    /// IANA time zone; nil means the policy's default time zone.
    public var timezone: String?

    public init(plan: String? = nil, timezone: String? = nil) {
        self.plan = plan
        self.timezone = timezone
    }
}
