import Foundation
import Testing
@testable import KBCore

@Suite struct EscalationAdvisorTests {
    private func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    private func advise(_ ticket: Ticket, now: String, policy: Policy = .default) -> [EscalationAdvice] {
        let sla = TicketSLA(ticket: ticket, policy: policy, now: at(now))
        return EscalationAdvisor.advise(ticket: ticket, sla: sla, policy: policy)
    }

    @Test func exceededFirstResponseOnACriticalService() {
        let ticket = Ticket(id: "T-1", title: "Plataforma caída", service: "portal", severity: 1, status: .new,
                            createdAt: at("2026-03-06T19:30:00-03:00"))
        let advice = advise(ticket, now: "2026-03-09T08:20:00-03:00")
        #expect(advice.map(\.rule) == [.slaExceeded, .criticalService])
        #expect(advice.map(\.target) == ["N2", "N2"])
        #expect(advice[0].clock == .firstResponse)
        #expect(advice[0].reason.hasPrefix("sla exceeded: first response at 333% of its 15m target"))
        #expect(advice[0].reason.hasSuffix("escalate from N1 to N2"))
        #expect(advice[1].reason == "critical service portal affected at severity 1; escalate to N2 now")
    }

    @Test func atRiskBelowTheExceededThreshold() {
        let ticket = Ticket(id: "T-2", title: "x", service: "reportes", severity: 1, status: .new,
                            createdAt: at("2026-03-02T10:00:00-03:00"))
        let advice = advise(ticket, now: "2026-03-02T10:12:00-03:00")
        #expect(advice.map(\.rule) == [.slaAtRisk] && advice.first?.target == nil && advice.first?.clock == .firstResponse)
        #expect(advice.first?.reason == "sla at risk: first response at 80% of its 15m target (due 2026-03-02 10:15 -03:00 (America/Santiago))")
        #expect(advice.first?.text(language: .spanish)
            == "SLA en riesgo: primera respuesta al 80 % de su plazo de 15 min (vence 2026-03-02 10:15 -03:00 (America/Santiago))")
        #expect(advise(ticket, now: "2026-03-02T10:10:00-03:00").isEmpty)
    }

    @Test func escalationAfterTheBreachSatisfiesTheRule() {
        var ticket = Ticket(id: "T-3", title: "x", service: "portal", severity: 1, status: .escalated,
                            createdAt: at("2026-03-02T10:00:00-03:00"),
                            events: [TicketEvent(at: at("2026-03-02T10:20:00-03:00"), kind: .escalation, to: "N2")])
        #expect(advise(ticket, now: "2026-03-02T10:30:00-03:00").isEmpty)
        // Escalated before the clock fell due: the breach still calls for the next level.
        ticket.events = [TicketEvent(at: at("2026-03-02T10:05:00-03:00"), kind: .escalation, to: "N2")]
        let advice = advise(ticket, now: "2026-03-02T10:30:00-03:00")
        #expect(advice.map(\.target) == ["N3"])
    }

    @Test func lastLevelHasNowhereToGo() {
        let ticket = Ticket(id: "T-4", title: "x", severity: 3, status: .inProgress, level: "N3",
                            createdAt: at("2026-03-02T09:00:00-03:00"))
        let advice = advise(ticket, now: "2026-03-02T12:00:00-03:00")
        #expect(advice.count == 1)
        #expect(advice[0].rule == .slaExceeded)
        #expect(advice[0].target == nil)
        #expect(advice[0].reason.hasSuffix("already at the last level N3, notify the lead"))
    }

    @Test func criticalServiceOnlyForSevereTicketsBelowTheCriticalLevel() {
        var ticket = Ticket(id: "T-5", title: "x", service: "Llamadas", severity: 2, status: .new,
                            createdAt: at("2026-03-02T10:00:00-03:00"))
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").map(\.rule) == [.criticalService])
        ticket.severity = 3
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").isEmpty)
        ticket.severity = 2
        ticket.level = "n2"
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").isEmpty)
    }

    @Test func vendorKeywordsRespectServicesAndPastEscalations() {
        var ticket = Ticket(id: "T-6", title: "Llamadas entrantes fallan",
                            description: "La Troncal SIP del operador no responde", service: "llamadas", severity: 3,
                            status: .inProgress, createdAt: at("2026-03-02T10:00:00-03:00"))
        let advice = advise(ticket, now: "2026-03-02T10:01:00-03:00")
        #expect(advice.map(\.target) == ["vendor:telco-andina"])
        #expect(advice.first?.reason == "vendor needed: \"Troncal\" matches telco-andina's keyword \"troncal\"")

        ticket.service = "portal"
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").isEmpty)

        ticket.description = "caída en AWS us-east-1"
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").map(\.target) == ["vendor:nubehost"])

        ticket.events = [TicketEvent(at: at("2026-03-02T10:00:30-03:00"), kind: .escalation, to: "vendor:nubehost")]
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00").isEmpty)
    }

    @Test func vendorRulesChangedAfterParsingMatchTheirNewKeywordsAndServices() throws {
        var policy = Policy.default
        let index = try #require(policy.escalation.vendors.firstIndex { $0.name == "telco-andina" })
        policy.escalation.vendors[index].keywords = ["fibra óptica"]
        policy.escalation.vendors[index].services = ["Portal"]
        var ticket = Ticket(id: "T-8", title: "Portal caído", description: "Corte de FIBRA OPTICA en la sede",
                            service: "portal", severity: 3, status: .inProgress, createdAt: at("2026-03-02T10:00:00-03:00"))
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00", policy: policy).map(\.target) == ["vendor:telco-andina"])
        ticket.description = "La troncal SIP no responde"
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00", policy: policy).isEmpty)
        ticket.description = "Corte de fibra óptica"
        ticket.service = "llamadas"
        #expect(advise(ticket, now: "2026-03-02T10:01:00-03:00", policy: policy).isEmpty)
    }

    @Test func doneTicketsGetNoAdvice() {
        let ticket = Ticket(id: "T-7", title: "troncal caída", service: "portal", severity: 1, status: .resolved,
                            createdAt: at("2026-03-02T10:00:00-03:00"), resolvedAt: at("2026-03-02T18:00:00-03:00"))
        #expect(advise(ticket, now: "2026-03-03T10:00:00-03:00").isEmpty)
    }
}
