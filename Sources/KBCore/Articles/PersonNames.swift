import Foundation

/// The names of people the ticket store knows, for the redactor: customers (companies and the contacts
/// who write in) and support agents.
public struct PersonNames: Sendable, Equatable {
    /// Customer companies and contacts, sorted.
    public var customers: [String]
    /// Agents (assignees and authors of the team's events), sorted.
    public var agents: [String]

    public init(customers: [String] = [], agents: [String] = []) {
        self.customers = customers
        self.agents = agents
    }

    /// Event authors that name a system or a role, not a person; redacting them would blank out
    /// ordinary words ("monitoreo") all over the text.
    public static let nonPersonAuthors: Set<String> = [
        "sistema", "system", "monitoreo", "monitoring", "bot", "automatico", "automatic", "automation", "soporte",
        "support", "mesa", "helpdesk", "n1", "n2", "n3", "cliente", "customer", "proveedor", "vendor",
    ]

    /// Reads the names from the store: each ticket's customer, the authors of `created` and
    /// `customer_update` events (the customer's contacts) and the assignees and authors of every other
    /// event (agents). A name seen in both roles counts as an agent; vendor references (`vendor:x`) and
    /// the system authors above are left out.
    public static func load(from store: Store) throws -> PersonNames {
        var customers = Set<String>()
        var agents = Set<String>()
        try store.connection.prepare("SELECT DISTINCT customer FROM tickets WHERE customer IS NOT NULL").forEachRow { row in
            customers.insert(row.text(0))
        }
        try store.connection.prepare("SELECT DISTINCT doc ->> '$.assignee' FROM tickets WHERE doc ->> '$.assignee' IS NOT NULL")
            .forEachRow { row in agents.insert(row.text(0)) }
        let sql = """
            SELECT e.value ->> '$.author', max(e.value ->> '$.kind' NOT IN ('created', 'customer_update'))
            FROM tickets t, json_each(t.doc, '$.events') e
            WHERE e.value ->> '$.author' IS NOT NULL
            GROUP BY 1
            """
        try store.connection.prepare(sql).forEachRow { row in
            if row.int(1) == 1 { agents.insert(row.text(0)) } else { customers.insert(row.text(0)) }
        }
        func keep(_ name: String) -> Bool {
            let trimmed = name.trimmingCharacters(in: .whitespaces)
            return !trimmed.isEmpty && !trimmed.contains(":") && !nonPersonAuthors.contains(AccentFolding.fold(trimmed))
        }
        let agentList = agents.filter(keep)
        let customerList = customers.subtracting(agentList).filter(keep)
        return PersonNames(customers: customerList.sorted(by: byteOrder), agents: agentList.sorted(by: byteOrder))
    }

    /// A redactor that hides these names, with placeholders in `language`.
    public func redactor(language: Redactor.Language) -> Redactor {
        Redactor(language: language, customerNames: customers, agentNames: agents)
    }

    private static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
