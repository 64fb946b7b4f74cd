/// What `kb gaps` found: clusters of solved tickets no article covers, the link rate and article reuse.
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
    /// Tickets not linked but answered by an article found with their title (see `ArticleCoverage`).
    public let matchedTickets: Int
    /// Tickets neither linked nor matched: the gaps.
    public let uncoveredTickets: Int
    /// Every cluster of uncovered tickets, ranked; `clusters` holds the first `limit` of them.
    public let clusterCount: Int
    public let clusters: [GapCluster]
    public let linkRate: LinkRate
    /// Indexed articles linked by at least one ticket of the period, most reused first.
    public let reuse: [ArticleReuse]
    /// Indexed articles (not archived) no ticket of the period links, by id.
    public let neverReused: [ArticleReuse]
    /// The share of a title's weight an article must carry to cover a ticket.
    public let coverageThreshold: Double
    /// The Jaccard similarity a ticket needs to join a cluster.
    public let similarityThreshold: Double

    /// The `--json` form: period, counts, ranked clusters, link rate, reuse and never-reused articles.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("since", since.day())
        writer.member("now", now.utcString)
        writer.member("recent_days", recentDays)
        writer.key("tickets")
        writer.beginObject()
        writer.member("solved", solvedTickets)
        writer.member("linked", linkedTickets)
        writer.member("matched", matchedTickets)
        writer.member("uncovered", uncoveredTickets)
        writer.endObject()
        writer.member("coverage_threshold", coverageThreshold, decimals: 2)
        writer.member("similarity_threshold", similarityThreshold, decimals: 2)
        writer.member("cluster_count", clusterCount)
        writer.key("clusters")
        writer.beginArray()
        for cluster in clusters {
            writer.beginObject()
            writer.member("rank", cluster.rank)
            writer.member("service", cluster.service)
            writer.member("size", cluster.tickets.count)
            writer.member("recent", cluster.recentCount)
            writer.member("score", cluster.score)
            writer.member("suggested_title", cluster.suggestedTitle)
            writer.member("terms", cluster.terms)
            writer.member("last_solved_at", cluster.lastSolvedAt.utcString)
            writer.key("tickets")
            writer.beginArray()
            for ticket in cluster.tickets {
                writer.beginObject()
                writer.member("id", ticket.id)
                writer.member("title", ticket.title)
                writer.member("solved_at", ticket.solvedAt.utcString)
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.key("link_rate")
        writer.beginObject()
        writer.member("tickets", linkRate.tickets)
        writer.member("linked", linkRate.linked)
        writer.member("rate", linkRate.rate, decimals: 4)
        writer.endObject()
        for (name, list) in [("reuse", reuse), ("never_reused", neverReused)] {
            writer.key(name)
            writer.beginArray()
            for article in list {
                writer.beginObject()
                writer.member("id", article.id)
                writer.member("title", article.title)
                writer.member("path", article.path)
                writer.member("state", article.state)
                writer.member("tickets", article.tickets)
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
        return writer.text
    }
}
