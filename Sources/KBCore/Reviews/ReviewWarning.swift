/// A problem found in a ticket's timeline: shown in the review, never silently computed around.
public struct ReviewWarning: Sendable, Equatable {
    /// What kind of problem.
    public enum Code: String, Sendable, CaseIterable {
        /// An event listed after one it happened before.
        case outOfOrder = "out_of_order"
        /// A time after the moment the review was written.
        case futureTimestamp = "future_timestamp"
        /// A time before the ticket was created.
        case beforeCreation = "before_creation"
        case resolutionBeforeFirstResponse = "resolution_before_first_response"
        case missingFirstResponse = "missing_first_response"
        case missingResolution = "missing_resolution"
        case missingClosingTime = "missing_closing_time"
        case closedBeforeResolution = "closed_before_resolution"
        case mitigationAfterResolution = "mitigation_after_resolution"
        case resolvedAtMismatch = "resolved_at_mismatch"
        case escalationWithoutReason = "escalation_without_reason"
        case unknownEscalationTarget = "unknown_escalation_target"
        case vendorWaitWithoutEscalation = "vendor_wait_without_escalation"
        case noTimeline = "no_timeline"
        /// The ticket names a plan or time zone the policy does not know.
        case policyFallback = "policy_fallback"
        /// Reviewed with `--force` although not closed or not severity 1–2.
        case forcedReview = "forced_review"
    }

    public var code: Code
    /// What is wrong and what the review did about it, in the review's language.
    public var message: String
    /// Indices (0-based, file order) of the events concerned.
    public var events: [Int]

    public init(code: Code, message: String, events: [Int] = []) {
        self.code = code
        self.message = message
        self.events = events
    }
}
