import Foundation
import KBTestSupport
@testable import KBCore

/// Tickets, stores and articles for the writers' tests (drafts, links, gaps).
enum WriterFixtures {
    static func time(_ text: String) -> Timestamp {
        Timestamp(iso8601: text)!
    }

    /// A closed ticket with a full timeline: customer words, public steps, internal notes, personal data.
    static func closedTicket(id: String = "T-1042", title: String = "No carga el login del portal",
                             service: String? = "portal", rootCause: String? = "El certificado TLS del balanceador venció.",
                             status: TicketStatus = .closed) -> Ticket {
        Ticket(
            id: id, title: title,
            description: "Desde las 9:00 la pantalla de login queda en blanco.\nEscriban a maria.perez@acme.cl o al +56 9 8765 4321.",
            customer: "Banco Austral", plan: "12x5", timezone: "America/Santiago", service: service, severity: 2,
            status: status, channel: .correo, assignee: "ana", level: "N2",
            createdAt: time("2026-03-02T09:14:00-03:00"), resolvedAt: time("2026-03-02T11:00:00-03:00"),
            closedAt: time("2026-03-02T12:00:00-03:00"),
            resolution: "Se renovó el certificado TLS del balanceador.", rootCause: rootCause,
            tags: ["login", "certificado"],
            events: [
                TicketEvent(at: time("2026-03-02T09:14:00-03:00"), kind: .created, author: "María Pérez", text: "Ticket creado por correo"),
                TicketEvent(at: time("2026-03-02T09:30:00-03:00"), kind: .customerUpdate, author: "María Pérez",
                            text: "También falla desde el celular, el servidor 10.2.3.4 responde lento."),
                TicketEvent(at: time("2026-03-02T09:40:00-03:00"), kind: .action, author: "ana", visibility: .public,
                            text: "Revisar la fecha de vencimiento del certificado en el balanceador."),
                TicketEvent(at: time("2026-03-02T09:50:00-03:00"), kind: .comment, author: "ana", visibility: .internal,
                            text: "NOTA-INTERNA-7: ana revisa con el proveedor del certificado."),
                TicketEvent(at: time("2026-03-02T10:30:00-03:00"), kind: .comment, author: "ana", visibility: .public,
                            text: "Pedimos al cliente borrar la caché del navegador y reintentar."),
                TicketEvent(at: time("2026-03-02T11:00:00-03:00"), kind: .resolved, author: "ana",
                            text: "Se renovó el certificado TLS del balanceador."),
                TicketEvent(at: time("2026-03-02T11:30:00-03:00"), kind: .customerUpdate, author: "María Pérez",
                            text: "Gracias, ya funciona."),
            ])
    }

    /// A store in `directory`, with `tickets` upserted.
    static func store(in directory: TemporaryDirectory, tickets: [Ticket]) throws -> Store {
        let store = try Store(path: directory.url.appendingPathComponent(".kb/kb.sqlite").path)
        try store.connection.transaction {
            for ticket in tickets { try store.upsert(ticket) }
        }
        return store
    }

    /// A minimal resolved ticket for gap analysis.
    static func solved(_ id: String, _ title: String, _ description: String, service: String?, resolvedAt: String,
                       status: TicketStatus = .resolved, articles: [String] = []) -> Ticket {
        let solvedAt = time(resolvedAt)
        let isSolved = status == .resolved || status == .closed
        return Ticket(id: id, title: title, description: description, customer: "Cliente Uno", service: service, severity: 3,
                      status: status, createdAt: Timestamp(seconds: solvedAt.seconds - 3600), resolvedAt: isSolved ? solvedAt : nil,
                      resolution: "Resuelto.", articles: articles)
    }

    /// The built-in templates with the words of a language.
    static func templates(_ language: Language = .spanish) throws -> TemplateSet {
        try TemplateSet(directories: [], builtIn: BuiltInTemplates.sources, words: language.catalogue)
    }
}
