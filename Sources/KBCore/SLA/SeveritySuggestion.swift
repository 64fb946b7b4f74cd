/// A suggested severity for a new ticket, with the evidence behind it.
public struct SeveritySuggestion: Sendable, Equatable {
    /// Which part of `SeverityClassifier`'s rule decided.
    public enum Rule: String, Sendable, CaseIterable {
        /// The most severe level with evidence.
        case mostSevere = "most_severe"
        /// A request phrase and no failure anywhere: a request stays a request (severity 5).
        case requestWithoutFailure = "request_without_failure"
        /// Failure words but no phrase naming what fails: the manual's "con errores" (severity 3).
        case failureWithoutTopic = "failure_without_topic"
    }

    public var severity: Int
    public var rule: Rule
    /// Evidence for `severity`, in text order.
    public var reasons: [SeverityEvidence]
    /// Evidence for other severities, most severe first, for the agent to weigh.
    public var otherEvidence: [SeverityEvidence]

    public init(severity: Int, rule: Rule, reasons: [SeverityEvidence], otherEvidence: [SeverityEvidence]) {
        self.severity = severity
        self.rule = rule
        self.reasons = reasons
        self.otherEvidence = otherEvidence
    }
}
