extension Ticket {
    /// The language the ticket's text is analysed in: its `language` when kb has an analyzer for it, else the one
    /// detected from its title, description and resolution; nil when neither says (the workspace's language applies).
    ///
    /// A ticket that names a language kb does not analyse (`de`) is not detected again: it is analysed in the
    /// workspace's language, as any text of an unknown language is.
    public var analysisLanguage: Language? {
        if let language { return Language(tag: language) }
        return LanguageDetector.detect([title, description, resolution ?? ""])
    }
}
