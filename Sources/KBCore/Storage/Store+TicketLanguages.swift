extension Store {
    /// The languages the stored tickets are analysed in, in code order; tickets stored before kb kept a language
    /// count as the workspace's. One index lookup per language kb analyses, whatever the store's size.
    public func ticketLanguages() throws -> [Language] {
        var languages: Set<Language> = []
        let unknown = try connection.cached("SELECT EXISTS(SELECT 1 FROM tickets WHERE language IS NULL)").first { $0.int(0) }
        if unknown == 1 {
            languages.insert(tokenizer.language)
        }
        for language in Language.allCases where !languages.contains(language) {
            if try connection.cached("SELECT EXISTS(SELECT 1 FROM tickets WHERE language = ?)").first([language.rawValue], { $0.int(0) }) == 1 {
                languages.insert(language)
            }
        }
        return languages.sorted { $0.rawValue < $1.rawValue }
    }
}
