/// What `KnowledgeBase.automations(_:)` mines: closed severity 1-2 incidents (and severity-5 requests) of a period.
public struct AutomationsRequest: Sendable {
    /// Only tickets created on or after this instant; nil: from the first.
    public var since: Timestamp?
    /// Only tickets created before this instant; nil: to the last.
    public var until: Timestamp?
    /// Evidence tickets a proposal needs (at least 2).
    public var minimumOccurrences: Int
    /// The report's language; nil: the policy's.
    public var language: Language?

    /// The evidence a proposal needs when the request names none.
    public static let defaultMinimumOccurrences = 3

    public init(since: Timestamp? = nil, until: Timestamp? = nil,
                minimumOccurrences: Int = AutomationsRequest.defaultMinimumOccurrences, language: Language? = nil) {
        self.since = since
        self.until = until
        self.minimumOccurrences = minimumOccurrences
        self.language = language
    }
}
