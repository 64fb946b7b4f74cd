/// The rows reviews read of tickets like one another: excerpts of the similar tickets Search finds
/// (`Store+SimilarTickets` there) and the tickets of a creation window.
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
        /// The first 4,000 characters of the description (`excerptDescriptionLength`).
        public let description: String
        /// BM25 with the weights asked for (higher is better); 0 when the query did not rank.
        public let score: Double
    }

    /// The excerpts of `hits` (in their order) that are closed, not `excluding` and created before `createdBefore`.
    func closedExcerpts(_ hits: ArraySlice<(rowid: Int64, score: Double)>, excluding id: String,
                                createdBefore: Timestamp) throws -> [TicketExcerpt] {
        let statement = try connection.cached("""
            SELECT \(Store.excerptColumns), ? AS score FROM tickets t
            WHERE t.rowid = ? AND t.status = 'closed' AND t.id <> ? AND t.created_at < ?
            """)
        let read = Store.excerptReader()
        return try hits.compactMap { hit in
            try statement.first([hit.score, hit.rowid, id, createdBefore.seconds], read)
        }
    }

    /// A ticket of a creation window, as its columns give it; the rest is read from its stored document.
    struct WindowTicket {
        let id: String
        let service: String?
        let severity: Int
        /// As stored (`tickets.status`).
        let status: String
        let customer: String?
        let channel: String?
        /// The `created_at` column, in seconds.
        let createdAtSeconds: Int64
    }

    /// Calls `body` with every ticket of `service` created from `start` to `end` (inclusive, seconds), other than
    /// `excluding`, in no set order, and its stored document, readable during the call.
    ///
    /// The documents are decoded only as far as `body` reads them: a window of tens of thousands of tickets whose root
    /// causes are compared costs a fraction of decompressing each (once per field) as `doc ->>` would.
    ///
    /// With no index on the service, every ticket of the window is read to see its service. When the window's tickets
    /// lie together in import order (tickets imported as they came), they are read in a walk over that stretch of the
    /// table rather than one lookup each from the creation index.
    func forEachTicketCreated(from start: Int64, to end: Int64, service: String, excluding id: String,
                              _ body: (WindowTicket, StoredDocumentReader) throws -> Void) throws {
        let document = StoredDocumentReader()
        let stretch = try connection.cached("""
            SELECT count(*), min(rowid), max(rowid) FROM tickets WHERE created_at >= ? AND created_at <= ?
            """).first([start, end]) { row in (count: row.int64(0), first: row.int64(1), last: row.int64(2)) }
        guard let stretch, stretch.count > 0 else { return }
        let statement: Statement
        var values: [any SQLBindable] = [start, end, service, id]
        if stretch.last - stretch.first < 2 * stretch.count {
            // `+created_at`: the walk over the rowids, not the creation index, drives the query.
            statement = try connection.cached("""
                SELECT id, service, severity, status, customer, channel, created_at, packed FROM tickets
                WHERE +created_at >= ? AND +created_at <= ? AND service = ? AND id <> ? AND rowid >= ? AND rowid <= ?
                """)
            values += [stretch.first, stretch.last]
        } else {
            statement = try connection.cached("""
                SELECT id, service, severity, status, customer, channel, created_at, packed FROM tickets
                WHERE created_at >= ? AND created_at <= ? AND service = ? AND id <> ?
                """)
        }
        try statement.forEachRow(values) { row in
            let ticket = WindowTicket(id: row.text(0), service: row.optionalText(1), severity: row.int(2), status: row.text(3),
                                      customer: row.optionalText(4), channel: row.optionalText(5),
                                      createdAtSeconds: row.int64(6))
            try row.withBlob(7) { packed in
                try document.start(packed)
                defer { document.finish() }
                try body(ticket, document)
            }
        }
    }

    /// The columns of an excerpt, its stored document last; the score follows them.
    private static let excerptColumns = """
        t.id AS id, t.service AS service, t.severity AS severity, t.status AS status, t.customer AS customer,
        t.channel AS channel, t.packed AS packed
        """

    /// Reads excerpts from rows of `excerptColumns` and a score, each document decompressed once (as far as its
    /// fields lie) where `doc ->>` would decompress it once per field.
    private static func excerptReader() -> (Row) throws -> TicketExcerpt {
        let document = StoredDocumentReader()
        return { row in
            try row.withBlob(6) { packed in
                try document.start(packed)
                defer { document.finish() }
                let created = try document.string("created_at"), resolved = try document.string("resolved_at")
                return TicketExcerpt(
                    id: row.text(0), title: try document.string("title") ?? "", service: row.optionalText(1),
                    severity: row.int(2), status: row.text(3), customer: row.optionalText(4), channel: row.optionalText(5),
                    createdAt: created.flatMap(Timestamp.init(iso8601:)), resolvedAt: resolved.flatMap(Timestamp.init(iso8601:)),
                    rootCause: try document.string("root_cause"), resolution: try document.string("resolution"),
                    description: Self.excerptOfDescription(try document.string("description") ?? ""), score: row.double(7))
            }
        }
    }

    /// The first `TicketExcerpt` description characters (Unicode scalars, as SQL's `substr` counts them).
    static func excerptOfDescription(_ description: String) -> String {
        let scalars = description.unicodeScalars
        guard let end = scalars.index(scalars.startIndex, offsetBy: excerptDescriptionLength, limitedBy: scalars.endIndex),
              end != scalars.endIndex else { return description }
        return String(scalars[..<end])
    }

    /// Characters of a description an excerpt keeps.
    static let excerptDescriptionLength = 4_000

    /// BM25 column weights as SQL arguments; numbers kb chose, never user text.
    private static func weightList(_ weights: [Double]) -> String {
        weights.map { "\($0)" }.joined(separator: ", ")
    }
}
