import Foundation
import Testing
@testable import KBCore

@Suite struct ReviewSectionsTests {
    typealias F = ReviewFixtures

    @Test func customerDetectedOutageOfACriticalServiceAsksForMonitoring() {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now)
        #expect(review.detection.source == .customer)
        #expect(review.detection.serviceMonitorable)
        #expect(review.detection.gapSeconds == 900)
        #expect(review.detection.summary.contains("brecha de detección"))
        let monitoring = review.actions.first { $0.kind == .monitoring }
        #expect(monitoring?.title == "Agregar monitoreo de Portal")
    }

    @Test func monitoringDetectionNeedsNoMonitoringAction() {
        var ticket = F.overnight
        ticket.events[2].at = F.at("2026-03-03T19:31:00-03:00")
        ticket.events.sort { $0.at < $1.at }
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.detection.source == .monitoring)
        #expect(review.detection.summary.contains("9 min antes"))
        #expect(!review.actions.contains { $0.kind == .monitoring })
        // Impact starts when monitoring saw it, before anyone called.
        let impact: Int64 = 11_100 + 540
        #expect(review.impact.durationSeconds == impact)

        var viaChannel = F.overnight
        viaChannel.channel = .monitoreo
        #expect(Review(ticket: viaChannel, policy: .default, now: F.now).detection.source == .monitoring)
    }

    @Test func escalationRulesOfTheManualAndWhetherTheyWereFollowed() throws {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now)
        #expect(review.escalation.levels == ["N1", "N2"])
        #expect(review.escalation.vendors == ["vendor:certificadora"])
        let critical = try #require(review.escalation.rules.first { $0.rule == .criticalService })
        #expect(critical.target == "N2")
        #expect(critical.followed)
        #expect(critical.delaySeconds == 1_800)
        let vendor = try #require(review.escalation.rules.first { $0.rule == .vendorNeeded })
        #expect(vendor.target == "vendor:certificadora")
        #expect(vendor.followed)
        #expect(vendor.reason.contains("«certificado TLS»"))
        #expect(!review.escalation.rules.contains { $0.rule == .slaExceeded })
        // Half an hour to escalate a critical service is later than "at once" allows.
        let late = try #require(review.actions.first { $0.kind == .escalationRule })
        #expect(late.reason.contains("30 min"))

        var quiet = F.overnight
        quiet.events.removeAll { $0.kind == .escalation }
        quiet.level = nil
        let missed = Review(ticket: quiet, policy: .default, now: F.now)
        #expect(missed.escalation.rules.filter { !$0.followed }.map(\.rule) == [.criticalService, .vendorNeeded])
        #expect(missed.actions.filter { $0.kind == .escalationRule }.count == 2)
    }

    @Test func longVendorWaitAsksForAFollowUp() {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now)
        let followUp = review.actions.first { $0.kind == .vendorFollowUp }
        #expect(followUp?.title == "Seguimiento con el proveedor Certificadora")
        #expect(followUp?.reason.contains("1 h 44 min") == true)

        var short = F.overnight
        short.events[6].at = F.at("2026-03-03T20:50:00-03:00")
        short.events.sort { $0.at < $1.at }
        #expect(!Review(ticket: short, policy: .default, now: F.now).actions.contains { $0.kind == .vendorFollowUp })
    }

    /// Fix or workaround comes from the milestones, never from words: "mientras tanto" in the text changes nothing.
    @Test(arguments: [
        ("Se aplicó un parche provisorio mientras tanto.", true, true, ReviewResolution.Kind.fixAfterWorkaround),
        ("Se instaló un certificado TLS nuevo en el balanceador.", true, true, .fixAfterWorkaround),
        ("Solución temporal.", false, true, .fix),
        ("Se desvió el tráfico.", true, false, .workaround),
    ])
    func workaroundOrFix(resolution: String, mitigated: Bool, resolved: Bool, kind: ReviewResolution.Kind) throws {
        var ticket = F.overnight
        ticket.resolution = resolution
        if !mitigated { ticket.events.removeAll { $0.kind == .mitigated } }
        if !resolved {
            ticket.events.removeAll { $0.kind == .resolved || $0.kind == .closed }
            ticket.resolvedAt = nil
            ticket.closedAt = nil
        }
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.resolution.kind == kind)
        #expect(review.actions.contains { $0.kind == .permanentFix } == (kind == .workaround))
        #expect(!review.resolution.summary.contains("menciona"))
        #expect(!review.resolution.summary.contains("?"))
    }

    @Test func fixWithoutMitigationAndUnknownResolution() {
        var ticket = F.overnight
        ticket.events.removeAll { $0.kind == .mitigated }
        #expect(Review(ticket: ticket, policy: .default, now: F.now).resolution.kind == .fix)
        ticket.resolution = nil
        #expect(Review(ticket: ticket, policy: .default, now: F.now).resolution.kind == .unknown)
    }

    @Test(arguments: [
        ("Uso incorrecto del módulo de usuarios por parte del cliente.", true),
        ("Error de usuario al cargar la plantilla.", true),
        ("La configuración del cliente bloqueaba el dominio.", true),
        ("Certificado TLS vencido.", false),
    ])
    func misuseSuggestsCustomerTraining(rootCause: String, misuse: Bool) {
        var ticket = F.overnight
        ticket.rootCause = rootCause
        let history = IncidentHistory(articles: [
            ReviewArticleMatch(id: "KB-0007", title: "Cómo administrar usuarios", state: "validated", audience: "customer", linked: false),
            ReviewArticleMatch(id: "KB-0008", title: "Notas internas", state: "validated", audience: "internal", linked: false),
        ])
        let review = Review(ticket: ticket, policy: .default, history: history, now: F.now)
        #expect(review.resolution.misuse == misuse)
        #expect(review.training.suggested == misuse)
        #expect(review.actions.contains { $0.kind == .customerTraining } == misuse)
        #expect(review.training.articles.map(\.id) == (misuse ? ["KB-0007"] : []))
    }

    @Test func articleActions() {
        let none = Review(ticket: F.overnight, policy: .default, now: F.now)
        #expect(none.actions.first { $0.kind == .article }?.reason.contains("kb article draft T-2001") == true)

        let matching = IncidentHistory(articles: [
            ReviewArticleMatch(id: "KB-0001", title: "Certificado vencido", state: "validated", audience: "customer", linked: false),
        ])
        let withMatch = Review(ticket: F.overnight, policy: .default, history: matching, now: F.now)
        #expect(withMatch.actions.first { $0.kind == .linkArticle }?.reason.contains("kb article link T-2001 KB-0001") == true)
        #expect(!withMatch.actions.contains { $0.kind == .article })

        var linked = F.overnight
        linked.articles = ["KB-0001"]
        let done = Review(ticket: linked, policy: .default, history: matching, now: F.now)
        #expect(!done.actions.contains { $0.kind == .article || $0.kind == .linkArticle })
    }

    @Test func recurrenceIsTheHistorysEarlierIncidentsWithTheSameCause() throws {
        func incident(_ id: String, days: Int, others: [String] = []) -> RelatedIncident {
            RelatedIncident(id: id, title: id, service: "portal", severity: 1, customer: "X",
                            createdAt: Timestamp(seconds: F.overnight.createdAt.seconds - Int64(days) * 86_400),
                            resolvedAt: nil, rootCause: nil, resolution: "r", similarity: 1, sameService: true,
                            daysBefore: days, otherReports: others, agreements: [.causeText])
        }
        let history = IncidentHistory(recurrences: [incident("E", days: 1, others: ["E2"]), incident("A", days: 10)])
        let review = Review(ticket: F.overnight, policy: .default, history: history, now: F.now)
        #expect(review.recurrence.incidents.map(\.id) == ["E", "A"])
        #expect(review.actions.first { $0.kind == .recurringProblem }?.reason.contains("2 veces en los 90 días") == true)
        let markdown = try F.renderer().render(review, format: .md)
        #expect(markdown.contains("E (+ E2)"))
    }

    @Test func proposalsPassThrough() {
        let proposal = ReviewProposal(kind: .detectionGap, title: "Alerta de vencimiento de certificados",
                                      evidenceTicketIDs: ["T-1900", "T-2001"], hoursSavedPerMonth: 3.5)
        let review = Review(ticket: F.overnight, policy: .default, proposals: [proposal], now: F.now)
        #expect(review.proposals == [proposal])
        #expect(review.jsonText().contains("\"hours_saved_per_month\": 3.5"))
    }

    @Test func severityChangesAreListed() {
        var ticket = F.overnight
        ticket.events.insert(F.event("2026-03-03T19:45:00-03:00", .severityChange, "ana", "Sube a crítica", severity: 1), at: 1)
        ticket.events.insert(F.event("2026-03-03T19:44:00-03:00", .severityChange, "ana", "Alto impacto", severity: 2), at: 1)
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.severityChanges.map(\.to) == [2, 1])
        #expect(review.severityChanges.map(\.from) == [nil, 2])
        #expect(review.timeline.first { $0.kind == .severityChange }?.detail == "2 (Alto impacto)")
    }
}
