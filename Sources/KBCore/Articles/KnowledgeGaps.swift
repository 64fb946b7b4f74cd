import Foundation

/// Finds what the knowledge base is missing: solved tickets no article covers, grouped into clusters
/// of similar problems and ranked, with the KCS link rate and the reuse of each article.
///
/// The period is the tickets resolved (else closed) at or after `since`; only resolved and closed
/// tickets count. A ticket is **covered** when its `articles` field or an `article_links` row names an
/// indexed article, or when an article found with the ticket's title carries enough of the title's
/// weight (`ArticleCoverage`, threshold 0.6 of the ticket's own best match). Uncovered tickets are
/// clustered per service by the similarity of their characteristic terms (`TicketClusterer`, Jaccard
/// ≥ 0.2 over the top 6 tf·idf terms). Clusters rank by score — each ticket counts 1, a ticket of the
/// last `recentDays` days 2 — then by size, then by their latest ticket. The suggested title is the
/// title of the member most typical of the cluster.
///
/// The **link rate** is the share of the period's solved tickets that link any article (their own
/// `articles` field or `article_links`), whether or not it is indexed: it measures the habit of
/// linking. **Reuse** counts, per indexed article, the distinct tickets of the period linking it.
public struct KnowledgeGaps {
    /// How the analysis runs.
    public struct Options: Sendable {
        /// Length of the default period, in days before `now`.
        public static let defaultPeriodDays = 180
        /// Start of the period.
        public var since: Timestamp
        public var now: Timestamp
        /// Clusters kept in the report (all are counted).
        public var limit = 10
        /// Tickets solved within this many days of `now` weigh double in the ranking.
        public var recentDays = 30
        /// Share of a title's weight an article must carry to cover a ticket.
        public var coverageThreshold = KnowledgeGaps.defaultCoverageThreshold
        /// Jaccard similarity a ticket needs to join a cluster.
        public var similarityThreshold = KnowledgeGaps.defaultSimilarityThreshold
        /// Characteristic terms kept per ticket.
        public var termsPerTicket = KnowledgeGaps.defaultTermsPerTicket

        /// Options for the period from `since` (default: `defaultPeriodDays` before `now`) to `now`.
        public init(now: Timestamp, since: Timestamp? = nil) {
            self.now = now
            self.since = since ?? Timestamp(seconds: now.seconds - Int64(Options.defaultPeriodDays) * 86_400)
        }
    }

    public static let defaultCoverageThreshold = ArticleCoverage.defaultThreshold
    public static let defaultSimilarityThreshold = TicketClusterer.defaultThreshold
    public static let defaultTermsPerTicket = TicketClusterer.defaultTermsPerTicket

    let store: Store
    let builder: QueryBuilder

    /// Analyses `store`'s tickets and indexed articles; `builder` plans the article searches
    /// (`workspace.queryBuilder(for: store)`, with the workspace's synonyms).
    public init(store: Store, builder: QueryBuilder) {
        self.store = store
        self.builder = builder
    }

    /// Runs the analysis.
    public func analyze(_ options: Options) throws -> KnowledgeGapReport {
        let engine = try SearchEngine(store: store, builder: builder)
        let coverage = try ArticleCoverage(engine: engine, threshold: options.coverageThreshold)
        let indexed = try indexedArticles()
        var links: [String: [String]] = [:]
        for link in try store.allLinks() { links[link.ticketID, default: []].append(link.articleID) }

        var solved = 0, linkedAny = 0, linkedIndexed = 0, matched = 0
        var uncovered: [Store.SolvedTicket] = []
        for ticket in try store.solvedTickets(since: options.since) {
            solved += 1
            let named = ticket.articles + (links[ticket.id] ?? [])
            if !named.isEmpty { linkedAny += 1 }
            if named.contains(where: { indexed[$0] != nil }) {
                linkedIndexed += 1
            } else if try coverage.coveringArticle(title: ticket.title) != nil {
                matched += 1
            } else {
                uncovered.append(ticket)
            }
        }

        // Smoothed idf, not BM25's: BM25 clamps a term found in half the tickets to zero weight, and in a
        // young index the words a cluster shares can be exactly those.
        let statistics = engine.statistics
        let documents = Double(max(statistics.documentCount, 1))
        var clusterer = TicketClusterer(analyzer: Analyzer(language: store.tokenizer.language)) { term in
            log(1 + documents / Double(max(try statistics.documentFrequency(term), 1)))
        }
        clusterer.termsPerTicket = options.termsPerTicket
        clusterer.redactor = try PersonNames.load(from: store, ticketIDs: uncovered.map(\.id)).redactor(language: .spanish)
        clusterer.threshold = options.similarityThreshold
        let items = uncovered.map {
            TicketClusterer.Item(id: $0.id, service: $0.service ?? "", title: $0.title, description: $0.description, solvedAt: $0.solvedAt)
        }
        let recentFloor = options.now.seconds - Int64(options.recentDays) * 86_400
        var clusters: [GapCluster] = try clusterer.cluster(items).map { cluster in
            let members = cluster.members.map { uncovered[$0] }
            let representative = TextLines.trimmed(uncovered[cluster.representative].title)
            let terms = cluster.signature.map { clusterer.spelling(of: $0) }
            return GapCluster(
                rank: 0, service: members[0].service,
                tickets: members.map { GapCluster.Member(id: $0.id, title: $0.title, solvedAt: $0.solvedAt) },
                recentCount: members.filter { $0.solvedAt.seconds >= recentFloor }.count,
                suggestedTitle: representative.isEmpty ? terms.prefix(5).joined(separator: " ") : representative,
                terms: terms)
        }
        clusters.sort(by: KnowledgeGaps.ranksBefore)
        let ranked = clusters.prefix(options.limit).enumerated().map { offset, cluster in
            GapCluster(rank: offset + 1, service: cluster.service, tickets: cluster.tickets, recentCount: cluster.recentCount,
                       suggestedTitle: cluster.suggestedTitle, terms: cluster.terms)
        }

        let counts = try store.reuseCounts(since: options.since)
        let articles = indexed.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let reuse = articles.compactMap { article -> ArticleReuse? in
            guard let count = counts[article.id], count > 0 else { return nil }
            return ArticleReuse(id: article.id, title: article.title, path: article.path, state: article.state, tickets: count)
        }.sorted { $0.tickets != $1.tickets ? $0.tickets > $1.tickets : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let neverReused = articles.filter { counts[$0.id] == nil && $0.state != ArticleState.archived.rawValue }

        return KnowledgeGapReport(
            since: options.since, now: options.now, recentDays: options.recentDays, solvedTickets: solved,
            linkedTickets: linkedIndexed, matchedTickets: matched, uncoveredTickets: uncovered.count,
            clusterCount: clusters.count, clusters: ranked, linkRate: LinkRate(tickets: solved, linked: linkedAny),
            reuse: reuse, neverReused: neverReused, coverageThreshold: options.coverageThreshold,
            similarityThreshold: options.similarityThreshold)
    }

    /// Higher score, then more tickets, then the more recent latest ticket, then title and first id.
    static func ranksBefore(_ lhs: GapCluster, _ rhs: GapCluster) -> Bool {
        if lhs.score != rhs.score { return lhs.score > rhs.score }
        if lhs.tickets.count != rhs.tickets.count { return lhs.tickets.count > rhs.tickets.count }
        if lhs.lastSolvedAt != rhs.lastSolvedAt { return lhs.lastSolvedAt > rhs.lastSolvedAt }
        if lhs.suggestedTitle != rhs.suggestedTitle {
            return lhs.suggestedTitle.utf8.lexicographicallyPrecedes(rhs.suggestedTitle.utf8)
        }
        return (lhs.tickets.first?.id ?? "").utf8.lexicographicallyPrecedes((rhs.tickets.first?.id ?? "").utf8)
    }

    /// Indexed articles by id (the first path when an id is duplicated), with a zero reuse count.
    private func indexedArticles() throws -> [String: ArticleReuse] {
        var articles: [String: ArticleReuse] = [:]
        for article in try store.allArticles() where articles[article.id] == nil {
            articles[article.id] = ArticleReuse(id: article.id, title: article.title, path: article.path, state: article.state,
                                                tickets: 0)
        }
        return articles
    }
}
