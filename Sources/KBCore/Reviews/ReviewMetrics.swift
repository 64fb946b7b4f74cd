/// The SLA metrics of an incident.
public struct ReviewMetrics: Sendable, Equatable {
    public var firstResponse: ReviewMetric
    /// One per level and vendor escalated to, in time order.
    public var escalations: [ReviewMetric]
    public var mitigation: ReviewMetric
    public var resolution: ReviewMetric
    /// Total of `customerWaitIntervals`.
    public var customerWait: ReviewMetric
    public var customerWaitIntervals: [ReviewWaitInterval]
    /// Total of `vendorWaitIntervals`: their seconds add up exactly to its seconds.
    public var vendorWait: ReviewMetric
    public var vendorWaitIntervals: [ReviewWaitInterval]
    public var impactWindow: ReviewMetric

    public init(firstResponse: ReviewMetric, escalations: [ReviewMetric], mitigation: ReviewMetric,
                resolution: ReviewMetric, customerWait: ReviewMetric, customerWaitIntervals: [ReviewWaitInterval],
                vendorWait: ReviewMetric, vendorWaitIntervals: [ReviewWaitInterval], impactWindow: ReviewMetric) {
        self.firstResponse = firstResponse
        self.escalations = escalations
        self.mitigation = mitigation
        self.resolution = resolution
        self.customerWait = customerWait
        self.customerWaitIntervals = customerWaitIntervals
        self.vendorWait = vendorWait
        self.vendorWaitIntervals = vendorWaitIntervals
        self.impactWindow = impactWindow
    }

    /// Every metric in document order.
    public var all: [ReviewMetric] {
        [firstResponse] + escalations + [mitigation, resolution, customerWait, vendorWait, impactWindow]
    }
}
