import Foundation

/// Reads of the `tickets` table for reviews, automations, gaps and training: typed filters in, typed rows out.
///
/// Where a reader needs a few fields of many tickets, SQLite's JSON functions pick them out of the stored
/// document, which costs a fraction of decoding every ticket into a `Ticket`.
extension Store {
    /// Calls `body` with every ticket `filter` selects, in creation order (then id).
    public func forEachTicket(_ filter: TicketFilter, _ body: (Ticket) throws -> Void) throws {
        let condition = filter.condition
        try connection.prepare("SELECT packed FROM tickets WHERE \(condition.sql) ORDER BY created_at, id")
            .forEachRow(condition.values) { row in
                try body(try row.withBlob(0) { try Store.decodeStored($0) })
            }
    }

    /// The tickets `filter` selects, in creation order (then id).
    public func tickets(_ filter: TicketFilter) throws -> [Ticket] {
        var tickets: [Ticket] = []
        try forEachTicket(filter) { tickets.append($0) }
        return tickets
    }

    /// The row id of the ticket with this id (its place in import order), nil when it is not stored.
    public func ticketRowID(id: String) throws -> Int64? {
        try connection.cached("SELECT rowid FROM tickets WHERE id = ?").first([id]) { row -> Int64 in row["rowid"] }
    }

    /// True when a ticket with this id is stored.
    public func hasTicket(id: String) throws -> Bool {
        try ticketRowID(id: id) != nil
    }

    /// The id of the most recently created ticket `filter` selects (ties: the smaller id).
    public func latestTicketID(_ filter: TicketFilter) throws -> String? {
        let condition = filter.condition
        return try connection.prepare("SELECT id FROM tickets WHERE \(condition.sql) ORDER BY created_at DESC, id LIMIT 1")
            .first(condition.values) { row -> String in row["id"] }
    }

    /// A resolved or closed ticket, as far as knowledge gaps need it.
    public struct SolvedTicket: Sendable, Equatable {
        public let id: String
        /// Nil when empty.
        public let service: String?
        public let title: String
        public let description: String
        /// Article ids the ticket names itself.
        public let articles: [String]
        /// Resolved, else closed, else created.
        public let solvedAt: Timestamp
        /// Empty when not given: what solved it and why it happened, the evidence gaps cluster and cover by.
        public var resolution = ""
        public var rootCause = ""
        public var tags: [String] = []
    }

    /// The resolved and closed tickets solved at or after `since`: the condition and its value.
    private static func solvedCondition(since: Timestamp) -> (sql: String, values: [any SQLBindable]) {
        ("status IN ('resolved', 'closed') AND coalesce(resolved_at, closed_at, created_at) >= ?", [since.seconds])
    }

    /// What a `SolvedTicket` reads of a row of `tickets`.
    private static let solvedColumns = """
        id, service, doc ->> '$.title' AS title, coalesce(doc ->> '$.description', '') AS description,
        doc ->> '$.articles' AS articles, coalesce(resolved_at, closed_at, created_at) AS solved_at,
        coalesce(doc ->> '$.resolution', '') AS resolution, coalesce(doc ->> '$.root_cause', '') AS root_cause,
        coalesce(doc -> '$.tags', '[]') AS tags
        """

    private static func solvedTicket(_ row: Row) -> SolvedTicket {
        let service: String? = row["service"]
        return SolvedTicket(id: row["id"], service: service.flatMap { $0.isEmpty ? nil : $0 }, title: row["title"],
                            description: row["description"], articles: Store.stringList(row["articles"] ?? "[]"),
                            solvedAt: Timestamp(seconds: row["solved_at"]), resolution: row["resolution"],
                            rootCause: row["root_cause"], tags: Store.stringList(row["tags"]))
    }

    /// Calls `body` with each resolved or closed ticket solved at or after `since`, in order of solving (then id),
    /// one at a time: a period of hundreds of thousands of tickets is never held in memory.
    public func forEachSolvedTicket(since: Timestamp, _ body: (SolvedTicket) throws -> Void) throws {
        let condition = Self.solvedCondition(since: since)
        try connection.prepare("SELECT \(Self.solvedColumns) FROM tickets WHERE \(condition.sql) ORDER BY solved_at, id")
            .forEachRow(condition.values) { try body(Self.solvedTicket($0)) }
    }

    /// Calls `body` with the id and the article ids named by each resolved or closed ticket solved at or after
    /// `since`, in no particular order (nothing else of the ticket is read).
    public func forEachSolvedTicketArticles(since: Timestamp, _ body: (_ id: String, _ articles: [String]) throws -> Void) throws {
        let condition = Self.solvedCondition(since: since)
        try connection.prepare("SELECT id, doc ->> '$.articles' AS articles FROM tickets WHERE \(condition.sql)")
            .forEachRow(condition.values) { row in try body(row["id"], Store.stringList(row["articles"] ?? "[]")) }
    }

    /// The ticket with this id as a `SolvedTicket` (whatever its status), or nil.
    public func solvedTicket(id: String) throws -> SolvedTicket? {
        try connection.cached("SELECT \(Self.solvedColumns) FROM tickets WHERE id = ?").first([id]) { Self.solvedTicket($0) }
    }

    /// A resolved or closed severity-5 request, as far as a training FAQ needs it: never its events.
    public struct SolvedRequest: Sendable, Equatable {
        public let id: String
        public let title: String
        public let resolution: String
        public let tags: [String]
        public let service: String?
        /// Closed, else resolved, else created, in seconds.
        public let finishedAt: Int64
        /// The description and every event's text, one per line: read only to tell whether the ticket held a secret.
        public let otherText: String
        /// The articles the ticket links (its `articles` field).
        public var articles: [String] = []
    }

    /// Calls `body` with every resolved or closed severity-5 request, oldest first.
    public func forEachSolvedRequest(_ body: (SolvedRequest) throws -> Void) throws {
        let statement = try connection.prepare("""
            SELECT id, service, coalesce(closed_at, resolved_at, created_at) AS finished_at,
                   coalesce(doc ->> '$.title', '') AS title, coalesce(doc ->> '$.resolution', '') AS resolution,
                   coalesce(doc -> '$.tags', '[]') AS tags, coalesce(doc -> '$.articles', '[]') AS articles,
                   coalesce(doc ->> '$.description', '') || char(10) || coalesce((SELECT group_concat(e.value ->> '$.text', char(10))
                       FROM json_each(doc, '$.events') AS e), '') AS other_text
            FROM tickets WHERE status IN ('resolved', 'closed') AND severity = 5
            ORDER BY created_at, id
            """)
        try statement.forEachRow { row in
            try body(SolvedRequest(id: row["id"], title: row["title"], resolution: row["resolution"],
                                   tags: Store.stringList(row["tags"]), service: row["service"], finishedAt: row["finished_at"],
                                   otherText: row["other_text"], articles: Store.stringList(row["articles"])))
        }
    }

    /// A request with the events that are manual work (`action`, `evidence`), as self-service proposals need it.
    public struct RequestWork: Sendable {
        public let id: String
        /// Empty when the ticket names none.
        public let service: String
        public let createdAt: Int64
        public let title: String
        /// In the order the document lists them, with time, kind and author only.
        public let workEvents: [TicketEvent]
        /// The ticket's tags and linked articles (its `articles` field), in its order.
        public var tags: [String] = []
        public var articles: [String] = []
    }

    /// Calls `body` with every request `filter` selects, in creation order (then id).
    public func forEachRequestWork(_ filter: TicketFilter, _ body: (RequestWork) throws -> Void) throws {
        let condition = filter.condition
        // The events travel as `at<US>kind<US>author` records separated by <RS>: one text per request.
        let statement = try connection.prepare("""
            SELECT id, coalesce(service, '') AS service, created_at, coalesce(doc ->> '$.title', '') AS title,
                coalesce(doc -> '$.tags', '[]') AS tags, coalesce(doc -> '$.articles', '[]') AS articles,
                (SELECT group_concat(coalesce(e.value ->> '$.at', '') || char(31) || (e.value ->> '$.kind') || char(31)
                                     || coalesce(e.value ->> '$.author', ''), char(30))
                 FROM json_each(doc, '$.events') AS e WHERE e.value ->> '$.kind' IN ('action', 'evidence')) AS work
            FROM tickets WHERE \(condition.sql) ORDER BY created_at, id
            """)
        try statement.forEachRow(condition.values) { row in
            try body(RequestWork(id: row["id"], service: row["service"], createdAt: row["created_at"], title: row["title"],
                                 workEvents: Store.workEvents(packed: row["work"] ?? ""), tags: Store.stringList(row["tags"]),
                                 articles: Store.stringList(row["articles"])))
        }
    }

    /// The events of `at<US>kind<US>author` records separated by `<RS>` (see `forEachRequestWork`).
    static func workEvents(packed: String) -> [TicketEvent] {
        var events: [TicketEvent] = []
        for record in packed.utf8.split(separator: 0x1E, omittingEmptySubsequences: true) {
            let fields = record.split(separator: 0x1F, maxSplits: 2, omittingEmptySubsequences: false)
            guard fields.count == 3, let at = Timestamp(iso8601: String(decoding: fields[0], as: UTF8.self)),
                  let kind = EventKind(rawValue: String(decoding: fields[1], as: UTF8.self)) else { continue }
            let author = fields[2].isEmpty ? nil : String(decoding: fields[2], as: UTF8.self)
            events.append(TicketEvent(at: at, kind: kind, author: author))
        }
        return events
    }

    // MARK: - People

    /// Every customer name the tickets carry (the `customer` column), blank ones left out.
    public func customerNames() throws -> Set<String> {
        var names = Set<String>()
        try connection.prepare("SELECT DISTINCT customer FROM tickets WHERE customer IS NOT NULL").forEachRow { row in
            let name: String = row["customer"]
            if !name.trimmingCharacters(in: .whitespaces).isEmpty { names.insert(name) }
        }
        return names
    }

    /// The assignees of the latest `limit` tickets imported, blank ones left out.
    public func recentAssignees(limit: Int) throws -> Set<String> {
        var names = Set<String>()
        try connection.prepare("""
            SELECT DISTINCT doc ->> '$.assignee' AS assignee FROM (SELECT doc FROM tickets ORDER BY rowid DESC LIMIT ?)
            """).forEachRow([limit]) { row in
            if let name: String = row["assignee"], !name.isEmpty { names.insert(name) }
        }
        return names
    }

    /// Every assignee and event author the tickets name, roles not told apart (cheaper than `ticketPeople`).
    public func assigneesAndAuthors() throws -> Set<String> {
        var names = Set<String>()
        try connection.prepare("""
            SELECT doc ->> '$.assignee' AS name FROM tickets WHERE doc ->> '$.assignee' IS NOT NULL
            UNION
            SELECT event.value ->> '$.author' FROM tickets, json_each(tickets.doc, '$.events') AS event
            WHERE event.value ->> '$.author' IS NOT NULL
            """).forEachRow { row in names.insert(row["name"]) }
        return names
    }

    /// The names tickets carry: customers, assignees, and event authors with whether they act for support.
    public struct TicketPeople: Sendable, Equatable {
        public var customers: Set<String> = []
        public var assignees: Set<String> = []
        /// Author → true when some event of theirs is support's work (not `created` or `customer_update`).
        public var authors: [String: Bool] = [:]
    }

    /// The names of the tickets with these ids, or of every ticket when `ids` is nil.
    public func ticketPeople(ids: [String]? = nil) throws -> TicketPeople {
        // The ids travel as one bound JSON array, however many there are.
        let scope = ids == nil ? "tickets" : "tickets WHERE id IN (SELECT value FROM json_each(?1))"
        var values: [any SQLBindable] = []
        if let ids {
            var writer = JSONWriter()
            writer.beginArray()
            for id in ids { writer.string(id) }
            writer.endArray()
            values = [writer.text]
        }
        var people = TicketPeople()
        try connection.prepare("SELECT DISTINCT customer, doc ->> '$.assignee' AS assignee FROM \(scope)")
            .forEachRow(values) { row in
                if let customer: String = row["customer"] { people.customers.insert(customer) }
                if let assignee: String = row["assignee"] { people.assignees.insert(assignee) }
            }
        try connection.prepare("""
            SELECT e.value ->> '$.author' AS author,
                   max(e.value ->> '$.kind' NOT IN ('created', 'customer_update')) AS acts_for_support
            FROM (SELECT doc FROM \(scope)) t, json_each(t.doc, '$.events') e
            WHERE e.value ->> '$.author' IS NOT NULL
            GROUP BY 1
            """).forEachRow(values) { row in
            let actsForSupport: Bool = row["acts_for_support"]
            people.authors[row["author"]] = actsForSupport
        }
        return people
    }

    /// The title of a stored ticket and, with `columns`, the texts of its full-text index's columns, read from its
    /// compressed document (`packed`) exactly as the `tickets_text` view gives them: title, description, resolution,
    /// root cause (empty when absent) and the events' texts (`kb_events_text`).
    ///
    /// Search shows a title and a snippet for each ticket it lists. Through SQL that is one decompression and one
    /// JSON parse per column of the view, plus one for the title; here it is one.
    static func indexedText(packed: UnsafeBufferPointer<UInt8>, columns: Bool) throws -> (title: String, columns: [[UInt8]]) {
        do {
            let document = try BlockCompressor.decompress(packed)
            return try document.withUnsafeBufferPointer { bytes in
                try JSONParser().tape(bytes).withRoot { root in
                    let title = root.member("title")?.stringValue ?? ""
                    guard columns else { return (title, []) }
                    return (title, indexedColumns(of: root))
                }
            }
        } catch {
            throw StoreError.corrupted(path: "tickets", detail: "a stored ticket does not decode: \(error)")
        }
    }

    /// The columns of `tickets_text` for the document `root`.
    private static func indexedColumns(of root: JSONParser.Tape.Value) -> [[UInt8]] {
        var columns = ["title", "description", "resolution", "root_cause"].map { root.member($0)?.withUTF8 { Array($0) } ?? [] }
        columns.append(eventsText(of: root))
        return columns
    }

    /// The events' non-empty texts of the document `root`, one per line: the last column of `tickets_text` (what
    /// `kb_events_text` gives the view, the same text as `Ticket.eventsText`).
    static func eventsText(of root: JSONParser.Tape.Value) -> [UInt8] {
        var events: [UInt8] = []
        for event in root.member("events")?.items ?? [] {
            guard let text = event.member("text")?.withUTF8({ Array($0) }), !text.isEmpty else { continue }
            if !events.isEmpty { events.append(UInt8(ascii: "\n")) }
            events += text
        }
        return events
    }
}
