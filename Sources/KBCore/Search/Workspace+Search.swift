import Foundation

extension Workspace {
    /// The query builder for this workspace: the store's analyzer and `kb/synonyms.txt` (read at query
    /// time, so editing synonyms needs no reindex).
    ///
    /// Queries are also analysed in the other languages the store's tickets are written in (`Store.ticketLanguages`).
    public func queryBuilder(for store: Store) throws -> QueryBuilder {
        let language = store.tokenizer.language
        let synonyms = try loadSynonyms(language: language)
        var others: [Language: TermSource] = [:]
        for other in try store.ticketLanguages() where other != language {
            others[other] = store.tokenizer.source(for: other)
        }
        return QueryBuilder(termSource: store.tokenizer.source(for: nil), synonyms: { term in
            synonyms.alternatives(for: term).compactMap { synonyms.spelling(of: $0) }
        }, otherLanguages: others)
    }

    /// The synonyms' entries of several words, as the file spells them (what the ticket index lists as phrases of their
    /// own, `Store.indexPhrases(_:)`), in file order; none when the file is absent.
    public func synonymPhrases(language: Language) throws -> [String] {
        let synonyms = try loadSynonyms(language: language)
        return synonyms.groups.joined().filter { $0.count >= 2 }.compactMap { synonyms.spelling(of: $0) }
    }

    /// The workspace's synonyms analysed for `language`; none when the file is absent.
    public func loadSynonyms(language: Language) throws -> Synonyms {
        guard FileManager.default.fileExists(atPath: synonymsFile.path) else { return .empty }
        try checkConfined(synonymsFile, kind: "synonyms")
        return try Synonyms(contentsOfFile: synonymsFile.path, displayPath: "kb/synonyms.txt", analyzer: Analyzer(language: language))
    }
}
