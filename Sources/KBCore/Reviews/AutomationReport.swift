/// Automation proposals mined over a period, with what was examined and the rules behind the figures.
public struct AutomationReport: Sendable, Equatable {
    /// Sorted by hours saved per month (most first), then kind, then title.
    public var proposals: [AutomationProposal]
    /// Language of titles, rationales and rules.
    public var language: Language
    /// Start of the period asked for (creation at or after it); nil when open.
    public var since: Timestamp?
    /// End of the period asked for (creation before it); nil when open.
    public var until: Timestamp?
    /// The span occurrences per month are counted over: `since` (else the first ticket read) to `until`
    /// (else the analysis time, and never past it).
    public var spanStart: Timestamp
    /// End of the span occurrences per month are counted over.
    public var spanEnd: Timestamp
    /// Length of the span in months of 30.4375 days, at least 1.
    public var months: Double
    /// Closed severity 1–2 incidents read.
    public var incidentsExamined: Int
    /// Closed severity-5 requests read.
    public var requestsExamined: Int
    /// Fewest evidence tickets a proposal needed.
    public var minimumOccurrences: Int
    /// How manual minutes are computed, in the report's language.
    public var minutesRule: String
    /// How hours saved per month are computed.
    public var savingsRule: String
    /// How confidence is computed.
    public var confidenceRule: String

    /// A report; ``AutomationMiner`` builds them.
    public init(
        proposals: [AutomationProposal], language: Language, since: Timestamp?, until: Timestamp?,
        spanStart: Timestamp, spanEnd: Timestamp, months: Double, incidentsExamined: Int, requestsExamined: Int,
        minimumOccurrences: Int, minutesRule: String, savingsRule: String, confidenceRule: String
    ) {
        self.proposals = proposals
        self.language = language
        self.since = since
        self.until = until
        self.spanStart = spanStart
        self.spanEnd = spanEnd
        self.months = months
        self.incidentsExamined = incidentsExamined
        self.requestsExamined = requestsExamined
        self.minimumOccurrences = minimumOccurrences
        self.minutesRule = minutesRule
        self.savingsRule = savingsRule
        self.confidenceRule = confidenceRule
    }

    /// The proposals whose evidence includes a ticket, in report order: the automation section of that ticket's review.
    public func proposals(involving ticketID: String) -> [AutomationProposal] {
        proposals.filter { $0.evidence.contains(ticketID) }
    }
}
