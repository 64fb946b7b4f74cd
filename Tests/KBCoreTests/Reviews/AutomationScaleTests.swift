import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Mining time over a large synthetic store. Runs only when `KB_AUTOMATION_BENCH` gives a ticket count
/// (e.g. `KB_AUTOMATION_BENCH=1000000 swift test -c release --filter AutomationScaleTests`): building the
/// store takes minutes, too long for every test run. With `KB_AUTOMATION_BENCH_DB=PATH` the store is written
/// there and kept, to time `kb automations` on it. Of every 100 tickets, 5 are closed severity 1–2 incidents and
/// 20 closed requests; `KB_AUTOMATION_BENCH_INCIDENTS` and `KB_AUTOMATION_BENCH_REQUESTS` change those shares
/// (the demo generator's families give about 14 and 30).
@Suite struct AutomationScaleTests {
    static let ticketCount = Int(ProcessInfo.processInfo.environment["KB_AUTOMATION_BENCH"] ?? "") ?? 0
    static let incidentShare = Int(ProcessInfo.processInfo.environment["KB_AUTOMATION_BENCH_INCIDENTS"] ?? "") ?? 5
    static let requestShare = Int(ProcessInfo.processInfo.environment["KB_AUTOMATION_BENCH_REQUESTS"] ?? "") ?? 20

    /// Recurring problems: five steps in three wordings each, a root cause in three wordings, a vendor.
    static func family(_ number: Int) -> (service: String, steps: [[String]], causes: [String], vendor: String) {
        let services = ["portal", "llamadas", "webchat", "mensajeria", "reportes", "estadisticas"]
        let object = ["servicio de colas", "balanceador", "troncal SIP", "certificado TLS", "nodo de webchat",
                      "pool de conexiones", "CDN", "proveedor SMS"][number % 8] + " \(number)"
        let steps = [["Revisión", "Se revisa", "Revisamos"], ["Reinicio", "Se reinició", "Reiniciamos"],
                     ["Ajuste de configuración", "Se ajusta la configuración", "Ajustamos la configuración"],
                     ["Prueba", "Se prueba", "Probamos"], ["Verificación final", "Se verifica", "Verificamos"]]
            .map { verbs in verbs.map { "\($0) del \(object)" } }
        let causes = ["Falla del \(object) por saturación de memoria", "Saturación de memoria en el \(object)",
                      "El \(object) se quedó sin memoria y dejó de responder"]
        return (services[number % services.count], steps, causes, ["vendor:telco-andina", "vendor:cloudsms", "N2", "N3"][number % 4])
    }

    static func incident(_ index: Int, created: Int64) -> Ticket {
        let family = family(index % 40)
        let createdAt = Timestamp(seconds: created, offsetSeconds: -3 * 3_600)
        func at(_ minute: Int) -> Timestamp { Timestamp(seconds: created + Int64(minute) * 60, offsetSeconds: -3 * 3_600) }
        var events = [TicketEvent(at: createdAt, kind: .created, author: "cliente", visibility: .public, text: "Caso creado desde la ticketera"),
                      TicketEvent(at: at(4), kind: .assigned, author: "ana", text: "Asignado a ana (N1)"),
                      TicketEvent(at: at(9), kind: .comment, author: "ana", visibility: .public,
                                  text: "Hola, recibimos su reporte y ya lo estamos revisando.")]
        if index % 3 == 0 {
            events.append(TicketEvent(at: at(12), kind: .comment, author: "ana", visibility: .public,
                                      text: "¿Nos puede enviar una captura de pantalla del error y la hora exacta?"))
        }
        for (step, wordings) in family.steps.enumerated() {
            events.append(TicketEvent(at: at(15 + step * 12), kind: .action, author: "ana", text: wordings[(index / 40 + step) % 3]))
            if step == 1 { events.append(TicketEvent(at: at(30), kind: .escalation, author: "ana", text: "Escalado", to: family.vendor)) }
        }
        events.append(TicketEvent(at: at(90), kind: .resolved, author: "ana", visibility: .public, text: "Servicio restablecido"))
        events.append(TicketEvent(at: at(200), kind: .closed, author: "ana", visibility: .public, text: "Cierre confirmado"))
        return Ticket(id: String(format: "T-%07d", index), title: "Falla en \(family.service)", description: "Sin servicio",
                      customer: "Cliente \(index % 50)", plan: index % 2 == 0 ? "24x7" : "12x5", timezone: "America/Santiago",
                      service: family.service, severity: 1 + index % 2, status: .closed, channel: index % 4 == 0 ? .monitoreo : .ticketera,
                      createdAt: createdAt, resolvedAt: at(90), closedAt: at(200), rootCause: family.causes[(index / 40) % 3],
                      events: events)
    }

    static func request(_ index: Int, created: Int64) -> Ticket {
        let createdAt = Timestamp(seconds: created, offsetSeconds: -3 * 3_600)
        let titles = ["Cambio de contraseña del usuario u\(index % 997)", "Solicitud de manual de reportes", "Alta de agente nuevo a\(index % 89)"]
        return Ticket(id: String(format: "T-%07d", index), title: titles[index % 3], service: "contrasenas", severity: 5, status: .closed,
                      channel: .correo, createdAt: createdAt, resolvedAt: Timestamp(seconds: created + 1_800), closedAt: Timestamp(seconds: created + 3_600),
                      events: [TicketEvent(at: createdAt, kind: .created, author: "cliente", visibility: .public, text: "Solicitud"),
                               TicketEvent(at: Timestamp(seconds: created + 600), kind: .action, author: "ana", text: "Cambio realizado")])
    }

    @Test(.enabled(if: ticketCount > 0, "set KB_AUTOMATION_BENCH to a ticket count to run"))
    func miningScalesToLargeStores() throws {
        let directory = try TemporaryDirectory()
        let path = ProcessInfo.processInfo.environment["KB_AUTOMATION_BENCH_DB"] ?? directory.url.appendingPathComponent("kb.sqlite").path
        let store = try Store(path: path)
        defer { try? store.close() }
        let start = Timestamp(iso8601: "2024-11-01T00:00:00Z")!.seconds
        let count = Self.ticketCount
        let step = Int64(2 * 365 * 86_400) / Int64(count)
        var incidents = 0, requests = 0
        let building = Date()
        // Rows go straight into `tickets`: the miner never reads the full-text index, and building it would take most of the time.
        try store.connection.transaction {
            let insert = try store.connection.prepare("""
                INSERT INTO tickets(id, severity, status, service, customer, plan, channel, created_at, resolved_at, closed_at, hash, doc)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, '', ?)
                """)
            for index in 0..<count {
                let created = start + Int64(index) * step
                let ticket: Ticket
                switch index % 100 {
                case 0..<Self.incidentShare:
                    ticket = Self.incident(index, created: created)
                    incidents += 1
                case Self.incidentShare..<(Self.incidentShare + Self.requestShare):
                    ticket = Self.request(index, created: created)
                    requests += 1
                default:
                    try insert.execute([String(format: "T-%07d", index), 3, "closed", "portal", nil as String?, nil as String?,
                                        "correo", created, nil as Int64?, nil as Int64?, "{}"])
                    continue
                }
                try insert.execute([ticket.id, ticket.severity, ticket.status.rawValue, ticket.service, ticket.customer, ticket.plan,
                                    ticket.channel?.rawValue, created, ticket.resolvedAt?.seconds, ticket.closedAt?.seconds, ticket.jsonText()])
            }
        }
        let built = Date().timeIntervalSince(building)
        let mining = Date()
        let options = AutomationOptions(now: Timestamp(iso8601: "2026-11-01T12:00:00Z")!)
        let report = try AutomationMiner(policy: .default, options: options).report(store: store)
        let seconds = Date().timeIntervalSince(mining)
        print("automation scale: \(count) tickets (\(incidents) incidents, \(requests) requests) built in "
              + "\(Int(built)) s; mined in \(JSONWriter.format(seconds, decimals: 2)) s; \(report.proposals.count) proposals")
        #expect(report.incidentsExamined == incidents)
        #expect(report.requestsExamined == requests)
        #expect(report.proposals.contains { $0.kind == .runbook })
    }
}
