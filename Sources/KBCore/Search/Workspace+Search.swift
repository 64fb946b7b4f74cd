import Foundation

extension Workspace {
    /// The query builder for this workspace: the store's analyzer and `kb/synonyms.txt` (read at query
    /// time, so editing synonyms needs no reindex).
    public func queryBuilder(for store: Store) throws -> QueryBuilder {
        let language = store.tokenizer.language
        let synonyms = try loadSynonyms(language: language)
        return QueryBuilder(termSource: store.tokenizer.source(for: nil)) { term in
            synonyms.alternatives(for: term).compactMap { synonyms.spelling(of: $0) }
        }
    }

    /// The workspace's synonyms analysed for `language`; none when the file is absent.
    public func loadSynonyms(language: Language) throws -> Synonyms {
        guard FileManager.default.fileExists(atPath: synonymsFile.path) else { return .empty }
        try checkConfined(synonymsFile, kind: "synonyms")
        return try Synonyms(contentsOfFile: synonymsFile.path, displayPath: "kb/synonyms.txt", analyzer: Analyzer(language: language))
    }
}
