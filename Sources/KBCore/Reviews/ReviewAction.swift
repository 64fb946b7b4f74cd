/// An action item pre-filled from the incident's data, for the lead to confirm and assign.
public struct ReviewAction: Sendable, Equatable {
    /// What the action is about.
    public enum Kind: String, Sendable, CaseIterable {
        /// Customer-detected outage of a monitorable service: add monitoring.
        case monitoring
        /// No article covers the problem: write one.
        case article
        /// An article covers it but is not linked: link it.
        case linkArticle = "link_article"
        /// A long wait on a vendor: follow it up with them.
        case vendorFollowUp = "vendor_follow_up"
        /// The cause was the customer's own use: train them.
        case customerTraining = "customer_training"
        /// Closed on a workaround: implement the definitive fix.
        case permanentFix = "permanent_fix"
        /// A breached SLA target: analyse why.
        case slaReview = "sla_review"
        /// An escalation rule not followed or followed late.
        case escalationRule = "escalation_rule"
        /// The same problem happened before: open a problem record.
        case recurringProblem = "recurring_problem"
    }

    public var kind: Kind
    public var title: String
    /// Why it is proposed, from the data.
    public var reason: String
    /// Event indices and related ticket ids behind it.
    public var events: [Int]
    public var tickets: [String]
    /// Whether the customer-facing summary shows it (training, definitive fix).
    public var isCustomerFacing: Bool
    /// Who carries it out, when the ticket says (the agent who owns the ticket's own follow-ups); nil when no one
    /// is named: the document says so rather than leave a blank to fill.
    public var owner: String?

    public init(kind: Kind, title: String, reason: String, events: [Int] = [], tickets: [String] = [],
                isCustomerFacing: Bool = false, owner: String? = nil) {
        self.kind = kind
        self.title = title
        self.reason = reason
        self.events = events
        self.tickets = tickets
        self.isCustomerFacing = isCustomerFacing
        self.owner = owner
    }
}
