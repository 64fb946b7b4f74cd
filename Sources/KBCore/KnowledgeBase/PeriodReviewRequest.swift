/// What `KnowledgeBase.reviewPeriod(_:)` writes: the review of every closed severity 1-2 ticket created in a
/// period, with the period's summary and an index.
public struct PeriodReviewRequest: Sendable {
    public var since: Timestamp
    /// The period's end, exclusive; nil: the knowledge base's clock.
    public var until: Timestamp?
    /// The documents' language; nil: the policy's.
    public var language: Language?
    /// `md` or `html`: a period is a folder of documents.
    public var format: ReviewFormat

    public init(since: Timestamp, until: Timestamp? = nil, language: Language? = nil, format: ReviewFormat = .md) {
        self.since = since
        self.until = until
        self.language = language
        self.format = format
    }
}
