/// How often the same problem happened shortly before the incident.
public struct ReviewRecurrence: Sendable, Equatable {
    /// The look-back window, in days.
    public var windowDays: Int
    /// Incidents of the same service, at least half as similar as the ticket to itself, created within the
    /// window before this one, most recent first.
    public var incidents: [RelatedIncident]

    /// True when the search for similar incidents was cut off: `count` is a lower bound.
    public var isLowerBound: Bool

    public init(windowDays: Int, incidents: [RelatedIncident], isLowerBound: Bool = false) {
        self.windowDays = windowDays
        self.incidents = incidents
        self.isLowerBound = isLowerBound
    }

    /// How many times the problem happened in the window.
    public var count: Int { incidents.count }
}
