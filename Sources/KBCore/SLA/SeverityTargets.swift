/// The SLA targets of one severity, in business seconds of the ticket's plan calendar.
///
/// Under a `12x5` plan, `24h` of resolution time is two business days; under `24x7` it is one calendar day.
public struct SeverityTargets: Sendable, Equatable {
    /// Ticket creation to the first public comment by support (JSON `first_response`).
    public var firstResponseSeconds: Int64
    /// Longest time between public updates while the ticket is open (JSON `update`).
    public var updateSeconds: Int64
    /// Ticket creation to resolution (JSON `resolution`).
    public var resolutionSeconds: Int64

    public init(firstResponseSeconds: Int64, updateSeconds: Int64, resolutionSeconds: Int64) {
        self.firstResponseSeconds = firstResponseSeconds
        self.updateSeconds = updateSeconds
        self.resolutionSeconds = resolutionSeconds
    }
}
