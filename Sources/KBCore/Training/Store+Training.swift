import Foundation

extension Store {
    /// Author names that are roles or systems rather than people; hiding them would blank ordinary words
    /// ("soporte", "sistema") all over customer material.
    static let nonPersonAuthors: Set<String> = [
        "system", "sistema", "soporte", "support", "monitoreo", "monitoring", "monitor", "bot", "automation",
        "automatizacion", "admin", "root", "cliente", "customer", "agente", "agent", "n1", "n2", "n3",
    ]

    /// Distinct customer names and people's names (assignees and event authors) known to the store, sorted,
    /// for the redactor; ticket documents are not decoded.
    public func redactionNames() throws -> (customers: [String], people: [String]) {
        let customers = try customerNames()
        let people = try assigneesAndAuthors()
        let persons = people.filter {
            let folded = TrainingBuilder.filterKey($0)
            return !folded.isEmpty && !Store.nonPersonAuthors.contains(folded)
        }
        let byteOrder: (String, String) -> Bool = { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (customers.sorted(by: byteOrder), persons.sorted(by: byteOrder))
    }

    /// A redactor writing placeholders in `language` that also hides every customer and person the store knows.
    public func trainingRedactor(language: Language) throws -> Redactor {
        let names = try redactionNames()
        return Redactor(language: language, customerNames: names.customers, agentNames: names.people)
    }

    /// Calls `body` with the FAQ fields (title, resolution, tags, service, finish time) of every resolved or
    /// closed severity-5 ticket, oldest first. Only those fields reach the FAQ; the description and the events'
    /// texts come along only to tell whether the ticket held a secret.
    public func forEachFAQRequest(_ body: (FAQMiner.Request) throws -> Void) throws {
        try forEachSolvedRequest { request in
            try body(FAQMiner.Request(id: request.id, title: request.title, resolution: request.resolution, tags: request.tags,
                                      service: request.service, finishedAt: request.finishedAt, otherText: request.otherText,
                                      articles: request.articles))
        }
    }
}
