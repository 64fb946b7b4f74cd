import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct ReviewCustomerViewTests {
    typealias F = ReviewFixtures

    /// The review of the overnight ticket with its store history, seen by the customer.
    func customerReview(language: Language = .spanish) throws -> (internal: Review, customer: Review) {
        let directory = try TemporaryDirectory()
        var ticket = F.overnight
        // Plant more: an internal escalation note, an internal attachment, personal data in a public comment.
        ticket.events.append(F.event("2026-03-04T11:10:00-03:00", .action, "pedro", "Clave del balanceador: Hunter2-\(F.internalMarker)",
                                     visibility: .internal, attachments: [Attachment(name: "\(F.internalMarker).pcap")]))
        ticket.events.append(F.event("2026-03-04T11:15:00-03:00", .comment, "pedro",
                                     "Quedamos atentos en soporte@example.com o al +56 9 8765 4321. Saludos, pedro."))
        ticket.events.sort { $0.at < $1.at }
        let store = try F.store(in: directory, tickets: [ticket] + F.history + F.background(40))
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: .default, builder: F.builder(for: store))
        let review = try reviewer.review(id: ticket.id, now: F.now, language: language)
        let redactor = try reviewer.customerRedactor(for: review.ticket, language: language)
        return (review, review.forCustomer(redactor: redactor))
    }

    @Test(arguments: [Language.spanish, .english])
    func customerOutputHasNoInternalNoteAgentNameOrOtherCustomer(language: Language) throws {
        let (internalReview, review) = try customerReview(language: language)
        // The internal review does hold everything that must be kept from the customer.
        let internalText = try F.renderer(language).render(internalReview, format: .md)
        #expect(internalText.contains(F.internalMarker))
        #expect(internalText.contains("Mutual Andina"))
        #expect(internalText.contains("pedro"))

        let renderer = try F.renderer(language)
        for format in ReviewFormat.allCases {
            let output = try renderer.render(review, format: format)
            for secret in [F.internalMarker, "compensación", "Hunter2", "Mutual Andina", "Retail Sur", "T-1900", "T-1901",
                           "T-2002", "nginx.log", "soporte@example.com", "8765", "vendor:certificadora", "luis"] {
                #expect(!output.contains(secret), "\(format.rawValue) output shows \(secret)")
            }
            // Agent names appear neither as authors nor inside texts ("Gracias, ana").
            for agent in ["ana", "pedro", "mesa"] {
                #expect(output.range(of: "\\b\(agent)\\b", options: .regularExpression) == nil,
                        "\(format.rawValue) output names agent \(agent)")
            }
            #expect(output.contains("Banco Austral"))
        }
    }

    @Test func customerViewKeepsPublicFactsAndRenumbersEvents() throws {
        let (internalReview, review) = try customerReview()
        #expect(review.audience == .customer)
        #expect(review.ticket.events.allSatisfy { $0.visibility == .public && $0.author == nil })
        #expect(review.timeline.count == review.ticket.events.count)
        #expect(review.timeline.map(\.index) == Array(0..<review.timeline.count))
        #expect(review.timeline.first { $0.kind == .customerUpdate }?.role == .customer)
        #expect(review.ticket.assignee == nil && review.ticket.level == nil)
        // The figures stay those of the full timeline.
        #expect(review.metrics.resolution.businessSeconds == internalReview.metrics.resolution.businessSeconds)
        #expect(review.metrics.firstResponse.events == [1])
        #expect(review.metrics.escalations.isEmpty)
        #expect(review.metrics.vendorWaitIntervals.allSatisfy { $0.party == nil })
        #expect(review.related.isEmpty && review.recurrence.count == 0 && review.proposals.isEmpty)
        #expect(review.impact.customers == ["Banco Austral"])
        #expect(review.impact.concurrentReports.isEmpty)
        #expect(review.impact.customerImpactMinutes == 185)
        #expect(review.escalation.steps.isEmpty && review.escalation.rules.isEmpty)
        #expect(review.actions.allSatisfy { $0.isCustomerFacing })
        #expect(review.evidence.map(\.name) == ["captura-login.png"])
        #expect(review.ticket.events.contains { $0.text.contains("[correo]") && $0.text.contains("[teléfono]") })
        // The internal monitoring alert and the team's own assessment stay internal.
        #expect(review.detection.summary == "Reportado por el cliente por teléfono el 2026-03-03 19:40 UTC-03:00.")
        #expect(review.detection.detectedAt == nil && review.detection.gapSeconds == nil)
        #expect(internalReview.detection.summary.contains("brecha de detección"))
    }

    /// The customer reads "proveedor externo" wherever the vendor would be named; the internal review names it
    /// the same way throughout (its slug spelled as a name).
    @Test(arguments: [Language.spanish, .english])
    func vendorIsNeutralForCustomersAndNamedOneWayInternally(language: Language) throws {
        let directory = try TemporaryDirectory()
        var ticket = IncidentGroupingTests.tickets[0]
        ticket.resolution = "Telco Andina restableció la troncal. telco-andina confirmó el cierre."
        ticket.events.insert(TicketEvent(at: Timestamp(seconds: ticket.createdAt.seconds + 2_000), kind: .comment, author: "ana",
                                         visibility: .public, text: "Seguimos con el proveedor Telco Andina."), at: 2)
        let store = try F.store(in: directory, tickets: [ticket])
        defer { try? store.close() }
        let reviewer = try IncidentReviewer(store: store, policy: .default, builder: F.builder(for: store))
        let review = try reviewer.review(id: ticket.id, now: F.now, language: language)
        let customer = review.forCustomer(redactor: try reviewer.customerRedactor(for: review.ticket, language: language))
        let neutral = language.catalogue("review.external_vendor")
        for format in ReviewFormat.allCases {
            let text = try F.renderer(language).render(customer, format: format)
            #expect(!text.lowercased().contains("telco"), "\(format)")
            #expect(!text.lowercased().contains("andina"), "\(format)")
            #expect(!text.contains(neutral + " " + neutral))
        }
        #expect(customer.resolution.rootCause?.contains("del " + neutral) == true || language == .english)
        let internalText = try F.renderer(language).render(review, format: .md)
        #expect(internalText.contains("Telco Andina"))
        #expect(!internalText.contains("proveedor telco-andina") && !internalText.contains("vendor telco-andina"))
    }
}
