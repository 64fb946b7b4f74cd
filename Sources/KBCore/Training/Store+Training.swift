extension Store {
    /// Author names that are roles or systems rather than people; hiding them would blank ordinary words
    /// ("soporte", "sistema") all over customer material.
    static let nonPersonAuthors: Set<String> = [
        "system", "sistema", "soporte", "support", "monitoreo", "monitoring", "monitor", "bot", "automation",
        "automatizacion", "admin", "root", "cliente", "customer", "agente", "agent", "n1", "n2", "n3",
    ]

    /// Distinct customer names and people's names (assignees and event authors) known to the store, sorted,
    /// for the redactor. Read with three SQL queries; ticket documents are not decoded.
    public func redactionNames() throws -> (customers: [String], people: [String]) {
        let customers = try connection.prepare("""
            SELECT DISTINCT customer FROM tickets WHERE customer IS NOT NULL AND trim(customer) <> ''
            """).map { $0.text(0) }
        var people = Set(try connection.prepare("""
            SELECT DISTINCT doc ->> '$.assignee' FROM tickets WHERE doc ->> '$.assignee' IS NOT NULL
            """).map { $0.text(0) })
        people.formUnion(try connection.prepare("""
            SELECT DISTINCT event.value ->> '$.author'
            FROM tickets, json_each(tickets.doc, '$.events') AS event
            WHERE event.value ->> '$.author' IS NOT NULL
            """).map { $0.text(0) })
        let persons = people.filter {
            let folded = TrainingBuilder.filterKey($0)
            return !folded.isEmpty && !Store.nonPersonAuthors.contains(folded)
        }
        let byteOrder: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (Set(customers).sorted(by: byteOrder), persons.sorted(by: byteOrder))
    }

    /// A redactor writing placeholders in `language` that also hides every customer and person the store knows.
    public func trainingRedactor(language: Language) throws -> Redactor {
        let names = try redactionNames()
        return Redactor(language: language, customerNames: names.customers, agentNames: names.people)
    }

    /// Calls `body` with the FAQ fields (title, resolution, tags, service, finish time) of every resolved or
    /// closed severity-5 ticket, oldest first. Only those fields are read: events, internal or public, are not.
    public func forEachFAQRequest(_ body: (FAQMiner.Request) throws -> Void) throws {
        let statement = try connection.prepare("""
            SELECT id, service, coalesce(closed_at, resolved_at, created_at), coalesce(doc ->> '$.title', ''),
                   coalesce(doc ->> '$.resolution', ''), coalesce(doc -> '$.tags', '[]')
            FROM tickets WHERE status IN ('resolved', 'closed') AND severity = 5
            ORDER BY created_at, id
            """)
        let parser = JSONParser()
        try statement.forEachRow { row in
            let tags = (try? parser.parse(row.text(5)))?.arrayValue?.compactMap(\.stringValue) ?? []
            try body(FAQMiner.Request(id: row.text(0), title: row.text(3), resolution: row.text(4), tags: tags,
                                      service: row.optionalText(1), finishedAt: row.int64(2)))
        }
    }
}
