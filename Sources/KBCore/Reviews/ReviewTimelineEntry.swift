/// One event of the review's timeline (in time order), with where the ticket file lists it.
public struct ReviewTimelineEntry: Sendable, Equatable {
    /// Who acted, as the customer-facing view names them instead of people.
    public enum Role: String, Sendable, CaseIterable {
        case support, customer, monitoring
    }

    /// 0-based position in the ticket's events as imported; the document shows it 1-based as `#`.
    public var index: Int
    public var time: ReviewTime
    public var kind: EventKind
    /// The kind in the review's language.
    public var kindLabel: String
    /// The author, or nil when the event names none (and always nil for customers).
    public var author: String?
    public var role: Role
    /// `→ N2`, `→ waiting_vendor`, `→ 1`: what a status, escalation or severity change went to.
    public var detail: String?
    public var text: String
    public var visibility: Visibility
    public var attachments: [Attachment]
    /// Codes of the warnings about this event.
    public var warnings: [ReviewWarning.Code]

    public init(index: Int, time: ReviewTime, kind: EventKind, kindLabel: String, author: String?, role: Role,
                detail: String?, text: String, visibility: Visibility, attachments: [Attachment],
                warnings: [ReviewWarning.Code]) {
        self.index = index
        self.time = time
        self.kind = kind
        self.kindLabel = kindLabel
        self.author = author
        self.role = role
        self.detail = detail
        self.text = text
        self.visibility = visibility
        self.attachments = attachments
        self.warnings = warnings
    }
}
