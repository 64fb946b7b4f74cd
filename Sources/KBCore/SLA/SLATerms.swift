import Foundation

/// The contract terms that govern one ticket's SLA: its plan, the plan's calendar (with the public holidays of
/// the customer's country applied) and the time zone.
public struct SLATerms: Sendable, Equatable {
    public var planName: String
    public var calendar: BusinessCalendar
    public var timeZone: TimeZone
    /// Fallbacks taken because the ticket or customer named something the policy does not know.
    public var warnings: [String]
    /// The customer's country (ISO 3166-1 alpha-2), from the policy or its time zone.
    public var country: String?
    /// The holiday calendar applied to `calendar`, if any.
    public var holidayCalendar: String?

    public init(planName: String, calendar: BusinessCalendar, timeZone: TimeZone, warnings: [String] = [],
                country: String? = nil, holidayCalendar: String? = nil) {
        self.planName = planName
        self.calendar = calendar
        self.timeZone = timeZone
        self.warnings = warnings
        self.country = country
        self.holidayCalendar = holidayCalendar
    }
}
