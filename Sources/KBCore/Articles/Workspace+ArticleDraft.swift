extension Workspace {
    /// Drafts an article from the ticket `ticketID` and writes it into `kb/articles/` (never over a file), naming the
    /// existing articles that already cover the problem.
    ///
    /// The id is the next `KB-NNNN` after those indexed in `store` and those written in the files on
    /// disk; the template is `templates/article.md.mustache` (else the built-in one); `language`
    /// defaults to the ticket's, else the workspace policy's; the date is `now`'s UTC day. Names the store knows are
    /// redacted. With `write` false nothing is written: the draft is only composed (`--template-data`); with
    /// `unlessCovered`, nothing is written when an article covers the problem.
    public func draftArticle(ticketID: String, store: Store, language: Language? = nil, now: Timestamp,
                             allowOpen: Bool = false, write: Bool = true, unlessCovered: Bool = false) throws -> ArticleDraft {
        guard let ticket = try store.ticket(id: ticketID) else { throw ArticleDraftError.ticketNotFound(id: ticketID) }
        guard ticket.isDone || allowOpen else {
            throw ArticleDraftError.ticketNotResolved(id: ticket.id, status: ticket.status.rawValue)
        }
        let language = try language ?? ticket.language.flatMap(Language.init(tag:)) ?? loadPolicy().language
        let id = ArticleIDAllocator.nextID(indexedIDs: try store.allArticles().map(\.id),
                                           files: try ArticleScanner.scan(root: root))
        let names = try PersonNames.load(from: store)
        let drafter = ArticleDrafter(language: language, templates: try templates(language: language), names: names)
        var draft = try drafter.draft(from: ticket, id: id, date: now, allowOpen: allowOpen)
        draft.coveredBy = try coveringArticles(for: ticket, store: store)
        if write, !(unlessCovered && !draft.coveredBy.isEmpty) {
            try draft.write(root: root)
            draft.written = true
        }
        return draft
    }

    /// The indexed articles that already cover `ticket`: those it links, then the best one stating its problem and
    /// explaining its cause (validated first, else one being written), archived ones never.
    func coveringArticles(for ticket: Ticket, store: Store) throws -> [ArticleDraft.CoveringArticle] {
        var covering: [ArticleDraft.CoveringArticle] = []
        func add(_ id: String, _ reason: ArticleDraft.CoveringArticle.Reason) throws {
            guard !covering.contains(where: { $0.id == id }), let article = try store.articles(id: id).first,
                  article.state != ArticleState.archived.rawValue else { return }
            covering.append(.init(id: article.id, title: article.title, state: article.state, path: article.path, reason: reason))
        }
        for id in ticket.articles + (try store.links(forTicket: ticket.id).map(\.articleID)) { try add(id, .linked) }
        let builder = try queryBuilder(for: store)
        var profiler = try TicketProfiler.weighing(by: store, builder: builder)
        profiler.redactor = try PersonNames.load(from: store, ticketIDs: [ticket.id]).redactor(language: .spanish)
        let profile = try profiler.profile(of: ticket)
        let coverage = try ArticleCoverage(store: store, builder: builder, profiler: profiler)
        if let match = coverage.coveringArticle(profile, service: ticket.service) ?? coverage.pendingArticle(profile, service: ticket.service) {
            try add(match.articleID, .answers)
        }
        return covering
    }
}
