/// What customer material to build: language, filters, date and FAQ size.
public struct TrainingOptions: Sendable, Equatable {
    /// The document's language; only articles written in it are included.
    public var language: Language
    /// The workspace language, which applies to articles whose front matter gives none.
    public var workspaceLanguage: Language
    /// Only articles (and FAQ tickets) of these services; empty for all. Matched ignoring case and accents.
    public var services: [String]
    /// Only articles (and FAQ tickets) with one of these tags; empty for all. Matched ignoring case and accents.
    public var tags: [String]
    /// The generation day printed on the cover, `YYYY-MM-DD`.
    public var generatedOn: String
    /// At most this many FAQ entries; 0 leaves the FAQ out.
    public var faqLimit: Int
    /// A request must have been asked at least this often to count as frequent.
    public var faqMinimumCount: Int

    public init(language: Language, workspaceLanguage: Language = .spanish, services: [String] = [],
                tags: [String] = [], generatedOn: String, faqLimit: Int = 10, faqMinimumCount: Int = 2) {
        self.language = language
        self.workspaceLanguage = workspaceLanguage
        self.services = services
        self.tags = tags
        self.generatedOn = generatedOn
        self.faqLimit = faqLimit
        self.faqMinimumCount = faqMinimumCount
    }
}
