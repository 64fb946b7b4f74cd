import Foundation

extension TicketProfiler {
    /// A profiler weighing terms by their idf in `store`'s ticket index, smoothed: BM25's idf clamps a term found in
    /// half the tickets to zero weight, and in a young index the words similar tickets share can be exactly those.
    static func weighing(by store: Store, builder: QueryBuilder) throws -> TicketProfiler {
        let statistics = try SearchEngine(store: store, builder: builder).statistics
        let documents = Double(max(statistics.documentCount, 1))
        return TicketProfiler(analyzer: Analyzer(language: store.tokenizer.language)) { term in
            log(1 + documents / Double(max(try statistics.documentFrequency(term), 1)))
        }
    }

    /// The profile of a whole ticket.
    mutating func profile(of ticket: Ticket) throws -> TicketProfile {
        try profile(title: ticket.title, description: ticket.description, tags: ticket.tags, rootCause: ticket.rootCause ?? "",
                    resolution: ticket.resolution ?? "")
    }
}

extension ArticleCoverage {
    /// Coverage by the articles indexed in `store` (not archived), with the synonyms of `builder`.
    convenience init(store: Store, builder: QueryBuilder, profiler: TicketProfiler, threshold: Double = ArticleCoverage.defaultThreshold,
                     evidenceThreshold: Double = ArticleCoverage.defaultEvidenceThreshold) throws {
        var indexed: [String: Store.IndexedArticle] = [:]
        for article in try store.allArticles() where indexed[article.id] == nil { indexed[article.id] = article }
        try self.init(articles: try store.activeArticleTexts(), indexed: indexed, profiler: profiler, synonyms: builder.synonyms,
                      threshold: threshold, evidenceThreshold: evidenceThreshold)
    }
}
