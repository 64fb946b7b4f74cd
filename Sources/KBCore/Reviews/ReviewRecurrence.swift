/// How often the same problem happened shortly before the incident.
public struct ReviewRecurrence: Sendable, Equatable {
    /// The look-back window, in days.
    public var windowDays: Int
    /// Incidents of the same service, at least half as similar as the ticket to itself, created within the
    /// window before this one, most recent first.
    public var incidents: [RelatedIncident]

    public init(windowDays: Int, incidents: [RelatedIncident]) {
        self.windowDays = windowDays
        self.incidents = incidents
    }

    public var count: Int { incidents.count }
}
