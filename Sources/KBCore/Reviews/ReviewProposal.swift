/// An automation proposal shown in a review's "automation proposals" section.
///
/// Reviews do not mine proposals themselves: the automation miner produces them from closed incidents and
/// the caller passes the ones whose evidence includes the reviewed ticket.
public struct ReviewProposal: Sendable, Equatable {
    /// What kind of automation it is (DESIGN.md "Automation proposals").
    public enum Kind: String, Sendable, CaseIterable {
        /// The same manual action repeated across incidents.
        case repeatedAction = "repeated_action"
        /// A cause that keeps coming back.
        case recurringCause = "recurring_cause"
        /// Customers reporting outages that monitoring could have caught.
        case detectionGap = "detection_gap"
        /// Slow or repeated escalation to the same vendor or level.
        case slowEscalation = "slow_escalation"
        /// The same evidence gathered by hand again and again.
        case repeatedEvidence = "repeated_evidence"
        /// SLA breaches clustered in time (e.g. outside business hours).
        case clusteredBreaches = "clustered_breaches"
    }

    public var kind: Kind
    /// What to automate, in the review's language.
    public var title: String
    /// Ids of the tickets the proposal is based on.
    public var evidenceTicketIDs: [String]
    /// Estimated hours of manual work saved per month.
    public var hoursSavedPerMonth: Double

    public init(kind: Kind, title: String, evidenceTicketIDs: [String], hoursSavedPerMonth: Double) {
        self.kind = kind
        self.title = title
        self.evidenceTicketIDs = evidenceTicketIDs
        self.hoursSavedPerMonth = hoursSavedPerMonth
    }
}
