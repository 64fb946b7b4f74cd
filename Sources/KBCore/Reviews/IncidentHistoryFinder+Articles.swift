extension IncidentHistoryFinder {
    /// Articles found by words (not linked) listed at most.
    static let maximumSuggestedArticles = 3
    /// An article found by words must contain at least this share of the incident's search weight (the idf of
    /// the query words it contains over the idf of all of them: 1.0 is the best score the query can give).
    static let minimumArticleCoverage = 0.4

    /// The articles a review lists, each with its reason: those the ticket links; those earlier incidents with
    /// the same cause link; then up to `maximumSuggestedArticles` found by the incident's words that are about its
    /// service (an article naming only other services never is) and hold `minimumArticleCoverage` of the query's
    /// weight. None is better than an unrelated one.
    ///
    /// `articleFields` holds the `articles` field of the recurrences' tickets, by id, as the recurrence scan read them.
    func articles(for ticket: Ticket, words: [QueryBuilder.Word], recurrences: [RelatedIncident],
                  articleFields: [String: [String]]) throws -> [ReviewArticleMatch] {
        var result: [ReviewArticleMatch] = []
        let service = ticket.service.map(Policy.foldedKey)
        // An article filed under other services is about them, whatever words or tickets it shares.
        func isAboutOtherServices(_ article: Store.IndexedArticle) -> Bool {
            guard let service, !article.services.isEmpty else { return false }
            return !article.services.contains { Policy.foldedKey($0) == service }
        }
        func add(_ id: String, reason: ReviewArticleMatch.Reason) throws {
            guard !result.contains(where: { $0.id == id }), let article = try store.articles(id: id).first else { return }
            if case .linked = reason {} else if article.state == "archived" || isAboutOtherServices(article) { return }
            result.append(ReviewArticleMatch(id: article.id, title: article.title, state: article.state,
                                             audience: article.audience, linked: reason == .linked, reason: reason))
        }
        for id in try linkedArticles(of: ticket.id, field: ticket.articles) { try add(id, reason: .linked) }

        // Articles the same cause's earlier incidents link, with the incidents that link each.
        // A link is the ticket's `articles` field, an `article_links` row or the article's own `tickets` list.
        var causeTickets: [String: Set<String>] = [:]
        let causeIDs = recurrences.flatMap { [$0.id] + $0.otherReports }
        for id in causeIDs {
            let field = try articleFields[id] ?? store.ticket(id: id)?.articles ?? []
            for article in try linkedArticles(of: id, field: field) { causeTickets[article, default: []].insert(id) }
        }
        if !causeIDs.isEmpty {
            let wanted = Set(causeIDs)
            for article in try store.allArticles() {
                for id in article.tickets where wanted.contains(id) { causeTickets[article.id, default: []].insert(id) }
            }
        }
        for (id, tickets) in causeTickets.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            try add(id, reason: .sameCause(tickets.sorted()))
        }

        guard let expression = builder.expression(words: words, mode: .any, expandSynonyms: false) else { return result }
        var weight: [String: Double] = [:]
        for word in words { weight[word.term] = idf(documentFrequency: max(1, try cappedFrequency(of: word))) }
        let total = weight.values.reduce(0, +)
        guard total > 0 else { return result }
        var filters = SearchFilters()
        filters.type = .article
        filters.limit = 10
        var added = 0
        for hit in try engine.searchArticles(expression: expression, filters: filters) where added < Self.maximumSuggestedArticles {
            guard !result.contains(where: { $0.id == hit.id }), let indexed = try store.articles(id: hit.id).first,
                  indexed.state != "archived", let article = try store.articleText(id: hit.id)
            else { continue }
            guard !isAboutOtherServices(indexed) else { continue }
            let analyzer = Analyzer(language: Language(rawValue: article.language) ?? store.tokenizer.language)
            let articleTerms = Set(analyzer.terms(article.title + "\n" + article.problem + "\n" + article.solution))
            let shared = words.filter { word in analyzer.terms(word.original).contains(where: articleTerms.contains) }
            let coverage = shared.reduce(0) { $0 + (weight[$1.term] ?? 0) } / total
            // A general article (no service) must say more of the incident than one about its service.
            let needed = indexed.services.isEmpty ? Self.minimumArticleCoverage * 1.5 : Self.minimumArticleCoverage
            guard shared.count >= min(2, words.count), coverage >= needed else { continue }
            try add(hit.id, reason: .sharedWords(shared.map(\.original)))
            added += 1
        }
        return result
    }

    /// The articles a ticket links: its `articles` field, then its `article_links` rows.
    func linkedArticles(of ticketID: String, field: [String]) throws -> [String] {
        var ids = field
        for id in try store.links(forTicket: ticketID).map(\.articleID) where !ids.contains(id) { ids.append(id) }
        return ids
    }
}
