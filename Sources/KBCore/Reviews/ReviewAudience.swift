/// Who a post-incident review is written for.
public enum ReviewAudience: String, Sendable, CaseIterable {
    /// The support team: every event, internal notes, agent names, related incidents.
    case `internal`
    /// The customer: public events only, no agent names, no other customers' data, personal data redacted.
    case customer
}
