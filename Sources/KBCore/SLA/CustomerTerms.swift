/// What the policy knows about one customer: its contracted plan, time zone and country.
public struct CustomerTerms: Sendable, Equatable {
    /// A plan name of `Policy.plans`; nil means the policy's default plan.
    public var plan: String?
    /// IANA time zone; nil means the policy's default time zone.
    public var timezone: String?
    /// ISO 3166-1 alpha-2 country code; nil means the country of its time zone.
    public var country: String?
    /// A holiday calendar used instead of its country's (a region such as `ES-MD`); nil means its country's.
    public var holidayCalendar: String?

    public init(plan: String? = nil, timezone: String? = nil, country: String? = nil, holidayCalendar: String? = nil) {
        self.plan = plan
        self.timezone = timezone
        self.country = country
        self.holidayCalendar = holidayCalendar
    }
}
