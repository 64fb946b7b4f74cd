import Foundation

extension KnowledgeBase {
    /// Drafts a KCS article from the request's ticket into `kb/articles/` (never over an existing file), or only
    /// composes it when the request says not to write, naming the existing articles that already cover the problem.
    public func draftArticle(_ request: ArticleDraftRequest) throws -> ArticleDraft {
        try workspace.draftArticle(ticketID: request.ticketID, store: try store(), language: request.language, now: now,
                                   allowOpen: request.allowOpen, write: request.write, unlessCovered: request.unlessCovered)
    }

    /// Lints the article files at `urls` (files as given, folders searched for `*.md`), or every article under
    /// `kb/articles` when `urls` is empty.
    ///
    /// Linked tickets must be in the store and customer articles must hold none of the names it knows; without a
    /// database those checks are skipped and the report says so.
    public func lintArticles(at urls: [URL] = []) throws -> ArticleLintReport {
        let files = urls.isEmpty ? try ArticleScanner.scan(root: workspace.root)
            : try ArticleSelection.files(at: urls, root: workspace.root)
        let store = try existingStore()
        let names = try store.map { try PersonNames.load(from: $0) } ?? PersonNames()
        var lookupError: Error?
        let diagnostics = ArticleLinter(redactor: names.redactor(language: .spanish)).lint(files: files) { id in
            guard let store else { return true }
            do {
                return try store.hasTicket(id: id)
            } catch {
                lookupError = error
                return true
            }
        }
        if let lookupError { throw lookupError }
        return ArticleLintReport(fileCount: files.count, diagnostics: diagnostics, withoutDatabase: store == nil)
    }

    /// Records that the article solved the ticket (KCS reuse); linking twice changes nothing.
    public func linkArticle(ticket ticketID: String, article articleID: String) throws -> ArticleLinkResult {
        let store = try store(.write)
        let linked = try store.link(ticket: ticketID, article: articleID, at: now)
        return ArticleLinkResult(ticketID: ticketID, articleID: articleID, linked: linked,
                                 articleTitle: try store.articles(id: articleID).first?.title ?? "")
    }

    /// Reindexes the articles in `kb/articles` that changed since the last run (creating the database if needed), and
    /// has the ticket index list the phrases of the synonyms file as it is now (`indexSynonymPhrases`).
    public func index() throws -> IndexReport {
        let language = try policy().language
        let store = try store(.create)
        var report = try store.indexArticles(try ArticleScanner.entries(root: workspace.root), defaultLanguage: language)
        report.phrases = try indexSynonymPhrases(store)
        return report
    }

    /// Has the ticket index list the synonyms' phrases of several words (`Store.indexPhrases`): those the file gained are
    /// built from the stored tickets, those it lost dropped. Searches are exact either way; a listed phrase is read as a
    /// word's list, where one that is not costs reading the tickets that hold its words.
    func indexSynonymPhrases(_ store: Store) throws -> PhraseIndexing {
        try store.indexPhrases(try workspace.synonymPhrases(language: store.tokenizer.language))
    }
}
