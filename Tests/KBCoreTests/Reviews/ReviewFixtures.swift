import Foundation
import KBTestSupport
@testable import KBCore

/// Tickets and stores for the review tests.
enum ReviewFixtures {
    static let now = at("2026-11-01T12:00:00Z")

    static func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    static func event(_ time: String, _ kind: EventKind, _ author: String? = "ana", _ text: String = "",
                      visibility: Visibility = .public, status: TicketStatus? = nil, to: String? = nil,
                      severity: Int? = nil, attachments: [Attachment] = []) -> TicketEvent {
        TicketEvent(at: at(time), kind: kind, author: author, visibility: visibility, text: text, status: status, to: to,
                    severity: severity, attachments: attachments)
    }

    /// A marker planted in internal notes; customer output must never contain it.
    static let internalMarker = "NOTA-INTERNA-7731"

    /// An overnight severity 1 outage on a 12x5 plan (Santiago, UTC-03:00 in March): opened Tuesday 19:40, twenty
    /// minutes before support hours end; a vendor wait overnight; a customer wait the next morning; resolved
    /// Wednesday 11:00. Detected by the customer, monitoring noticed 15 minutes later.
    static var overnight: Ticket {
        Ticket(
            id: "T-2001", title: "Caída del portal: no carga el login",
            description: "Desde las 19:30 ningún usuario puede entrar al portal.\nEl login queda en blanco.",
            customer: "Banco Austral", plan: "12x5", timezone: "America/Santiago", service: "portal", severity: 1,
            status: .closed, channel: .telefono, assignee: "ana", level: "N2",
            createdAt: at("2026-03-03T19:40:00-03:00"), resolvedAt: at("2026-03-04T11:00:00-03:00"),
            closedAt: at("2026-03-04T11:30:00-03:00"),
            resolution: "Se instaló un certificado TLS nuevo en el balanceador.",
            rootCause: "Certificado TLS del balanceador vencido sin alerta previa.",
            tags: ["login", "certificado"],
            events: [
                event("2026-03-03T19:40:00-03:00", .created, "mesa", "Ticket creado por llamada del cliente"),
                event("2026-03-03T19:52:00-03:00", .comment, "ana", "Estamos revisando el acceso al portal."),
                event("2026-03-03T19:55:00-03:00", .detected, "monitoreo", "Alerta: certificado TLS vencido en el balanceador",
                      visibility: .internal),
                event("2026-03-03T20:10:00-03:00", .escalation, "ana", "Servicio crítico caído; se escala a N2", to: "N2"),
                event("2026-03-03T20:30:00-03:00", .escalation, "pedro", "Se requiere renovar el certificado con la certificadora",
                      to: "vendor:certificadora"),
                event("2026-03-03T20:31:00-03:00", .status, "pedro", "Esperando emisión del certificado", status: .waitingVendor),
                event("2026-03-03T22:15:00-03:00", .status, "pedro", "La certificadora emitió el certificado", status: .inProgress),
                event("2026-03-03T22:40:00-03:00", .action, "pedro", "Instalado el certificado nuevo en el balanceador",
                      visibility: .internal, attachments: [Attachment(name: "nginx.log", kind: "log")]),
                event("2026-03-03T22:45:00-03:00", .mitigated, "pedro", "Portal accesible nuevamente"),
                event("2026-03-03T23:00:00-03:00", .comment, "pedro", "El servicio está restablecido. Confirmaremos mañana con el cliente.",
                      attachments: [Attachment(name: "captura-login.png", kind: "screenshot")]),
                event("2026-03-04T08:30:00-03:00", .comment, "ana",
                      "\(internalMarker): el cliente pidió compensación; lo mismo le pasó a Mutual Andina, no mencionar.",
                      visibility: .internal),
                event("2026-03-04T09:00:00-03:00", .status, "ana", "Solicitamos confirmación al cliente", status: .waitingCustomer),
                event("2026-03-04T10:30:00-03:00", .customerUpdate, "Carla", "Confirmamos que funciona. Gracias, ana."),
                event("2026-03-04T10:31:00-03:00", .status, "ana", "", status: .inProgress),
                event("2026-03-04T11:00:00-03:00", .resolved, "ana", "Certificado renovado"),
                event("2026-03-04T11:30:00-03:00", .closed, "ana", "Cierre confirmado"),
            ])
    }

    /// Closed past incidents: two of the same certificate problem on the portal within 90 days, one unrelated.
    static var history: [Ticket] {
        func past(_ id: String, _ day: String, _ customer: String, _ service: String, _ title: String, _ cause: String,
                  _ resolution: String, status: TicketStatus = .closed) -> Ticket {
            Ticket(id: id, title: title, description: "Reporte del cliente", customer: customer, plan: "24x7", service: service,
                   severity: 1, status: status, channel: .ticketera, assignee: "luis",
                   createdAt: at(day + "T10:00:00-03:00"), resolvedAt: at(day + "T12:00:00-03:00"),
                   closedAt: at(day + "T13:00:00-03:00"), resolution: resolution, rootCause: cause,
                   events: [event(day + "T10:05:00-03:00", .comment, "luis", "Revisando")])
        }
        return [
            past("T-1900", "2026-01-20", "Mutual Andina", "portal", "Portal sin acceso: login en blanco",
                 "Certificado TLS vencido en el balanceador", "Renovación del certificado TLS"),
            past("T-1901", "2026-02-15", "Retail Sur", "portal", "No carga el login del portal por certificado",
                 "Certificado TLS del balanceador vencido", "Se reemplazó el certificado"),
            past("T-1902", "2025-10-01", "Retail Sur", "portal", "Login del portal lento", "Consulta lenta en base de datos",
                 "Índice agregado"),
            past("T-1903", "2026-02-20", "Banco Austral", "llamadas", "No entran llamadas", "Troncal SIP caída en el operador",
                 "El operador restableció la troncal"),
            // Same problem, but still open: never a related past incident.
            past("T-1904", "2026-02-25", "Retail Sur", "portal", "Login en blanco por certificado TLS vencido",
                 "Certificado TLS del balanceador vencido", "", status: .inProgress),
            // Same problem, but after the reviewed incident: not a past one.
            past("T-2100", "2026-04-10", "Retail Sur", "portal", "Login en blanco: certificado TLS vencido del balanceador",
                 "Certificado TLS del balanceador vencido", "Certificado renovado"),
            // Another customer reporting the same outage during the impact window.
            Ticket(id: "T-2002", title: "Portal no carga", description: "No podemos entrar", customer: "Mutual Andina",
                   plan: "24x7", service: "portal", severity: 1, status: .closed, channel: .correo,
                   createdAt: at("2026-03-03T20:05:00-03:00"), resolvedAt: at("2026-03-03T23:00:00-03:00"),
                   closedAt: at("2026-03-03T23:10:00-03:00"), resolution: "Resuelto con T-2001", rootCause: "Ver T-2001"),
        ]
    }

    /// Unrelated closed tickets, so the store's word statistics look like a real one's (BM25 gives words found
    /// in most tickets no weight: in a store of only related tickets, nothing would be rare).
    static func background(_ count: Int) -> [Ticket] {
        let topics: [(String, String, String, String)] = [
            ("reportes", "El reporte mensual no exporta a Excel", "Plantilla de exportación dañada", "Se regeneró la plantilla"),
            ("contrasenas", "Solicitud de cambio de contraseña de supervisor", "Solicitud del cliente", "Contraseña restablecida"),
            ("webchat", "El webchat no muestra mensajes nuevos", "Caché del navegador del agente", "Limpieza de caché"),
            ("llamadas", "Llamadas entrantes se cortan a los 30 segundos", "Temporizador SIP mal configurado", "Ajuste del temporizador"),
            ("estadisticas", "Las estadísticas del día no cuadran", "Proceso nocturno atrasado", "Reproceso de estadísticas"),
            ("mensajeria", "Los mensajes de WhatsApp llegan con demora", "Cola del proveedor saturada", "Se amplió la cola"),
            ("documentacion", "Necesitamos el manual de la API", "Consulta", "Se envió la documentación"),
            ("reportes", "Gráfico de atención por hora vacío", "Filtro de fechas invertido", "Corrección del filtro"),
        ]
        return (0..<count).map { index in
            let topic = topics[index % topics.count]
            let day = String(format: "2025-%02d-%02d", 6 + index % 6, 1 + index % 27)
            return Ticket(id: String(format: "T-0%03d", index), title: topic.1, description: "Detalle número \(index) del caso",
                          customer: "Cliente \(index % 5)", plan: "24x7", service: topic.0, severity: 3, status: .closed,
                          channel: .correo, assignee: "luis", createdAt: at(day + "T10:00:00-03:00"),
                          resolvedAt: at(day + "T15:00:00-03:00"), closedAt: at(day + "T16:00:00-03:00"),
                          resolution: topic.3, rootCause: topic.2)
        }
    }

    /// A store in `directory` holding `tickets`.
    static func store(in directory: TemporaryDirectory, tickets: [Ticket]) throws -> Store {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        try store.connection.transaction {
            for ticket in tickets { try store.upsert(ticket) }
        }
        return store
    }

    /// The query builder a workspace without synonyms uses.
    static func builder(for store: Store) -> QueryBuilder {
        QueryBuilder(termSource: store.tokenizer.source(for: nil))
    }

    /// The built-in templates with the words of a language.
    static func renderer(_ language: Language = .spanish) throws -> ReviewRenderer {
        ReviewRenderer(templates: try TemplateSet(directories: [], builtIn: BuiltInTemplates.sources, words: language.catalogue))
    }
}
