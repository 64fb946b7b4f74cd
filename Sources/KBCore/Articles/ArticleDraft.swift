/// A KCS article drafted from a ticket, ready to be written into `kb/articles/`.
public struct ArticleDraft: Sendable, Equatable {
    /// An existing article that already covers the ticket's problem: a reason to link it rather than write another.
    public struct CoveringArticle: Sendable, Equatable {
        /// Why it covers the ticket.
        public enum Reason: String, Sendable {
            /// The ticket links it (its `articles` field or `kb article link`).
            case linked
            /// It states the ticket's problem and explains its cause (`ArticleCoverage`).
            case answers
        }

        public let id: String
        public let title: String
        public let state: String
        public let path: String
        public let reason: Reason
    }

    /// The new article's id (`KB-0042`).
    public var id: String
    /// The ticket it was drafted from.
    public var ticketID: String
    /// The article title (the ticket title, personal data redacted).
    public var title: String
    public var language: Language
    /// Where it goes, relative to the workspace root (`kb/articles/portal/no-carga-el-login.md`).
    public var path: String
    /// The whole file: front matter and body.
    public var text: String
    /// The data `templates/LANG/article.md.mustache` rendered `text` from (`kb article draft --template-data`).
    public var templateData: TemplateValue
    /// Existing articles that already cover the problem, the ones the ticket links first.
    public var coveredBy: [CoveringArticle] = []
    /// False when nothing was written: the draft was only composed, or an article covers the problem and the
    /// request said to write only a new one.
    public var written = false

    public init(id: String, ticketID: String, title: String, language: Language, path: String, text: String,
                templateData: TemplateValue = .null) {
        self.id = id
        self.ticketID = ticketID
        self.title = title
        self.language = language
        self.path = path
        self.text = text
        self.templateData = templateData
    }
}
