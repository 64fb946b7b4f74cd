import Foundation

/// Finds what the knowledge base is missing: solved tickets no validated article covers, grouped into clusters
/// of one cause and ranked, with the KCS link rate, the articles that answer tickets which do not link them,
/// and the reuse of each article.
///
/// The period is the tickets resolved (else closed) at or after `since`; only resolved and closed tickets count.
/// A ticket whose `articles` field or an `article_links` row names an indexed article is **linked**. Every other
/// ticket is read as its `TicketProfile` (symptoms, and cause from its root cause and resolution) and is
/// **answered** when a validated article states its subject and explains its cause (`ArticleCoverage`): that is
/// not a gap but a link-rate finding, listed per article. The rest are clustered per service by shared symptoms
/// and shared cause (`TicketClusterer`); a cluster that a validated article answers as a whole (its pooled terms)
/// is a link-rate finding too. Clusters rank by score — each ticket counts 1, a ticket of the last `recentDays`
/// days 2 — then by size, then by their latest ticket. The suggested title is the title of the member most typical
/// of the cluster, and the cause is its root cause.
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
        /// Share of an article title's weight a ticket must hold to be answered by it.
        public var coverageThreshold = KnowledgeGaps.defaultCoverageThreshold
        /// Share of a ticket's cause weight an article must hold to answer it.
        public var evidenceThreshold = ArticleCoverage.defaultEvidenceThreshold
        /// Jaccard similarity of symptoms (with as much of cause) a ticket needs to join a cluster.
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
    public static let defaultTermsPerTicket = TicketProfiler.defaultTermsPerTicket

    let store: Store
    let builder: QueryBuilder

    /// Analyses `store`'s tickets and indexed articles; `builder` gives the workspace's synonyms
    /// (`workspace.queryBuilder(for: store)`).
    public init(store: Store, builder: QueryBuilder) {
        self.store = store
        self.builder = builder
    }

    /// Runs the analysis.
    ///
    /// The period's tickets are read twice, one at a time: first which of them link an article (and whose people
    /// the texts must not show), then the texts of the others, each profiled, checked against the articles and
    /// clustered as it is read. What stays in memory per ticket is its id, title and time and, for a clustered one,
    /// the ids of its heaviest terms; the root cause a cluster quotes is read again for its typical ticket alone.
    public func analyze(_ options: Options) throws -> KnowledgeGapReport {
        let indexed = try indexedArticles()
        var links: [String: [String]] = [:]
        for link in try store.allLinks() { links[link.ticketID, default: []].append(link.articleID) }
        func linksIndexedArticle(_ id: String, _ articles: [String]) -> Bool {
            articles.contains { indexed[$0] != nil } || (links[id] ?? []).contains { indexed[$0] != nil }
        }

        var solved = 0, linkedAny = 0, linkedIndexed = 0
        var unlinkedIDs: [String] = []
        try store.forEachSolvedTicketArticles(since: options.since) { id, articles in
            solved += 1
            if !articles.isEmpty || links[id] != nil { linkedAny += 1 }
            if linksIndexedArticle(id, articles) { linkedIndexed += 1 } else { unlinkedIDs.append(id) }
        }

        var profiler = try TicketProfiler.weighing(by: store, builder: builder)
        profiler.termsPerTicket = options.termsPerTicket
        profiler.redactor = try PersonNames.load(from: store, ticketIDs: unlinkedIDs).redactor(language: .spanish)
        unlinkedIDs = []
        let coverage = try ArticleCoverage(store: store, builder: builder, profiler: profiler, threshold: options.coverageThreshold,
                                           evidenceThreshold: options.evidenceThreshold)
        var clusterer = TicketClusterer()
        clusterer.threshold = options.similarityThreshold
        clusterer.termsPerTicket = options.termsPerTicket
        var clustering = TicketClusterer.Clustering(clusterer: clusterer)

        // Every unlinked ticket in order of solving; those answered by an article, by article; the rest as clustered.
        var unlinked: [GapCluster.Member] = []
        var answered: [String: [Int]] = [:]
        var uncovered: [Int] = []
        try store.forEachSolvedTicket(since: options.since) { ticket in
            guard !linksIndexedArticle(ticket.id, ticket.articles) else { return }
            let index = unlinked.count
            unlinked.append(KnowledgeGaps.member(ticket))
            let profile = try profiler.profile(title: ticket.title, description: ticket.description, tags: ticket.tags,
                                               rootCause: ticket.rootCause, resolution: ticket.resolution)
            if let match = coverage.coveringArticle(profile, service: ticket.service) {
                answered[match.articleID, default: []].append(index)
            } else {
                uncovered.append(index)
                clustering.add(service: ticket.service ?? "", profile: profile)
            }
        }

        let recentFloor = options.now.seconds - Int64(options.recentDays) * 86_400
        var clusters: [GapCluster] = []
        for cluster in clustering.clusters() {
            let members = cluster.members.map { uncovered[$0] }
            // The store reads an empty service as none.
            let service = cluster.service.isEmpty ? nil : cluster.service
            if members.count > 1, let match = coverage.coveringArticle(cluster.pooled, service: service) {
                answered[match.articleID, default: []] += members
                continue
            }
            let typical = unlinked[uncovered[cluster.representative]]
            let stated = try store.solvedTicket(id: typical.id)
            let title = TextLines.trimmed(typical.title)
            let terms = cluster.signature.map { profiler.spelling(of: $0) }
            let rootCause = stated?.rootCause ?? "", resolution = stated?.resolution ?? ""
            let cause = TextLines.singleLine(profiler.redactor.redact(rootCause.isEmpty ? resolution : rootCause))
            let pending = coverage.pendingArticle(cluster.pooled, service: service).map {
                GapCluster.PendingArticle(id: $0.articleID, title: $0.title, state: $0.state)
            }
            clusters.append(GapCluster(
                rank: 0, service: service, tickets: members.map { unlinked[$0] },
                recentCount: members.filter { unlinked[$0].solvedAt.seconds >= recentFloor }.count,
                suggestedTitle: title.isEmpty ? terms.prefix(5).joined(separator: " ") : title,
                terms: terms, causeTerms: cluster.causeSignature.map { profiler.spelling(of: $0) }, cause: cause,
                pendingArticle: pending))
        }
        clusters.sort(by: KnowledgeGaps.ranksBefore)
        let ranked = clusters.prefix(options.limit).enumerated().map { $1.ranked($0 + 1) }
        let findings = answered.map { id, members in
            LinkRateFinding(articleID: id, title: indexed[id]?.title ?? id, tickets: members.sorted().map { unlinked[$0] })
        }.sorted {
            $0.tickets.count != $1.tickets.count ? $0.tickets.count > $1.tickets.count
                : $0.articleID.utf8.lexicographicallyPrecedes($1.articleID.utf8)
        }

        let counts = try store.reuseCounts(since: options.since)
        let articles = indexed.values.sorted { $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let reuse = articles.compactMap { article -> ArticleReuse? in
            guard let count = counts[article.id], count > 0 else { return nil }
            return ArticleReuse(id: article.id, title: article.title, path: article.path, state: article.state, tickets: count)
        }.sorted { $0.tickets != $1.tickets ? $0.tickets > $1.tickets : $0.id.utf8.lexicographicallyPrecedes($1.id.utf8) }
        let neverReused = articles.filter { counts[$0.id] == nil && $0.state != ArticleState.archived.rawValue }.map {
            ArticleReuse(id: $0.id, title: $0.title, path: $0.path, state: $0.state, tickets: 0)
        }
        let matched = findings.reduce(0) { $0 + $1.tickets.count }

        return KnowledgeGapReport(
            since: options.since, now: options.now, recentDays: options.recentDays, solvedTickets: solved,
            linkedTickets: linkedIndexed, matchedTickets: matched, uncoveredTickets: unlinked.count - matched,
            clusterCount: clusters.count, clusters: ranked, linkRate: LinkRate(tickets: solved, linked: linkedAny),
            linkFindings: findings, reuse: reuse, neverReused: neverReused, coverageThreshold: options.coverageThreshold,
            evidenceThreshold: options.evidenceThreshold, similarityThreshold: options.similarityThreshold)
    }

    private static func member(_ ticket: Store.SolvedTicket) -> GapCluster.Member {
        GapCluster.Member(id: ticket.id, title: ticket.title, solvedAt: ticket.solvedAt)
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

    /// Indexed articles by id (the first path when an id is duplicated).
    private func indexedArticles() throws -> [String: Store.IndexedArticle] {
        var articles: [String: Store.IndexedArticle] = [:]
        for article in try store.allArticles() where articles[article.id] == nil { articles[article.id] = article }
        return articles
    }
}
