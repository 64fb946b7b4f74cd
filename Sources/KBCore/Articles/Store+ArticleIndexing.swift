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
        try write {
            var existing = try indexedFiles()
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
                    try updateIndexedFile(path: source.path, size: source.size, modified: source.modified)
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
                try insertArticle(Store.record(of: article, hash: file.contentHash, size: source.size, modified: source.modified,
                                               language: article.analysisLanguage ?? defaultLanguage))
                if previous == nil { report.added.append(file.path) } else { report.changed.append(file.path) }
            }
            for (path, previous) in existing.sorted(by: { $0.key < $1.key }) {
                try deleteArticle(path: path, language: previous.language)
                report.removed.append(path)
            }
        }
        return report
    }

    /// The row of a parsed article: problem with environment, solution with cause, tags with services.
    private static func record(of article: Article, hash: String, size: Int64, modified: Int64, language: Language) -> ArticleRecord {
        func text(_ kinds: [ArticleSectionKind]) -> String {
            kinds.compactMap { article.section($0)?.text }.joined(separator: "\n\n")
        }
        return ArticleRecord(
            id: article.id, path: article.path, hash: hash, size: size, modified: modified, title: article.title,
            state: article.state.rawValue, audience: article.audience.rawValue, language: language,
            services: article.services, tags: article.tags, tickets: article.tickets, updated: article.updated,
            problem: text([.problem, .environment]), solution: text([.solution, .cause]),
            tagsText: (article.tags + article.services).joined(separator: " "), body: article.body)
    }
}
