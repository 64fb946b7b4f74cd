/// What `KnowledgeBase.sla(_:)` measures: open tickets at an instant and compliance over a period, narrowed by
/// a board filter.
public struct SLARequest: Sendable {
    /// The instant clocks are measured at; nil: the knowledge base's clock.
    public var now: Timestamp?
    /// Compliance period start; nil: `defaultPeriodDays` before `until` (or `now`).
    public var since: Timestamp?
    /// Compliance period end, exclusive; nil: open-ended.
    public var until: Timestamp?
    /// Customers, severities, services, assignees and plans to keep (case and accents ignored).
    public var filter: SLABoardFilter
    /// Every open ticket, not only those breached, at risk or paused too long.
    public var all: Bool

    /// The compliance period when no start is given.
    public static let defaultPeriodDays: Int64 = 30

    public init(now: Timestamp? = nil, since: Timestamp? = nil, until: Timestamp? = nil,
                filter: SLABoardFilter = SLABoardFilter(), all: Bool = false) {
        self.now = now
        self.since = since
        self.until = until
        self.filter = filter
        self.all = all
    }
}
