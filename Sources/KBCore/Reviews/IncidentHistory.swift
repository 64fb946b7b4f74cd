/// What the store knows around an incident: similar past incidents, other reports during it, matching
/// articles. Gathered by `IncidentHistoryFinder`; a `Review` is built from it without touching the database.
public struct IncidentHistory: Sendable, Equatable {
    /// Closed tickets created before the incident, most similar first.
    public var similar: [RelatedIncident]
    /// The analysed terms the similarity query used.
    public var searchTerms: [String]
    /// True when the query returned as many candidates as it reads: more similar incidents may exist.
    public var similarIsTruncated: Bool
    /// Other reports of the same incident: tickets of the same service opened during the impact window (or
    /// shortly before it) whose recorded cause does not differ.
    public var concurrent: [ConcurrentReport]
    /// Earlier incidents with the same cause within `IncidentHistoryFinder.recurrenceWindowDays`, most recent
    /// first; the tickets of one past incident are one entry.
    public var recurrences: [RelatedIncident]
    /// Articles linked to the ticket or covering its problem.
    public var articles: [ReviewArticleMatch]

    public init(similar: [RelatedIncident] = [], searchTerms: [String] = [], similarIsTruncated: Bool = false,
                concurrent: [ConcurrentReport] = [], recurrences: [RelatedIncident] = [],
                articles: [ReviewArticleMatch] = []) {
        self.similar = similar
        self.searchTerms = searchTerms
        self.similarIsTruncated = similarIsTruncated
        self.concurrent = concurrent
        self.recurrences = recurrences
        self.articles = articles
    }

    /// Nothing known: a review of the ticket alone.
    public static let empty = IncidentHistory()
}
