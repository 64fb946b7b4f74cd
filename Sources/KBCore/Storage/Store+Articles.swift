import Foundation

extension Store {
    /// Mirrors the article files on disk into the index, like git's index: a file whose size and
    /// modification time match the indexed ones is not even read; otherwise its content hash decides,
    /// and only a changed file is parsed and reindexed. Removed files are dropped; a file that does not
    /// parse is reported and keeps its previously indexed version. One transaction: all or nothing.
    public func indexArticles(_ entries: [ArticleEntry], defaultLanguage: Language) throws -> IndexReport {
        try indexArticles(entries.map { entry in
            ArticleSource(path: entry.path, size: entry.size, modified: entry.modifiedNanoseconds) { () throws(ArticleError) in
                try entry.read()
            }
        }, defaultLanguage: defaultLanguage)
    }

    /// Indexes files already read (tests, generated content); they are always compared by content hash.
    public func indexArticles(_ files: [ArticleFile], defaultLanguage: Language) throws -> IndexReport {
        try indexArticles(files.map { file in
            ArticleSource(path: file.path, size: Int64(file.bytes.count), modified: 0) { () throws(ArticleError) in file }
        }, defaultLanguage: defaultLanguage)
    }

    private struct ArticleSource {
        let path: String
        let size: Int64
        /// Zero when unknown: the content hash then always decides.
        let modified: Int64
        let load: () throws(ArticleError) -> ArticleFile
    }

    private func indexArticles(_ sources: [ArticleSource], defaultLanguage: Language) throws -> IndexReport {
        var report = IndexReport()
        try connection.transaction {
            var existing: [String: (hash: String, language: String, size: Int64, modified: Int64)] = [:]
            try connection.prepare("SELECT path, hash, language, size, mtime FROM articles").forEachRow { row in
                existing[row.text(0)] = (row.text(1), row.text(2), row.int64(3), row.int64(4))
            }
            for source in sources {
                let previous = existing.removeValue(forKey: source.path)
                if let previous, source.modified != 0, previous.size == source.size, previous.modified == source.modified {
                    report.unchanged.append(source.path)
                    continue
                }
                let file: ArticleFile
                do {
                    file = try source.load()
                } catch let error as ArticleError {
                    report.invalid.append(error)
                    continue
                }
                if let previous, previous.hash == file.contentHash {
                    // Touched but not changed: remember the new stat data so the next run skips reading it.
                    try connection.cached("UPDATE articles SET size = ?, mtime = ? WHERE path = ?")
                        .execute([source.size, source.modified, source.path])
                    report.unchanged.append(source.path)
                    continue
                }
                let article: Article
                do {
                    article = try Article.parse(file: file)
                } catch let error as ArticleError {
                    report.invalid.append(error)
                    // A link out of the workspace keeps nothing indexed, not even an earlier version.
                    if case .outsideWorkspace = error, let previous { try deleteArticle(path: file.path, language: previous.language) }
                    continue
                }
                if let previous { try deleteArticle(path: file.path, language: previous.language) }
                let language = article.language.flatMap { Language(rawValue: $0.rawValue) } ?? defaultLanguage
                try tokenizer.with(language: language) {
                    try insert(article, hash: file.contentHash, language: language, size: source.size, modified: source.modified)
                }
                if previous == nil { report.added.append(file.path) } else { report.changed.append(file.path) }
            }
            for (path, previous) in existing.sorted(by: { $0.key < $1.key }) {
                try deleteArticle(path: path, language: previous.language)
                report.removed.append(path)
            }
        }
        return report
    }

    private func deleteArticle(path: String, language: String) throws {
        // The delete trigger re-tokenizes the old text: it must use the language it was indexed with.
        try tokenizer.with(language: Language(rawValue: language) ?? tokenizer.language) {
            try connection.cached("DELETE FROM articles WHERE path = ?").execute([path])
        }
    }

    private func insert(_ article: Article, hash: String, language: Language, size: Int64, modified: Int64) throws {
        func text(_ kinds: [ArticleSectionKind]) -> String {
            kinds.compactMap { article.section($0)?.text }.joined(separator: "\n\n")
        }
        func list(_ values: [String]) -> String {
            var writer = JSONWriter()
            writer.beginArray()
            for value in values { writer.string(value) }
            writer.endArray()
            return writer.text
        }
        try connection.cached("""
            INSERT INTO articles(id, path, hash, size, mtime, title, state, audience, language, services, tags, tickets,
                                 updated, problem, solution, tags_text, body)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """).execute([
                article.id, article.path, hash, size, modified, article.title, article.state.rawValue, article.audience.rawValue,
                language.rawValue, list(article.services), list(article.tags), list(article.tickets), article.updated,
                text([.problem, .environment]), text([.solution, .cause]),
                (article.tags + article.services).joined(separator: " "), article.body,
            ])
    }

    /// Summary of an indexed article.
    public struct IndexedArticle: Sendable, Equatable {
        public let id: String
        public let path: String
        public let title: String
        public let state: String
        public let audience: String
        public let services: [String]
        public let tickets: [String]
    }

    /// Indexed articles with this id (normally one; duplicates are a lint error).
    public func articles(id: String) throws -> [IndexedArticle] {
        try connection.cached("SELECT id, path, title, state, audience, services, tickets FROM articles WHERE id = ? ORDER BY path")
            .map([id]) { row in
                IndexedArticle(id: row.text(0), path: row.text(1), title: row.text(2), state: row.text(3),
                               audience: row.text(4), services: Store.stringList(row.text(5)), tickets: Store.stringList(row.text(6)))
            }
    }

    /// Every indexed article, by path.
    public func allArticles() throws -> [IndexedArticle] {
        try connection.cached("SELECT id, path, title, state, audience, services, tickets FROM articles ORDER BY path")
            .map { row in
                IndexedArticle(id: row.text(0), path: row.text(1), title: row.text(2), state: row.text(3),
                               audience: row.text(4), services: Store.stringList(row.text(5)), tickets: Store.stringList(row.text(6)))
            }
    }

    static func stringList(_ json: String) -> [String] {
        (try? JSONParser().parse(json))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
