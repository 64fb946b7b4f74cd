/// How the incident came to support's attention: monitoring or the customer.
public struct ReviewDetection: Sendable, Equatable {
    /// Who noticed first.
    public enum Source: String, Sendable, CaseIterable {
        case monitoring, customer
    }

    public var source: Source
    /// The first `detected` event, when there is one.
    public var detectedAt: ReviewTime?
    /// The ticket's creation: when support knew.
    public var reportedAt: ReviewTime
    public var channel: Channel?
    /// Seconds from the first of detection and report to the other; nil without a `detected` event.
    public var gapSeconds: Int64?
    /// Whether the service is one monitoring should watch (the policy's critical services).
    public var serviceMonitorable: Bool
    /// One or two sentences in the review's language.
    public var summary: String
    public var events: [Int]

    public init(source: Source, detectedAt: ReviewTime?, reportedAt: ReviewTime, channel: Channel?, gapSeconds: Int64?,
                serviceMonitorable: Bool, summary: String, events: [Int]) {
        self.source = source
        self.detectedAt = detectedAt
        self.reportedAt = reportedAt
        self.channel = channel
        self.gapSeconds = gapSeconds
        self.serviceMonitorable = serviceMonitorable
        self.summary = summary
        self.events = events
    }
}
