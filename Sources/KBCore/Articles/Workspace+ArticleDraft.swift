extension Workspace {
    /// Drafts an article from the ticket `ticketID` and writes it into `kb/articles/` (never over a file).
    ///
    /// The id is the next `KB-NNNN` after those indexed in `store` and those written in the files on
    /// disk; the template is `templates/article.md.mustache` (else the built-in one); `language`
    /// defaults to the workspace policy's; the date is `now`'s UTC day. Names the store knows are redacted.
    /// With `write` false nothing is written: the draft is only composed (`--template-data`).
    public func draftArticle(ticketID: String, store: Store, language: Language? = nil, now: Timestamp,
                             allowOpen: Bool = false, write: Bool = true) throws -> ArticleDraft {
        guard let ticket = try store.ticket(id: ticketID) else { throw ArticleDraftError.ticketNotFound(id: ticketID) }
        guard ticket.isDone || allowOpen else {
            throw ArticleDraftError.ticketNotResolved(id: ticket.id, status: ticket.status.rawValue)
        }
        let language = try language ?? loadPolicy().language
        let id = ArticleIDAllocator.nextID(indexedIDs: try store.allArticles().map(\.id),
                                           files: try ArticleScanner.scan(root: root))
        let drafter = ArticleDrafter(language: language, templates: try templates(language: language),
                                     names: try PersonNames.load(from: store))
        let draft = try drafter.draft(from: ticket, id: id, date: now, allowOpen: allowOpen)
        if write { try draft.write(root: root) }
        return draft
    }
}
