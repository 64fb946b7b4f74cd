import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct StoreTrainingTests {
    static func ticket(_ id: String, severity: Int = 5, status: TicketStatus = .closed, customer: String? = "Acme Andina",
                       assignee: String? = "Rocío Fuentes", resolution: String? = "Hecho.", tags: [String] = [],
                       events: [TicketEvent] = []) -> Ticket {
        Ticket(id: id, title: "Solicitud \(id)", customer: customer, service: "correo", severity: severity, status: status,
               assignee: assignee, createdAt: Timestamp(seconds: 1_770_000_000), closedAt: Timestamp(seconds: 1_770_003_600),
               resolution: resolution, tags: tags, events: events)
    }

    static func store(_ directory: TemporaryDirectory, _ tickets: [Ticket]) throws -> Store {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        try store.connection.transaction {
            for ticket in tickets { try store.upsert(ticket) }
        }
        return store
    }

    @Test func collectsCustomersAssigneesAndEventAuthorsButNotRoles() throws {
        let directory = try TemporaryDirectory()
        let event = { (author: String) in TicketEvent(at: Timestamp(seconds: 1_770_000_100), kind: .comment, author: author) }
        let store = try Self.store(directory, [
            Self.ticket("T-1", events: [event("Matías Ibarra"), event("sistema")]),
            Self.ticket("T-2", customer: "Banco Austral", assignee: "Pedro Rojas", events: [event("N2"), event("Rocío Fuentes")]),
            Self.ticket("T-3", customer: nil, assignee: nil),
            Self.ticket("T-4", customer: "  "),
        ])
        defer { try? store.close() }
        let names = try store.redactionNames()
        #expect(names.customers == ["Acme Andina", "Banco Austral"])
        #expect(names.people == ["Matías Ibarra", "Pedro Rojas", "Rocío Fuentes"])
        let redactor = try store.trainingRedactor(language: .english)
        #expect(redactor.redact("Matías Ibarra de Banco Austral habló con el sistema")
                    == "[agent] de [customer] habló con el sistema")
    }

    @Test func faqRequestsAreResolvedSeverityFiveTicketsWithEventsOnlyToLookForSecrets() throws {
        let directory = try TemporaryDirectory()
        let internalEvent = TicketEvent(at: Timestamp(seconds: 1_770_000_100), kind: .comment, author: "ana",
                                        visibility: .internal, text: "MARCA-INTERNA-7Q")
        let store = try Self.store(directory, [
            Self.ticket("T-1", tags: ["password", "correo"], events: [internalEvent]),
            Self.ticket("T-2", status: .resolved, resolution: nil),
            Self.ticket("T-3", status: .inProgress),
            Self.ticket("T-4", severity: 3),
        ])
        defer { try? store.close() }
        var requests: [FAQMiner.Request] = []
        try store.forEachFAQRequest { requests.append($0) }
        #expect(requests.map(\.id) == ["T-1", "T-2"])
        #expect(requests[0] == FAQMiner.Request(id: "T-1", title: "Solicitud T-1", resolution: "Hecho.",
                                                tags: ["password", "correo"], service: "correo", finishedAt: 1_770_003_600,
                                                otherText: "\nMARCA-INTERNA-7Q"))
        #expect(requests[1].resolution == "")
    }
}
