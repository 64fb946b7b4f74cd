/// What `kb gaps` found: clusters of solved tickets no validated article covers, the link rate, the articles that
/// answer tickets which do not link them, and article reuse.
public struct KnowledgeGapReport: Sendable, Equatable {
    /// Start of the period: tickets resolved (else closed) at or after it.
    public let since: Timestamp
    public let now: Timestamp
    /// Tickets solved this many days before `now` count as recent.
    public let recentDays: Int
    /// Resolved or closed tickets of the period.
    public let solvedTickets: Int
    /// Tickets linking an indexed article (their `articles` field or `article_links`).
    public let linkedTickets: Int
    /// Tickets not linked but answered by a validated article (see `ArticleCoverage`): the link-rate findings.
    public let matchedTickets: Int
    /// Tickets neither linked nor answered: the gaps.
    public let uncoveredTickets: Int
    /// Every cluster of uncovered tickets, ranked; `clusters` holds the first `limit` of them.
    public let clusterCount: Int
    public let clusters: [GapCluster]
    public let linkRate: LinkRate
    /// Validated articles answering tickets that do not link them, most tickets first.
    public let linkFindings: [LinkRateFinding]
    /// Indexed articles linked by at least one ticket of the period, most reused first.
    public let reuse: [ArticleReuse]
    /// Indexed articles (not archived) no ticket of the period links, by id.
    public let neverReused: [ArticleReuse]
    /// The share of an article title's weight a ticket must hold to be answered by it.
    public let coverageThreshold: Double
    /// The share of a ticket's cause weight an article must hold to answer it.
    public let evidenceThreshold: Double
    /// The Jaccard similarity a ticket needs to join a cluster.
    public let similarityThreshold: Double
}

extension KnowledgeGapReport: JSONEncodable {
    /// The `--json` form: period, counts, ranked clusters, link rate and its findings, reuse and never-reused articles.
    public func write(to writer: inout JSONWriter) {
        let counts = JSONObject(("solved", solvedTickets), ("linked", linkedTickets), ("matched", matchedTickets),
                                ("uncovered", uncoveredTickets))
        let rate = JSONObject(("tickets", linkRate.tickets), ("linked", linkRate.linked),
                              ("rate", JSONNumber(linkRate.rate, decimals: 4)))
        writer.object(("since", since.day()), ("now", now.utcString), ("recent_days", recentDays), ("tickets", counts),
                      ("coverage_threshold", JSONNumber(coverageThreshold, decimals: 2)),
                      ("evidence_threshold", JSONNumber(evidenceThreshold, decimals: 2)),
                      ("similarity_threshold", JSONNumber(similarityThreshold, decimals: 2)), ("cluster_count", clusterCount),
                      ("clusters", clusters), ("link_rate", rate), ("link_findings", linkFindings), ("reuse", reuse),
                      ("never_reused", neverReused))
    }
}

extension GapCluster.Member: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("title", title), ("solved_at", solvedAt.utcString))
    }
}

extension GapCluster: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        let pending = pendingArticle.map { JSONObject(("id", $0.id), ("title", $0.title), ("state", $0.state)) }
        writer.object(("rank", rank), ("service", service), ("size", tickets.count), ("recent", recentCount), ("score", score),
                      ("suggested_title", suggestedTitle), ("terms", terms), ("cause", cause), ("cause_terms", causeTerms),
                      ("pending_article", pending), ("last_solved_at", lastSolvedAt.utcString), ("tickets", tickets))
    }
}

extension LinkRateFinding: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("article", articleID), ("title", title), ("size", tickets.count), ("tickets", tickets))
    }
}

extension ArticleReuse: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("id", id), ("title", title), ("path", path), ("state", state), ("tickets", tickets))
    }
}
