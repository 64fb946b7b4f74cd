/// Language an article is written in (the workspace default applies when absent).
public enum ArticleLanguage: String, Sendable, CaseIterable, Codable {
    case es, en
}
