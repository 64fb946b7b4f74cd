extension Article {
    /// The language the article is analysed in: its front matter's `language`, else the one detected from its title
    /// and body; nil when neither says (the workspace's language applies).
    public var analysisLanguage: Language? {
        language ?? LanguageDetector.detect([title, body])
    }
}
