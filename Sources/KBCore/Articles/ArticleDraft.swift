/// A KCS article drafted from a ticket, ready to be written into `kb/articles/`.
public struct ArticleDraft: Sendable, Equatable {
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
