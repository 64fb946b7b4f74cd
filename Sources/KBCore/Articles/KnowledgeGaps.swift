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
    public func analyze(_ options: Options) throws -> KnowledgeGapReport {
        let indexed = try indexedArticles()
        var links: [String: [String]] = [:]
        for link in try store.allLinks() { links[link.ticketID, default: []].append(link.articleID) }

        var solved = 0, linkedAny = 0, linkedIndexed = 0
        var unlinked: [Store.SolvedTicket] = []
        for ticket in try store.solvedTickets(since: options.since) {
            solved += 1
            let named = ticket.articles + (links[ticket.id] ?? [])
            if !named.isEmpty { linkedAny += 1 }
            if named.contains(where: { indexed[$0] != nil }) {
                linkedIndexed += 1
            } else {
                unlinked.append(ticket)
            }
        }

        var profiler = try TicketProfiler.weighing(by: store, builder: builder)
        profiler.termsPerTicket = options.termsPerTicket
        profiler.redactor = try PersonNames.load(from: store, ticketIDs: unlinked.map(\.id)).redactor(language: .spanish)
        var profiles: [TicketProfile] = []
        for ticket in unlinked {
            profiles.append(try profiler.profile(title: ticket.title, description: ticket.description, tags: ticket.tags,
                                                 rootCause: ticket.rootCause, resolution: ticket.resolution))
        }
        let coverage = try ArticleCoverage(store: store, builder: builder, profiler: profiler, threshold: options.coverageThreshold,
                                           evidenceThreshold: options.evidenceThreshold)

        var answered: [String: [Int]] = [:]
        var uncovered: [Int] = []
        for (index, profile) in profiles.enumerated() {
            if let match = coverage.coveringArticle(profile, service: unlinked[index].service) {
                answered[match.articleID, default: []].append(index)
            } else {
                uncovered.append(index)
            }
        }

        var clusterer = TicketClusterer()
        clusterer.threshold = options.similarityThreshold
        clusterer.termsPerTicket = options.termsPerTicket
        let items = uncovered.map {
            TicketClusterer.Item(id: unlinked[$0].id, service: unlinked[$0].service ?? "", solvedAt: unlinked[$0].solvedAt,
                                 profile: profiles[$0])
        }
        let recentFloor = options.now.seconds - Int64(options.recentDays) * 86_400
        var clusters: [GapCluster] = []
        for cluster in clusterer.cluster(items) {
            let members = cluster.members.map { uncovered[$0] }
            let pooled = KnowledgeGaps.pooledProfile(members.map { profiles[$0] }, keep: options.termsPerTicket)
            let service = unlinked[members[0]].service
            if members.count > 1, let match = coverage.coveringArticle(pooled, service: service) {
                answered[match.articleID, default: []] += members
                continue
            }
            let typical = unlinked[uncovered[cluster.representative]]
            let title = TextLines.trimmed(typical.title)
            let terms = cluster.signature.map { profiler.spelling(of: $0) }
            let cause = TextLines.singleLine(profiler.redactor.redact(typical.rootCause.isEmpty ? typical.resolution : typical.rootCause))
            let pending = coverage.pendingArticle(pooled, service: service).map { GapCluster.PendingArticle(id: $0.articleID, title: $0.title, state: $0.state) }
            clusters.append(GapCluster(
                rank: 0, service: typical.service, tickets: members.map { KnowledgeGaps.member(unlinked[$0]) },
                recentCount: members.filter { unlinked[$0].solvedAt.seconds >= recentFloor }.count,
                suggestedTitle: title.isEmpty ? terms.prefix(5).joined(separator: " ") : title,
                terms: terms, causeTerms: cluster.causeSignature.map { profiler.spelling(of: $0) }, cause: cause,
                pendingArticle: pending))
        }
        clusters.sort(by: KnowledgeGaps.ranksBefore)
        let ranked = clusters.prefix(options.limit).enumerated().map { $1.ranked($0 + 1) }
        let findings = answered.map { id, members in
            LinkRateFinding(articleID: id, title: indexed[id]?.title ?? id,
                            tickets: members.sorted().map { KnowledgeGaps.member(unlinked[$0]) })
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

    /// One profile for a cluster's tickets: their summed weights, the heaviest kept, and all their terms.
    static func pooledProfile(_ profiles: [TicketProfile], keep: Int) -> TicketProfile {
        func pool(_ lists: [[TicketProfile.WeightedTerm]], keep: Int) -> [TicketProfile.WeightedTerm] {
            var weights: [String: Double] = [:]
            for list in lists { for term in list { weights[term.term, default: 0] += term.weight } }
            return weights.map { TicketProfile.WeightedTerm(term: $0.key, weight: $0.value) }.sorted {
                $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8)
            }.prefix(keep).map { $0 }
        }
        let causeKeep = profiles.map(\.causes.count).max() ?? 0
        return TicketProfile(symptoms: pool(profiles.map(\.symptoms), keep: keep), causes: pool(profiles.map(\.causes), keep: causeKeep),
                             causeVocabulary: profiles.reduce(into: Set<String>()) { $0.formUnion($1.causeVocabulary) },
                             allTerms: profiles.reduce(into: Set<String>()) { $0.formUnion($1.allTerms) })
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
