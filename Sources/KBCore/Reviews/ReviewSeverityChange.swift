/// A change of the ticket's severity during the incident.
public struct ReviewSeverityChange: Sendable, Equatable {
    /// The severity before the change; nil when no earlier one is known.
    public var from: Int?
    public var to: Int
    public var time: ReviewTime
    public var event: Int

    public init(from: Int?, to: Int, time: ReviewTime, event: Int) {
        self.from = from
        self.to = to
        self.time = time
        self.event = event
    }
}
