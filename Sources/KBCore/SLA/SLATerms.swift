import Foundation

/// The contract terms that govern one ticket's SLA: its plan, the plan's calendar and the time zone.
public struct SLATerms: Sendable, Equatable {
    public var planName: String
    public var calendar: BusinessCalendar
    public var timeZone: TimeZone
    /// Fallbacks taken because the ticket or customer named something the policy does not know.
    public var warnings: [String]

    public init(planName: String, calendar: BusinessCalendar, timeZone: TimeZone, warnings: [String] = []) {
        self.planName = planName
        self.calendar = calendar
        self.timeZone = timeZone
        self.warnings = warnings
    }
}
