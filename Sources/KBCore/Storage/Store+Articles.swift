extension Store {
    /// An article as the `articles` table holds it: front matter, the texts the index searches, and the file's
    /// size, modification time and content hash, which tell `kb index` whether the file changed.
    struct ArticleRecord: Sendable, Equatable {
        var id: String
        var path: String
        var hash: String
        var size: Int64
        /// Nanoseconds since 1970; zero when unknown (the hash then always decides).
        var modified: Int64
        var title: String
        var state: String
        var audience: String
        /// The language its text is analysed in.
        var language: Language
        var services: [String]
        var tags: [String]
        var tickets: [String]
        var updated: String?
        /// Problem and environment sections.
        var problem: String
        /// Solution and cause sections.
        var solution: String
        var tagsText: String
        var body: String
    }

    /// What the index remembers of an article file, to tell whether it changed.
    struct IndexedFile: Sendable, Equatable {
        let hash: String
        /// The language its text was indexed in (removing it from the index must analyse it the same way).
        let language: String
        let size: Int64
        let modified: Int64
    }

    /// Every indexed file by path.
    func indexedFiles() throws -> [String: IndexedFile] {
        var files: [String: IndexedFile] = [:]
        try connection.prepare("SELECT path, hash, language, size, mtime FROM articles").forEachRow { row in
            files[row["path"]] = IndexedFile(hash: row["hash"], language: row["language"], size: row["size"], modified: row["mtime"])
        }
        return files
    }

    /// Records new size and modification time for a file whose content did not change.
    func updateIndexedFile(path: String, size: Int64, modified: Int64) throws {
        try connection.cached("UPDATE articles SET size = ?, mtime = ? WHERE path = ?").execute([size, modified, path])
    }

    /// Adds an article to the table and its full-text index (analysed in its language).
    func insertArticle(_ article: ArticleRecord) throws {
        func list(_ values: [String]) -> String {
            var writer = JSONWriter()
            writer.beginArray()
            for value in values { writer.string(value) }
            writer.endArray()
            return writer.text
        }
        try tokenizer.with(language: article.language) {
            try connection.cached("""
                INSERT INTO articles(id, path, hash, size, mtime, title, state, audience, language, services, tags, tickets,
                                     updated, problem, solution, tags_text, body)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute([
                    article.id, article.path, article.hash, article.size, article.modified, article.title, article.state,
                    article.audience, article.language.rawValue, list(article.services), list(article.tags),
                    list(article.tickets), article.updated, article.problem, article.solution, article.tagsText, article.body,
                ])
        }
    }

    /// Removes the article indexed from `path`; `language` is the one it was indexed in (`IndexedFile.language`).
    func deleteArticle(path: String, language: String) throws {
        // The delete trigger re-tokenizes the old text: it must use the language it was indexed with.
        try tokenizer.with(language: Language(rawValue: language) ?? tokenizer.language) {
            try connection.cached("DELETE FROM articles WHERE path = ?").execute([path])
        }
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
            .map([id], Store.indexedArticle)
    }

    /// Every indexed article, by path.
    public func allArticles() throws -> [IndexedArticle] {
        try connection.cached("SELECT id, path, title, state, audience, services, tickets FROM articles ORDER BY path")
            .map { Store.indexedArticle($0) }
    }

    private static func indexedArticle(_ row: Row) -> IndexedArticle {
        IndexedArticle(id: row["id"], path: row["path"], title: row["title"], state: row["state"], audience: row["audience"],
                       services: stringList(row["services"]), tickets: stringList(row["tickets"]))
    }

    /// The searchable text of an indexed article, for comparing words with a ticket's.
    public struct ArticleText: Sendable, Equatable {
        public let id: String
        public let title: String
        /// Problem and environment sections.
        public let problem: String
        /// Solution and cause sections.
        public let solution: String
        public let tagsText: String
        public let language: String
        public let audience: String
    }

    /// The text of the first file (by path) indexed with this id.
    public func articleText(id: String) throws -> ArticleText? {
        try connection.cached("""
            SELECT id, title, problem, solution, tags_text, language, audience FROM articles WHERE id = ? ORDER BY path LIMIT 1
            """).first([id], Store.articleText)
    }

    /// The text of every article not archived, by path.
    public func activeArticleTexts() throws -> [ArticleText] {
        try connection.cached("""
            SELECT id, title, problem, solution, tags_text, language, audience FROM articles WHERE state <> 'archived' ORDER BY path
            """).map { Store.articleText($0) }
    }

    private static func articleText(_ row: Row) -> ArticleText {
        ArticleText(id: row["id"], title: row["title"], problem: row["problem"], solution: row["solution"],
                    tagsText: row["tags_text"], language: row["language"], audience: row["audience"])
    }

    static func stringList(_ json: String) -> [String] {
        (try? JSONParser().parse(json))?.arrayValue?.compactMap(\.stringValue) ?? []
    }
}
