/// What the store knows around an incident: similar past incidents, other reports during it, matching
/// articles. Gathered by `IncidentHistoryFinder`; a `Review` is built from it without touching the database.
public struct IncidentHistory: Sendable, Equatable {
    /// Closed tickets created before the incident, most similar first.
    public var similar: [RelatedIncident]
    /// The analysed terms the similarity query used.
    public var searchTerms: [String]
    /// True when the query returned as many candidates as it reads: more similar incidents may exist.
    public var similarIsTruncated: Bool
    /// Other tickets of the same service opened during the impact window.
    public var concurrent: [ConcurrentReport]
    /// Articles linked to the ticket or covering its problem.
    public var articles: [ReviewArticleMatch]

    public init(similar: [RelatedIncident] = [], searchTerms: [String] = [], similarIsTruncated: Bool = false,
                concurrent: [ConcurrentReport] = [], articles: [ReviewArticleMatch] = []) {
        self.similar = similar
        self.searchTerms = searchTerms
        self.similarIsTruncated = similarIsTruncated
        self.concurrent = concurrent
        self.articles = articles
    }

    /// Nothing known: a review of the ticket alone.
    public static let empty = IncidentHistory()
}
