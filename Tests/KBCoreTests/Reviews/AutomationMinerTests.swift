import Foundation
import Testing
@testable import KBCore

/// Small incidents for automation tests: answered in 5 minutes and resolved in an hour under 24x7
/// (no SLA breach), detected by monitoring on the portal, unless a test says otherwise.
enum AutomationFixtures {
    /// Monday 2 March 2026, 10:00 in Santiago.
    static let monday = Timestamp(iso8601: "2026-03-02T10:00:00-03:00")!
    static let now = Timestamp(iso8601: "2026-11-01T12:00:00Z")!

    /// One timeline entry, `minute` minutes after creation.
    struct Step {
        var minute: Int
        var kind: EventKind
        var text: String
        var author: String = "ana"
        var visibility: Visibility = .internal
        var to: String?
    }

    static func action(_ minute: Int, _ text: String, by author: String = "ana") -> Step {
        Step(minute: minute, kind: .action, text: text, author: author)
    }

    static func escalation(_ minute: Int, to target: String) -> Step {
        Step(minute: minute, kind: .escalation, text: "Escalado a \(target)", to: target)
    }

    static func ask(_ minute: Int, _ text: String) -> Step {
        Step(minute: minute, kind: .comment, text: text, visibility: .public)
    }

    static func incident(
        _ id: String, service: String = "portal", severity: Int = 1, status: TicketStatus = .closed, day: Int = 0,
        hour: Int = 0, channel: Channel = .monitoreo, plan: String = "24x7", steps: [Step] = [], rootCause: String? = nil,
        articles: [String] = [], resolvedAfterMinutes: Int = 60, title: String = "Incidente de prueba"
    ) -> Ticket {
        let created = Timestamp(seconds: monday.seconds + Int64(day) * 86_400 + Int64(hour) * 3_600, offsetSeconds: -3 * 3_600)
        func at(_ minute: Int) -> Timestamp { Timestamp(seconds: created.seconds + Int64(minute) * 60, offsetSeconds: -3 * 3_600) }
        var events = [TicketEvent(at: created, kind: .created, author: "cliente", visibility: .public, text: "Caso creado")]
        events.append(TicketEvent(at: at(5), kind: .comment, author: "ana", visibility: .public, text: "Estamos revisando."))
        for step in steps {
            events.append(TicketEvent(at: at(step.minute), kind: step.kind, author: step.author, visibility: step.visibility,
                                      text: step.text, to: step.to))
        }
        let resolved = at(resolvedAfterMinutes)
        events.append(TicketEvent(at: resolved, kind: .resolved, author: "ana", visibility: .public, text: "Resuelto"))
        return Ticket(
            id: id, title: title, customer: "Acme", plan: plan, timezone: "America/Santiago", service: service,
            severity: severity, status: status, channel: channel, assignee: "ana", createdAt: created, resolvedAt: resolved,
            closedAt: at(resolvedAfterMinutes + 60), rootCause: rootCause, articles: articles, events: events)
    }

    static func request(_ id: String, title: String, service: String = "contrasenas", day: Int = 0, steps: [Step] = []) -> Ticket {
        incident(id, service: service, severity: 5, day: day, channel: .ticketera, steps: steps, title: title)
    }

    static func options(_ minimum: Int = 3, language: Language = .spanish, since: Timestamp? = nil,
                        until: Timestamp? = nil) -> AutomationOptions {
        AutomationOptions(now: now, since: since, until: until, minimumOccurrences: minimum, language: language)
    }

    static func report(_ tickets: [Ticket], options: AutomationOptions = options(), linked: Set<String> = []) throws -> AutomationReport {
        try AutomationMiner(policy: .default, options: options).report(tickets: tickets, linkedTickets: linked)
    }

    /// Three incidents doing the same manual action in three wordings, plus two unrelated ones.
    static func plantedRunbook(severity: Int = 1) -> [Ticket] {
        [
            incident("T-1", severity: severity, steps: [action(10, "Reinicio del servicio de colas"), action(20, "Limpieza de la caché del CDN")]),
            incident("T-2", severity: severity, day: 1, steps: [action(10, "Revisión del certificado TLS"), action(25, "se reinició el servicio de colas")]),
            incident("T-3", severity: severity, day: 2, steps: [action(10, "Reiniciamos el servicio de colas"), action(30, "Rotación de credenciales SMTP")]),
            incident("T-4", severity: severity, day: 3, steps: [action(10, "Ajuste del timeout del balanceador")]),
            incident("T-5", severity: severity, day: 4, steps: [action(10, "Actualización de la plantilla de correo")]),
        ]
    }
}

@Suite struct AutomationMinerTests {
    typealias F = AutomationFixtures

    @Test func oneActionWordedThreeWaysIsOneRunbookWithExactlyItsTickets() throws {
        let report = try F.report(F.plantedRunbook())
        let runbooks = report.proposals.filter { $0.kind == .runbook }
        try #require(runbooks.count == 1)
        let runbook = runbooks[0]
        #expect(runbook.evidence == ["T-1", "T-2", "T-3"])
        #expect(runbook.occurrences == 3)
        #expect(runbook.steps.count == 1)
        #expect(["Reinicio del servicio de colas", "Reiniciamos el servicio de colas", "se reinició el servicio de colas"]
            .contains(runbook.steps[0]))
        #expect(runbook.title.hasPrefix("Automatizar «"))
        // Each of the three incidents: ana's only counted action is the first (10 min) or follows the first by 15/20 min.
        #expect(runbook.manualMinutes == 10 + 15 + 10)
        #expect(report.proposals.count == 1)
    }

    @Test func draftRunbookIsTheMostCommonSequenceInOrder() throws {
        let tickets = (1...4).map { number in
            F.incident("T-\(number)", day: number, steps: [
                F.action(10, number % 2 == 0 ? "Reiniciamos el servicio de colas" : "Reinicio del servicio de colas"),
                F.action(20, "Conmutación a la troncal de respaldo"),
                F.action(40, "Retorno a la troncal principal"),
            ])
        } + [F.incident("T-5", day: 5, steps: [F.action(10, "Conmutación a la troncal de respaldo")]),
             F.incident("T-6", day: 6, steps: [F.action(10, "Conmutación a la troncal de respaldo")])]
        let report = try F.report(tickets)
        let runbooks = report.proposals.filter { $0.kind == .runbook }
        // The switch-over (6 incidents) leads; the other two steps are covered by its draft in the same incidents.
        try #require(runbooks.count == 1)
        #expect(runbooks[0].evidence == ["T-1", "T-2", "T-3", "T-4", "T-5", "T-6"])
        #expect(runbooks[0].steps.count == 3)
        #expect(runbooks[0].steps[1] == "Conmutación a la troncal de respaldo")
        #expect(runbooks[0].steps[2] == "Retorno a la troncal principal")
        #expect(runbooks[0].steps[0].contains("servicio de colas"))
    }

    @Test func aPatternSeenOnceOrTwiceProducesNothing() throws {
        let tickets = [
            F.incident("T-1", channel: .ticketera, steps: [F.action(10, "Reinicio del servicio de colas"), F.escalation(12, to: "vendor:cloudsms")],
                       rootCause: "Memoria agotada en el broker de colas"),
            F.incident("T-2", day: 1, channel: .ticketera, steps: [F.action(10, "Reiniciamos el servicio de colas"), F.escalation(15, to: "vendor:cloudsms")],
                       rootCause: "Memoria agotada en el broker de colas"),
            F.incident("T-3", day: 2, steps: [F.action(10, "Ajuste del timeout del balanceador")]),
        ]
        #expect(try F.report(tickets).proposals.isEmpty)
        #expect(try F.report(Array(tickets.prefix(1)), options: F.options(2)).proposals.isEmpty)
        #expect(try !F.report(tickets, options: F.options(2)).proposals.isEmpty)
    }

    @Test(arguments: [3, 4])
    func severityThreeAndFourAreIgnored(severity: Int) throws {
        let report = try F.report(F.plantedRunbook(severity: severity))
        #expect(report.proposals.isEmpty)
        #expect(report.incidentsExamined == 0)
    }

    @Test func openTicketsAreIgnored() throws {
        let tickets = F.plantedRunbook().map { ticket -> Ticket in
            var open = ticket
            open.status = .resolved
            return open
        }
        #expect(try F.report(tickets).proposals.isEmpty)
    }

    @Test func customerReportedWebchatIncidentsAskForMonitoring() throws {
        let tickets = [
            F.incident("T-1", service: "webchat", channel: .chat),
            F.incident("T-2", service: "webchat", day: 1, channel: .correo),
            F.incident("T-3", service: "webchat", day: 2, channel: .ticketera),
            F.incident("T-4", service: "webchat", day: 3, channel: .monitoreo),
            // Monitoring saw it two minutes before the customer called.
            F.incident("T-5", service: "webchat", day: 4, channel: .telefono, steps: [
                .init(minute: -2, kind: .detected, text: "Alerta de monitoreo", author: "monitoreo"),
            ]),
            // Reported by customers, but reports are not a monitorable service.
            F.incident("T-6", service: "reportes", channel: .correo),
            F.incident("T-7", service: "reportes", day: 1, channel: .correo),
            F.incident("T-8", service: "reportes", day: 2, channel: .correo),
        ]
        let report = try F.report(tickets)
        let alerts = report.proposals.filter { $0.kind == .monitoringAlert }
        try #require(alerts.count == 1)
        #expect(alerts[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(alerts[0].services == ["webchat"])
        #expect(alerts[0].rationale.contains("3 de 5 incidentes de webchat"))
        #expect(alerts[0].consistency == 0.6)
    }

    @Test func repeatedEscalationToOneVendorIsARule() throws {
        let tickets = [
            F.incident("T-1", service: "mensajeria", steps: [F.action(5, "Revisión del log de envíos"), F.escalation(20, to: "vendor:cloudsms")]),
            F.incident("T-2", service: "mensajeria", day: 1, steps: [F.escalation(10, to: "vendor:cloudsms")]),
            F.incident("T-3", service: "mensajeria", day: 2, steps: [F.escalation(40, to: "vendor:cloudsms"), F.escalation(50, to: "vendor:cloudsms")]),
            F.incident("T-4", service: "mensajeria", day: 3, steps: [F.escalation(10, to: "N2")]),
        ]
        let report = try F.report(tickets)
        let rules = report.proposals.filter { $0.kind == .escalationRule }
        try #require(rules.count == 1)
        #expect(rules[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(rules[0].title == "Escalar automáticamente a proveedor Cloudsms los incidentes de mensajeria")
        // Median of 20, 10 and 40 minutes; only T-1 had work (10 min) before escalating.
        #expect(rules[0].rationale.contains("mediana desde la creación: 20 min."))
        #expect(rules[0].manualMinutes == 10)
        #expect(rules[0].consistency == 0.75)
    }

    @Test func slowEscalationIsSaidButStillNeedsTheMinimum() throws {
        let slow = (0..<3).map { F.incident("T-\($0 + 1)", service: "llamadas", day: $0, steps: [F.escalation(90 + $0 * 10, to: "vendor:telco-andina")]) }
        let rules = try F.report(slow).proposals.filter { $0.kind == .escalationRule }
        try #require(rules.count == 1)
        #expect(rules[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(rules[0].rationale.hasSuffix("mediana desde la creación: 100 min, más que el umbral de 30 min."))
        #expect(rules[0].title.contains("proveedor Telco Andina"), "a vendor is named, not its slug")
        #expect(!rules[0].title.contains("vendor:") && !rules[0].rationale.contains("vendor:"))
        #expect(try F.report(Array(slow.prefix(2))).proposals.isEmpty)
    }

    @Test func recurringCauseWithoutArticleGivesProblemAndArticle() throws {
        let causes = [
            "El certificado TLS del portal venció y la renovación automática falló",
            "Certificado TLS del portal vencido: la renovación automática falló",
            "La renovación automática del certificado TLS del portal falló y el certificado venció",
        ]
        var tickets = causes.enumerated().map { F.incident("T-\($0.offset + 1)", day: $0.offset, rootCause: $0.element) }
        tickets.append(F.incident("T-4", day: 4, rootCause: "Caché del CDN con archivos antiguos tras el despliegue"))
        tickets.append(F.incident("T-5", service: "webchat", day: 5, rootCause: causes[0]))

        let report = try F.report(tickets)
        let problems = report.proposals.filter { $0.kind == .problemRecord }
        try #require(problems.count == 1)
        #expect(problems[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(problems[0].title.contains("portal"))
        let articles = report.proposals.filter { $0.kind == .knowledgeArticle }
        #expect(articles.map(\.evidence) == [["T-1", "T-2", "T-3"]])

        var named = tickets
        named[1].articles = ["KB-0001"]
        #expect(try F.report(named).proposals.filter { $0.kind == .knowledgeArticle }.isEmpty)
        #expect(try F.report(tickets, linked: ["T-3"]).proposals.filter { $0.kind == .knowledgeArticle }.isEmpty)
        #expect(try F.report(tickets, linked: ["T-5"]).proposals.filter { $0.kind == .knowledgeArticle }.count == 1)
    }

    @Test func repeatedEvidenceRequestIsAnIntakeField() throws {
        let tickets = [
            F.incident("T-1", steps: [F.ask(8, "Por favor adjunte una captura de pantalla del error y el archivo HAR")]),
            F.incident("T-2", day: 1, steps: [F.ask(8, "Por favor, adjunte una captura de pantalla del error y el archivo HAR.")]),
            F.incident("T-3", day: 2, steps: [F.ask(8, "por favor adjunte captura de pantalla del error y archivo HAR")]),
            F.incident("T-4", day: 3, steps: [F.ask(8, "Le enviamos el informe del error y el archivo de configuración")]),
            F.incident("T-5", day: 4, steps: [F.ask(8, "Le enviamos el informe del error y el archivo de configuración")]),
            F.incident("T-6", day: 5, steps: [F.ask(8, "Le enviamos el informe del error y el archivo de configuración")]),
        ]
        let intake = try F.report(tickets).proposals.filter { $0.kind == .intakeField }
        try #require(intake.count == 1)
        #expect(intake[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(intake[0].consistency == 0.5)
    }

    @Test func breachesClusteredOnSaturdaysAskForStaffing() throws {
        // 2026-03-07 is a Saturday: day offsets 5, 12, 19 and 26 at noon; the weekday incidents are handled in time.
        var tickets: [Ticket] = []
        for week in 0..<4 {
            tickets.append(F.incident("T-S\(week)", day: 5 + week * 7, hour: 2, resolvedAfterMinutes: 600))
            tickets.append(F.incident("T-M\(week)", day: week * 7))
            tickets.append(F.incident("T-W\(week)", day: 2 + week * 7))
        }
        let report = try F.report(tickets)
        let staffing = report.proposals.filter { $0.kind == .staffing }
        // Saturdays and "outside 12x5" hold the same four breaches: one proposal. The 08–14 shift also holds
        // them, but its breach rate (4 of 12) is the overall rate, so it is no cluster.
        try #require(staffing.count == 1)
        #expect(staffing[0].evidence == ["T-S0", "T-S1", "T-S2", "T-S3"])
        #expect(staffing[0].rationale.contains("4 de 4 incidentes creados"))
    }

    @Test func frequentRequestsOfOneKindAskForSelfService() throws {
        let tickets = [
            F.request("T-1", title: "Cambio de contraseña del usuario jperez"),
            F.request("T-2", title: "Cambio de contraseña del usuario mlopez", day: 1),
            F.request("T-3", title: "cambio de contraseña usuario agarcia", day: 2),
            F.request("T-4", title: "Solicitud de manual de reportes", service: "documentacion", day: 3),
        ]
        let report = try F.report(tickets)
        #expect(report.requestsExamined == 4)
        let selfService = report.proposals.filter { $0.kind == .selfService }
        try #require(selfService.count == 1)
        #expect(selfService[0].evidence == ["T-1", "T-2", "T-3"])
        #expect(selfService[0].services == ["contrasenas"])
    }

    @Test func hoursSavedFollowTheDocumentedRule() throws {
        // Each incident: ana's action at +10 (10 min) and bruno's at +20 (10 min), ana again at +70 (gap 60 → 30).
        let tickets = (1...3).map { number in
            F.incident("T-\(number)", day: number, steps: [
                F.action(10, "Reinicio del servicio de colas"), F.action(20, "Purga de la caché", by: "bruno"),
                F.action(70, "Reinicio del servicio de colas"),
            ])
        }
        let options = F.options(since: Timestamp(day: "2026-03-01")!, until: Timestamp(day: "2026-05-01")!)
        let report = try F.report(tickets, options: options)
        #expect(report.months == 2)
        let runbook = try #require(report.proposals.first { $0.kind == .runbook })
        // The draft holds both actions, so all 50 minutes of each incident count.
        #expect(runbook.manualMinutes == 150)
        #expect(runbook.hoursSavedPerMonth == 1.0)  // 150 min / 60 / 2 months × 0.8
        #expect(runbook.confidence == 0.5)           // 3 / 6 × (0.5 + 0.5 × 1)
    }

    @Test func periodBoundsSelectByCreation() throws {
        let tickets = F.plantedRunbook()
        let since = Timestamp(seconds: F.monday.seconds + 86_400)
        let report = try F.report(tickets, options: F.options(since: since))
        #expect(report.incidentsExamined == 4)
        #expect(report.proposals.isEmpty)
        let until = Timestamp(seconds: F.monday.seconds + 3 * 86_400)
        #expect(try F.report(tickets, options: F.options(until: until)).incidentsExamined == 3)
    }

    @Test func proposalsAreSortedAndInvolvingFiltersByEvidence() throws {
        let tickets = F.plantedRunbook() + [
            F.incident("T-10", service: "webchat", channel: .chat),
            F.incident("T-11", service: "webchat", day: 1, channel: .chat),
            F.incident("T-9", service: "webchat", day: 2, channel: .chat),
        ]
        let report = try F.report(tickets)
        #expect(report.proposals.count == 2)
        for (left, right) in zip(report.proposals, report.proposals.dropFirst()) {
            #expect(left.hoursSavedPerMonth > right.hoursSavedPerMonth
                || (left.hoursSavedPerMonth == right.hoursSavedPerMonth && (left.kind, left.title) <= (right.kind, right.title)))
        }
        let monitoring = try #require(report.proposals.first { $0.kind == .monitoringAlert })
        #expect(monitoring.evidence == ["T-9", "T-10", "T-11"])
        #expect(report.proposals(involving: "T-2").map(\.kind) == [.runbook])
        #expect(report.proposals(involving: "T-10").map(\.kind) == [.monitoringAlert])
        #expect(report.proposals(involving: "T-4").isEmpty)
    }

    @Test func jsonIsValidAndCarriesTheFigures() throws {
        let report = try F.report(F.plantedRunbook(), options: F.options(language: .english))
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.jsonText().utf8)) as? [String: Any])
        let proposals = try #require(object["proposals"] as? [[String: Any]])
        try #require(proposals.count == 1)
        #expect(proposals[0]["kind"] as? String == "runbook")
        #expect(proposals[0]["evidence"] as? [String] == ["T-1", "T-2", "T-3"])
        #expect(proposals[0]["occurrences"] as? Int == 3)
        #expect(proposals[0]["manual_minutes"] as? Int == 35)
        #expect((proposals[0]["hours_saved_per_month"] as? Double) != nil)
        #expect((proposals[0]["title"] as? String)?.hasPrefix("Automate “") == true)
        #expect(object["incidents_examined"] as? Int == 5)
        #expect(JSONSerialization.isValidJSONObject(object))
    }

    @Test func emptyStoreGivesAnEmptyReport() throws {
        let report = try F.report([])
        #expect(report.proposals.isEmpty)
        #expect(report.months == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(report.jsonText().utf8)) is [String: Any])
    }

    @Test func invalidOptionsAreRefused() {
        #expect(throws: AutomationError.invalidMinimumOccurrences(value: 1)) {
            try AutomationMiner(policy: .default, options: F.options(1))
        }
        #expect(throws: AutomationError.self) {
            try AutomationMiner(policy: .default, options: F.options(since: F.now, until: F.monday))
        }
        var options = F.options()
        options.causeSimilarity = 0
        #expect(throws: AutomationError.invalidThreshold(name: "cause similarity", value: 0)) {
            try AutomationMiner(policy: .default, options: options)
        }
    }
}
