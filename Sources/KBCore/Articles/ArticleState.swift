/// KCS life cycle of an article.
public enum ArticleState: String, Sendable, CaseIterable, Codable {
    /// Work in progress: being written, may hold placeholders.
    case wip
    /// Published with the team's current understanding, not yet confirmed by reuse.
    case notValidated = "not_validated"
    /// Confirmed; the only state that reaches customer material.
    case validated
    /// Kept for history, no longer maintained.
    case archived
}
