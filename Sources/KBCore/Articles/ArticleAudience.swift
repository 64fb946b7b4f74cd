/// Who may read an article.
public enum ArticleAudience: String, Sendable, CaseIterable, Codable {
    /// Support team only.
    case `internal`
    /// May reach customers, once internal blocks and personal data are removed.
    case customer
}
