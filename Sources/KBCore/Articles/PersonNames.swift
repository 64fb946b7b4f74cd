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
    /// the system authors above are left out. With `ticketIDs`, only those tickets are read (the names
    /// that can appear in their text), which is much cheaper than reading every timeline.
    public static func load(from store: Store, ticketIDs: [String]? = nil) throws -> PersonNames {
        let people = try store.ticketPeople(ids: ticketIDs)
        var customers = people.customers
        var agents = people.assignees
        for (author, actsForSupport) in people.authors {
            if actsForSupport { agents.insert(author) } else { customers.insert(author) }
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
    public func redactor(language: Language) -> Redactor {
        Redactor(language: language, customerNames: customers, agentNames: agents)
    }

    private static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
