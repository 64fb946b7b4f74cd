/// The order search results come in.
public enum SearchOrder: String, Sendable, CaseIterable {
    /// Best match first: BM25 with a proximity score (the default).
    case relevance
    /// Newest first, every match listed rather than ranked: tickets by `created_at` (ties: the one stored later
    /// first), articles by the day they were last updated; on the same instant a ticket comes before an article.
    case recent

    /// How words combine when no mode is asked for: any word for `relevance`, where tickets holding more of the
    /// words rank higher; every word for `recent`, which does not rank, so that a ticket mentioning only one common
    /// word ("problema") does not lead the list because it is new (as date-sorted searches in Zendesk, GitHub and
    /// Jira require every word).
    public var defaultMode: QueryMode {
        switch self {
        case .relevance: .any
        case .recent: .all
        }
    }
}
