/// One escalation of the incident: to a support level or to a vendor.
public struct ReviewEscalationStep: Sendable, Equatable {
    /// `N2` or `vendor:NAME`.
    public var target: String
    public var isVendor: Bool
    public var time: ReviewTime
    /// Wall-clock seconds since the ticket's creation.
    public var sinceCreationSeconds: Int64
    public var author: String?
    /// The event's text: why it was escalated (empty when not recorded).
    public var reason: String
    public var event: Int
    /// For vendors: wall-clock seconds spent waiting on this vendor.
    public var waitSeconds: Int64?

    public init(target: String, isVendor: Bool, time: ReviewTime, sinceCreationSeconds: Int64, author: String?,
                reason: String, event: Int, waitSeconds: Int64?) {
        self.target = target
        self.isVendor = isVendor
        self.time = time
        self.sinceCreationSeconds = sinceCreationSeconds
        self.author = author
        self.reason = reason
        self.event = event
        self.waitSeconds = waitSeconds
    }
}
