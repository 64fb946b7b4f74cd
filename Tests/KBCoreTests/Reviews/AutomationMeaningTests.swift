import Foundation
import Testing
@testable import KBCore

/// Near-duplicate proposals merged by meaning, and titles without people (issue 18, item 6).
@Suite struct AutomationMeaningTests {
    typealias F = AutomationFixtures

    static let synonyms = try! Synonyms(parsing: """
        contraseña, clave, password
        restablecer, resetear, reseteo, reset
        troncal, trunk, troncal sip
        cuota, quota
        proveedor, vendor
        """, analyzer: Analyzer(language: .spanish))

    static func report(_ tickets: [Ticket], minimum: Int = 3, language: Language = .spanish) throws -> AutomationReport {
        try AutomationMiner(policy: .default, options: F.options(minimum, language: language), synonyms: synonyms)
            .report(tickets: tickets)
    }

    @Test func oneStepWrittenWithDifferentWordsIsOneRunbook() throws {
        // Each wording alone is below the minimum; "pasamos las llamadas" shares only "troncal de respaldo" with
        // the others. Returning to the main trunk is done in the same incidents: another step, not a variant.
        let wordings = ["Pasamos las llamadas a la troncal de respaldo", "Se conmutó el tráfico a la troncal de respaldo",
                        "Conmutación del tráfico entrante a la troncal de respaldo"]
        let returns = ["Retorno del tráfico a la troncal principal", "Volvemos el tráfico a la troncal principal",
                       "Se devuelve el tráfico a la troncal principal"]
        let tickets = (0..<6).map { number in
            F.incident("T-\(number + 1)", service: "llamadas", day: number, steps: [
                F.action(10, wordings[number % 3]), F.action(40, returns[(number + 1) % 3]),
            ])
        }
        let report = try Self.report(tickets)
        let runbooks = report.proposals.filter { $0.kind == .runbook }
        try #require(runbooks.count == 1, "\(runbooks.map(\.title))")
        #expect(runbooks[0].evidence == (1...6).map { "T-\($0)" })
        #expect(runbooks[0].steps.count == 2)
    }

    @Test func actionsSharingOnlyCommonWordsStayApart() throws {
        let tickets = (0..<6).map { number in
            F.incident("T-\(number + 1)", day: number, steps: [
                F.action(10, number < 3 ? "Reinicio del servidor de aplicaciones" : "Se purgó la caché del CDN"),
            ])
        }
        let runbooks = try Self.report(tickets).proposals.filter { $0.kind == .runbook }
        #expect(runbooks.count == 2)
    }

    @Test func oneVendorCauseWrittenTwoWaysIsOneProblem() throws {
        let causes = ["Se agotó la cuota mensual contratada con CloudSMS; el proveedor rechazaba los envíos con error 429.",
                      "Cuota de envío del proveedor CloudSMS agotada por una campaña masiva; no existía aviso al 80 %."]
        var tickets = (0..<4).map { number in
            F.incident("T-\(number + 1)", service: "mensajeria", day: number, steps: [F.escalation(20, to: "vendor:cloudsms")],
                       rootCause: causes[number % 2])
        }
        tickets += (4..<7).map { number in
            F.incident("T-\(number + 1)", service: "mensajeria", day: number,
                       rootCause: "El token de acceso de la API de WhatsApp venció y no se renovó.")
        }
        let problems = try Self.report(tickets).proposals.filter { $0.kind == .problemRecord }
        #expect(problems.count == 2, "\(problems.map(\.title))")
        let quota = try #require(problems.first { $0.title.contains("CloudSMS") })
        #expect(quota.evidence == ["T-1", "T-2", "T-3", "T-4"])
    }

    @Test func requestsOfOneKindInSynonymsAreOneSelfServiceWithoutUserNames() throws {
        let titles = ["Favor cambiar la clave del agente jperez", "Favor cambiar la clave del agente mlopez",
                      "Solicito reseteo de password", "Cambio de contraseña", "Favor cambiar la clave del agente agarcia",
                      "Restablecer la contraseña del usuario kdiaz"]
        var tickets = titles.enumerated().map { index, title in F.request("T-\(index + 1)", title: title, day: index) }
        for index in tickets.indices { tickets[index].tags = ["contrasena", "solicitud"] }
        let proposals = try Self.report(tickets).proposals.filter { $0.kind == .selfService }
        try #require(proposals.count == 1, "\(proposals.map(\.title))")
        #expect(proposals[0].occurrences == 6)
        for name in ["jperez", "mlopez", "agarcia", "kdiaz"] {
            #expect(!proposals[0].title.contains(name))
            #expect(!proposals[0].steps.joined().contains(name))
        }
    }

    @Test func titlesHideTheAgentsAndCustomersTheTicketsName() throws {
        let tickets = (0..<3).map { number in
            F.incident("T-\(number + 1)", day: number, steps: [
                F.action(10, "Bruno reinicia el servicio de colas", by: "bruno"), F.action(30, "Ana purga la caché"),
            ])
        }
        let report = try Self.report(tickets)
        try #require(!report.proposals.isEmpty)
        for proposal in report.proposals {
            for text in [proposal.title, proposal.rationale] + proposal.steps {
                #expect(!text.contains("Bruno") && !text.contains("Ana ") && !text.contains("Acme"), "\(text)")
            }
        }
    }

    @Test func everyProposalSaysHowItsHoursWereComputed() throws {
        let report = try Self.report(F.plantedRunbook())
        let runbook = try #require(report.proposals.first { $0.kind == .runbook })
        #expect(runbook.calculation.contains("\(runbook.manualMinutes) min"))
        #expect(runbook.calculation.contains("3 tickets"))
        #expect(runbook.calculation.contains("× factor 0.8"))
        #expect(runbook.calculation.hasSuffix("= \(JSONWriter.format(runbook.hoursSavedPerMonth, decimals: 2)) h/mes."))
        #expect(runbook.evidenceDays == ["2026-03-02", "2026-03-03", "2026-03-04"])
        let english = try Self.report(F.plantedRunbook(), language: .english)
        #expect(english.proposals.allSatisfy { $0.calculation.hasSuffix(" h/month.") })
    }

    @Test func templateSlotsAreFoundOneWordAtATime() {
        let slots = AutomationWording.variableSlots(["Favor cambiar la clave del agente vtorres",
                                                    "Favor cambiar la clave del agente kdiaz",
                                                    "Solicitud de cambio de contraseña", "Solicitud de cambio de contrasena"])
        #expect(slots["Favor cambiar la clave del agente vtorres"] == [6])
        #expect(slots["Solicitud de cambio de contraseña"] == nil)
        let chosen = AutomationWording.representative(["Favor cambiar la clave del agente vtorres": 2,
                                                       "Favor cambiar la clave del agente kdiaz": 1], redactor: Redactor())
        #expect(chosen == "Favor cambiar la clave del agente …")
    }

    @Test func diceKeepsALongTextFromSwallowingAShortOne() {
        let merger = AutomationMeaningMerger(weights: [1, 1, 1, 1, 1, 1, 1, 1])
        #expect(merger.similarity([0, 1], [0, 1, 2, 3, 4, 5]) == 0.5)
        let overlap = AutomationMeaningMerger(weights: [1, 1, 1, 1, 1, 1, 1, 1], measure: .overlap)
        #expect(overlap.similarity([0, 1], [0, 1, 2, 3, 4, 5]) == 1)
        // Groups that must stay apart (said by `compatible`) are not joined, even when their words coincide.
        let groups = merger.groups(of: [[0, 1], [0, 1], [6, 7]], threshold: 0.5, compatible: { _, _ in false })
        #expect(groups == [0, 1, 2])
        #expect(merger.groups(of: [[0, 1], [0, 1], [6, 7]], threshold: 0.5) == [0, 0, 2])
    }
}
