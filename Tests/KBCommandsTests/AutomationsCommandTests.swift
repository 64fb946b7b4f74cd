import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

@Suite struct AutomationsCommandTests {
    static let monday = Timestamp(iso8601: "2026-03-02T10:00:00-03:00")!

    static func ticket(_ id: String, service: String, severity: Int = 2, day: Int, channel: Channel,
                       actions: [String] = [], escalation: String? = nil) -> Ticket {
        let created = Timestamp(seconds: monday.seconds + Int64(day) * 86_400, offsetSeconds: -3 * 3_600)
        func at(_ minute: Int) -> Timestamp { Timestamp(seconds: created.seconds + Int64(minute) * 60, offsetSeconds: -3 * 3_600) }
        var events = [TicketEvent(at: created, kind: .created, author: "cliente", visibility: .public, text: "Caso creado"),
                      TicketEvent(at: at(5), kind: .comment, author: "ana", visibility: .public, text: "Estamos revisando.")]
        for (offset, action) in actions.enumerated() {
            events.append(TicketEvent(at: at(10 + offset * 10), kind: .action, author: "ana", text: action))
        }
        if let escalation { events.append(TicketEvent(at: at(20), kind: .escalation, author: "ana", text: "Escalado", to: escalation)) }
        events.append(TicketEvent(at: at(60), kind: .resolved, author: "ana", visibility: .public, text: "Resuelto"))
        return Ticket(id: id, title: "Incidente \(id)", customer: "Acme", plan: "24x7", timezone: "America/Santiago",
                      service: service, severity: severity, status: .closed, channel: channel, createdAt: created,
                      resolvedAt: at(60), closedAt: at(120), events: events)
    }

    /// A runbook on the webchat (customer-reported) and a vendor escalation on messaging, each in three
    /// incidents, and the same on severity-3 tickets that must not count.
    static func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let wordings = ["Reinicio de los nodos de webchat", "Se reiniciaron los nodos de webchat", "Reiniciamos los nodos de webchat"]
        var tickets = wordings.enumerated().map { ticket("T-\($0.offset + 1)", service: "webchat", day: $0.offset, channel: .chat, actions: [$0.element]) }
        tickets += (4...6).map { ticket("T-\($0)", service: "mensajeria", day: $0, channel: .monitoreo, escalation: "vendor:cloudsms") }
        tickets += (7...9).map { ticket("T-\($0)", service: "webchat", severity: 3, day: $0, channel: .chat, actions: [wordings[0]],
                                        escalation: "vendor:cloudsms") }
        try directory.write("tickets.jsonl", tickets.map { $0.jsonText() }.joined(separator: "\n") + "\n")
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        return directory
    }

    @Test func jsonListsTheProposalsWithTheirEvidence() throws {
        let directory = try Self.workspace()
        let result = runKB(["automations", "--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let proposals = try #require(object["proposals"] as? [[String: Any]])
        let evidence = Dictionary(uniqueKeysWithValues: proposals.map { ($0["kind"] as? String ?? "", $0["evidence"] as? [String] ?? []) })
        #expect(evidence == ["runbook": ["T-1", "T-2", "T-3"], "monitoring_alert": ["T-1", "T-2", "T-3"],
                             "escalation_rule": ["T-4", "T-5", "T-6"]])
        #expect(object["incidents_examined"] as? Int == 6)
        for proposal in proposals {
            for key in ["title", "rationale", "occurrences", "manual_minutes", "hours_saved_per_month", "confidence"] {
                #expect(proposal[key] != nil, "missing \(key)")
            }
        }
        let hours = proposals.compactMap { $0["hours_saved_per_month"] as? Double }
        #expect(hours == hours.sorted(by: >))
        #expect(runKB(["automations", "--format", "json"], in: directory.url).stdout == result.stdout)
    }

    @Test func markdownComesFromTheTemplateInEitherLanguage() throws {
        let directory = try Self.workspace()
        let spanish = runKB(["automations"], in: directory.url)
        #expect(spanish.code == 0, "\(spanish.stderr)")
        #expect(spanish.stdout.hasPrefix("# Propuestas de automatización\n"))
        #expect(spanish.stdout.contains("Borrador del runbook (secuencia habitual):"))
        #expect(spanish.stdout.contains("Escalar automáticamente a proveedor Cloudsms los incidentes de mensajeria"))
        #expect(spanish.stdout.contains("- **Evidencia (3 tickets, con fechas):** T-4 (2026-"))
        #expect(spanish.stdout.contains("- **Cálculo:** "))
        #expect(spanish.stdout.contains("## Cómo se calculan las cifras"))
        let english = runKB(["automations", "--lang", "en"], in: directory.url)
        #expect(english.code == 0)
        #expect(english.stdout.hasPrefix("# Automation proposals\n"))
        #expect(english.stdout.contains("Escalate mensajeria incidents to vendor Cloudsms automatically"))
        #expect(english.stdout.contains("Manual minutes: per person, the first action/evidence event counts 10 min"))
    }

    @Test(arguments: ["es", "en"]) func htmlIsASelfContainedDocumentOfTheSameProposals(language: String) throws {
        let directory = try Self.workspace()
        let result = runKB(["automations", "--format", "html", "--lang", language], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let html = result.stdout
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"\(language)\">"))
        #expect(html.contains("default-src 'none'") && !html.contains("<script") && !html.contains("{{"))
        let json = runKB(["automations", "--format", "json", "--lang", language], in: directory.url)
        let proposals = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["proposals"] as? [[String: Any]])
        #expect(html.components(separatedBy: "<section class=\"proposal\"").count == proposals.count + 1)
        for proposal in proposals {
            let calculation = try #require(proposal["calculation"] as? String)
            #expect(html.contains(calculation.replacingOccurrences(of: "'", with: "&#39;")))
        }
        // Ticket ids with their dates, each kept on one line.
        #expect(html.contains("<span class=\"ticket\">T-4 (2026-"))
    }

    @Test func workspaceTemplateOverridesTheBuiltInOne() throws {
        let directory = try Self.workspace()
        try directory.write("templates/automations.md.mustache", "{{#proposals}}{{{kind}}} {{{occurrences}}}\n{{/proposals}}")
        let result = runKB(["automations"], in: directory.url)
        #expect(result.code == 0)
        #expect(Set(result.stdout.split(separator: "\n")) == ["runbook 3", "monitoring_alert 3", "escalation_rule 3"])
    }

    @Test func periodAndMinimumOccurrencesNarrowTheSearch() throws {
        let directory = try Self.workspace()
        let later = runKB(["automations", "--since", "2026-03-07"], in: directory.url)
        #expect(later.code == 0)
        #expect(later.stdout.contains("No se encontraron patrones que se repitan al menos 3 veces en el período."))
        let early = runKB(["automations", "--json", "--until", "2026-03-04"], in: directory.url)
        #expect(early.stdout.hasPrefix("{\"proposals\":[]"))
        let twice = runKB(["automations", "--json", "--until", "2026-03-04", "--min-occurrences", "2"], in: directory.url)
        #expect(twice.stdout.contains("\"kind\":\"runbook\""))
        #expect(twice.stdout.contains("\"evidence\":[\"T-1\",\"T-2\"]"))
    }

    @Test(arguments: [
        ["automations", "--min-occurrences", "1"],
        ["automations", "--since", "2026-05-01", "--until", "2026-04-01"],
        ["automations", "--since", "ayer"],
        ["automations", "--format", "xml"],
        ["automations", "--lang", "fr"],
        ["automations", "--json", "--format", "md"],
    ])
    func badUsageExitsWith64(arguments: [String]) throws {
        let directory = try Self.workspace()
        let result = runKB(arguments, in: directory.url)
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func aWorkspaceWithoutTicketsFailsClearly() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let result = runKB(["automations"], in: directory.url)
        #expect(result.code == 1)
        #expect(result.stderr.hasPrefix("error: "))
    }

    @Test func helpDescribesTheCommand() throws {
        let directory = try TemporaryDirectory()
        let result = runKB(["automations", "--help"], in: directory.url)
        #expect(result.code == 0)
        #expect(result.stdout.contains("--min-occurrences"))
    }
}
