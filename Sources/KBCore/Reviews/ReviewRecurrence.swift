/// How often the same problem happened shortly before the incident.
public struct ReviewRecurrence: Sendable, Equatable {
    /// The look-back window, in days.
    public var windowDays: Int
    /// Earlier incidents of the same service with the same cause (root cause words, vendor or linked article),
    /// opened within the window before this one, most recent first; one entry per incident, however many
    /// customers reported it.
    public var incidents: [RelatedIncident]

    public init(windowDays: Int, incidents: [RelatedIncident]) {
        self.windowDays = windowDays
        self.incidents = incidents
    }

    /// How many times the problem happened in the window.
    public var count: Int { incidents.count }
}
