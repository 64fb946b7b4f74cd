/// Full-text reads for finding tickets like one another (post-incident reviews): bounded counts, BM25 over a
/// bounded set of matches, and the latest matches in import order. `expression` is always a MATCH expression
/// built by `QueryBuilder`, bound as a value.
extension Store {
    /// A ticket found by a similarity query, with the fields a review shows of it.
    public struct TicketExcerpt: Sendable, Equatable {
        public let id: String
        public let title: String
        public let service: String?
        public let severity: Int
        /// The ticket's status as stored (`tickets.status`).
        public let status: String
        public let customer: String?
        public let channel: String?
        /// Nil when the stored time does not parse (never for tickets kb imported).
        public let createdAt: Timestamp?
        public let resolvedAt: Timestamp?
        public let rootCause: String?
        public let resolution: String?
        /// The first 4,000 characters of the description.
        public let description: String
        /// BM25 with the weights asked for (higher is better); 0 when the query did not rank.
        public let score: Double
    }

    /// Tickets matching `expression`, counted up to `limit` (a common word stops the count early), among those
    /// imported before the ticket at `rowID` when given.
    public func ticketMatchCount(_ expression: String, before rowID: Int64? = nil, limit: Int) throws -> Int {
        try connection.cached("""
            SELECT count(*) AS matches FROM (SELECT 1 FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid < ? LIMIT ?)
            """).first([expression, rowID ?? Int64.max, limit]) { row -> Int in row["matches"] } ?? 0
    }

    /// The BM25 score (with `weights` per column, higher is better) of the ticket at `rowID` for `expression`, or nil
    /// when it does not match.
    public func ticketScore(_ expression: String, rowID: Int64, weights: [Double]) throws -> Double? {
        try connection.cached("""
            SELECT -bm25(tickets_fts, \(Store.weightList(weights))) AS score FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid = ?
            """).first([expression, rowID]) { row -> Double in row["score"] }
    }

    /// The `limit` best matches of `expression` by BM25 (with `weights`), then only those closed, not `excluding`
    /// and created before `createdBefore`; best first.
    public func bestClosedMatches(_ expression: String, weights: [Double], limit: Int, excluding id: String,
                                  createdBefore: Timestamp) throws -> [TicketExcerpt] {
        try connection.cached("""
            SELECT \(Store.excerptColumns), -hits.score AS score
            FROM (SELECT rowid, bm25(tickets_fts, \(Store.weightList(weights))) AS score FROM tickets_fts
                  WHERE tickets_fts MATCH ? ORDER BY score LIMIT ?) AS hits
            JOIN tickets t ON t.rowid = hits.rowid
            WHERE t.status = 'closed' AND t.id <> ? AND t.created_at < ?
            """).map([expression, limit, id, createdBefore.seconds], Store.excerpt)
    }

    /// The `limit` latest matches of `expression` imported before the ticket at `rowID` (all, when nil), then only
    /// those closed, not `excluding` and created before `createdBefore`; unranked (score 0), latest first.
    public func latestClosedMatches(_ expression: String, before rowID: Int64?, limit: Int, excluding id: String,
                                    createdBefore: Timestamp) throws -> [TicketExcerpt] {
        try connection.cached("""
            SELECT \(Store.excerptColumns), 0.0 AS score
            FROM (SELECT rowid FROM tickets_fts WHERE tickets_fts MATCH ? AND rowid < ?
                  ORDER BY rowid DESC LIMIT ?) AS hits
            JOIN tickets t ON t.rowid = hits.rowid
            WHERE t.status = 'closed' AND t.id <> ? AND t.created_at < ?
            """).map([expression, rowID ?? Int64.max, limit, id, createdBefore.seconds], Store.excerpt)
    }

    /// Tickets of `service` created from `start` to `end` (inclusive, seconds), other than `excluding`, by creation
    /// time; at most `limit`.
    public func ticketsCreated(from start: Int64, to end: Int64, service: String, excluding id: String,
                               limit: Int) throws -> [TicketExcerpt] {
        try connection.cached("""
            SELECT \(Store.excerptColumns), 0.0 AS score FROM tickets t
            WHERE t.created_at >= ? AND t.created_at <= ? AND t.service = ? AND t.id <> ?
            ORDER BY t.created_at, t.id LIMIT ?
            """).map([start, end, service, id, limit], Store.excerpt)
    }

    private static let excerptColumns = """
        t.id AS id, t.doc ->> '$.title' AS title, t.service AS service, t.severity AS severity, t.status AS status,
        t.customer AS customer,
        t.channel AS channel, t.doc ->> '$.created_at' AS created_at, t.doc ->> '$.resolved_at' AS resolved_at,
        t.doc ->> '$.root_cause' AS root_cause, t.doc ->> '$.resolution' AS resolution,
        substr(t.doc ->> '$.description', 1, 4000) AS description
        """

    private static func excerpt(_ row: Row) -> TicketExcerpt {
        let created: String? = row["created_at"], resolved: String? = row["resolved_at"]
        return TicketExcerpt(
            id: row["id"], title: row["title"] ?? "", service: row["service"], severity: row["severity"], status: row["status"],
            customer: row["customer"], channel: row["channel"], createdAt: created.flatMap(Timestamp.init(iso8601:)),
            resolvedAt: resolved.flatMap(Timestamp.init(iso8601:)), rootCause: row["root_cause"],
            resolution: row["resolution"], description: row["description"] ?? "", score: row["score"])
    }

    /// BM25 column weights as SQL arguments; numbers kb chose, never user text.
    private static func weightList(_ weights: [Double]) -> String {
        weights.map { "\($0)" }.joined(separator: ", ")
    }
}
