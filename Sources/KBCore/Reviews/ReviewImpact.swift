/// Who and what an incident affected, and for how long.
public struct ReviewImpact: Sendable, Equatable {
    /// From detection (or creation) to mitigation (or resolution); nil ends when neither is known.
    public var start: ReviewTime
    public var end: ReviewTime?
    public var durationSeconds: Int64?
    /// The ticket's customer first, then the customers of concurrent reports, sorted.
    public var customers: [String]
    /// Services affected: the ticket's and its concurrent reports'.
    public var services: [String]
    /// Channels the incident was reported through (ticketera, telefono, monitoreo…).
    public var channels: [String]
    /// Other tickets opened in the window for the same service.
    public var concurrentReports: [ConcurrentReport]
    /// Window minutes times affected customers; nil without a window end.
    public var customerImpactMinutes: Int64?

    public init(start: ReviewTime, end: ReviewTime?, durationSeconds: Int64?, customers: [String], services: [String],
                channels: [String], concurrentReports: [ConcurrentReport], customerImpactMinutes: Int64?) {
        self.start = start
        self.end = end
        self.durationSeconds = durationSeconds
        self.customers = customers
        self.services = services
        self.channels = channels
        self.concurrentReports = concurrentReports
        self.customerImpactMinutes = customerImpactMinutes
    }
}
