import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing
@testable import KBCore

@Suite struct PeriodSummaryTests {
    typealias F = ReviewFixtures

    /// Five incidents in March 2026: severities, services, plans and causes chosen so every figure is known.
    static var reviews: [Review] {
        func ticket(_ id: String, day: String, severity: Int, service: String, plan: String, hours: Int, cause: String,
                    responseMinutes: Int = 5) -> Ticket {
            let created = F.at(day + "T10:00:00-03:00")
            let resolved = Timestamp(seconds: created.seconds + Int64(hours) * 3_600, offsetSeconds: -10_800)
            return Ticket(id: id, title: "Incidente \(id)", customer: "Cliente \(id)", plan: plan, timezone: "America/Santiago",
                          service: service, severity: severity, status: .closed, createdAt: created, resolvedAt: resolved,
                          closedAt: resolved, resolution: "Corregido", rootCause: cause,
                          events: [TicketEvent(at: Timestamp(seconds: created.seconds + Int64(responseMinutes) * 60),
                                               kind: .comment, author: "ana", text: "Revisando")])
        }
        return [
            ticket("T-1", day: "2026-03-02", severity: 1, service: "portal", plan: "24x7", hours: 2, cause: "Certificado TLS vencido en el balanceador"),
            ticket("T-2", day: "2026-03-03", severity: 1, service: "portal", plan: "24x7", hours: 6, cause: "Vencimiento del certificado TLS del balanceador"),
            ticket("T-3", day: "2026-03-10", severity: 2, service: "llamadas", plan: "12x5", hours: 3, cause: "Troncal SIP caída"),
            ticket("T-4", day: "2026-03-11", severity: 2, service: "portal", plan: "12x5", hours: 10, cause: "Certificado TLS vencido", responseMinutes: 45),
            ticket("T-5", day: "2026-03-20", severity: 1, service: "webchat", plan: "24x7", hours: 1, cause: "Caída del servidor de webchat"),
        ].map { Review(ticket: $0, policy: .default, now: F.now) }
    }

    static var summary: PeriodSummary {
        PeriodSummary(reviews: reviews, since: F.at("2026-03-01T00:00:00Z"), until: F.at("2026-04-01T00:00:00Z"),
                      language: .spanish, generatedAt: F.now, fileNames: [:])
    }

    @Test func countsTimesComplianceAndCauses() throws {
        let summary = Self.summary
        #expect(summary.entries.map(\.id) == ["T-1", "T-2", "T-3", "T-4", "T-5"])
        #expect(summary.bySeverity.map(\.key) == ["1", "2"])
        #expect(summary.bySeverity.map(\.count) == [3, 2])
        #expect(summary.byService.map(\.key) == ["portal", "llamadas", "webchat"])
        #expect(summary.byService.map(\.count) == [3, 1, 1])

        // Severity 1 resolutions: 1 h, 2 h, 6 h → median 2 h, p90 (nearest rank) 6 h.
        let critical = try #require(summary.resolutionTimes.first { $0.severity == 1 })
        #expect(critical.incidents == 3)
        #expect(critical.medianSeconds == 7_200)
        #expect(critical.p90Seconds == 21_600)
        let high = try #require(summary.resolutionTimes.first { $0.severity == 2 })
        #expect(high.medianSeconds == 10_800)
        #expect(high.p90Seconds == 36_000)

        // 24x7: T-2 missed its 4 h target. 12x5: T-4 missed its 30 min first response and 8 h resolution.
        let always = try #require(summary.compliance.first { $0.plan == "24x7" })
        #expect(always.incidents == 3)
        #expect(always.resolutionMet == 2)
        #expect(always.bothMet == 2)
        #expect(always.percent.map { ($0 * 10).rounded() / 10 } == 66.7)
        let business = try #require(summary.compliance.first { $0.plan == "12x5" })
        #expect(business.firstResponseMet == 1)
        #expect(business.bothMet == 1)
        #expect(business.percent == 50)

        // The three TLS certificate causes are one recurring cause; the others happened once.
        #expect(summary.recurringCauses.count == 1)
        #expect(summary.recurringCauses.first?.tickets == ["T-1", "T-2", "T-4"])
        #expect(summary.recurringCauses.first?.services == ["portal"])

        #expect(!summary.monthly)
        #expect(summary.buckets.map(\.label) == ["2026-02-23", "2026-03-02", "2026-03-09", "2026-03-16", "2026-03-23", "2026-03-30"])
        #expect(summary.buckets.map { $0.bySeverity.values.reduce(0, +) } == [0, 2, 2, 1, 0, 0])
    }

    @Test func longPeriodsGoByMonth() {
        let summary = PeriodSummary(reviews: Self.reviews, since: F.at("2025-11-15T00:00:00Z"), until: F.at("2026-04-01T00:00:00Z"),
                                    language: .spanish, generatedAt: F.now, fileNames: [:])
        #expect(summary.monthly)
        #expect(summary.buckets.map(\.label) == ["2025-11", "2025-12", "2026-01", "2026-02", "2026-03"])
        #expect(summary.buckets.last?.bySeverity == [1: 3, 2: 2])
    }

    @Test func longCauseListsAreCut() throws {
        let base = Self.reviews[0]
        let reviews = (0..<13).map { index -> Review in
            var review = base
            review.ticket.id = "T-\(100 + index)"
            return review
        }
        let summary = PeriodSummary(reviews: reviews, since: F.at("2026-03-01T00:00:00Z"), until: F.at("2026-04-01T00:00:00Z"),
                                    language: .spanish, generatedAt: F.now, fileNames: [:])
        #expect(summary.recurringCauses.first?.tickets.count == 13)
        let text = try F.renderer().render(summary, format: .md)
        #expect(text.contains("13 incidentes (T-100, T-101, T-102, T-103, T-104, T-105, T-106, T-107, T-108, T-109, … (+3))"))
    }

    @Test func percentilesUseNearestRank() {
        #expect(PeriodSummary.percentile([], 0.5) == nil)
        #expect(PeriodSummary.percentile([5], 0.9) == 5)
        #expect(PeriodSummary.percentile([1, 2, 3, 4], 0.5) == 2)
        #expect(PeriodSummary.percentile(Array(1...10), 0.9) == 9)
        #expect(PeriodSummary.percentile(Array(1...11), 0.9) == 10)
    }

    @Test(arguments: [ReviewFormat.md, .html])
    func batchDocumentsLinkEveryReview(format: ReviewFormat) throws {
        var reviews = Self.reviews
        reviews[4].ticket.id = "T/5 index"
        let batch = ReviewBatch(reviews: reviews, since: F.at("2026-03-01T00:00:00Z"), until: F.at("2026-04-01T00:00:00Z"),
                                language: .spanish, generatedAt: F.now, format: format)
        let documents = try batch.documents(renderer: try F.renderer())
        let ext = format.fileExtension
        #expect(documents.map(\.fileName) == ["T-1.\(ext)", "T-2.\(ext)", "T-3.\(ext)", "T-4.\(ext)", "T_5_index.\(ext)",
                                              "summary.\(ext)", "index.\(ext)"])
        let index = try #require(documents.last?.text)
        for name in documents.dropLast(2).map(\.fileName) { #expect(index.contains(name)) }
        #expect(index.contains("summary.\(ext)"))
        let summary = documents[documents.count - 2].text
        #expect(summary.contains("Certificado TLS vencido en el balanceador"))
        if format == .html {
            for document in documents { _ = try XMLDocument(xmlString: document.text, options: []) }
            #expect(summary.components(separatedBy: "<svg").count - 1 == 3)
            for document in documents { #expect(!document.text.contains("http://") && !document.text.contains("<script")) }
        } else {
            #expect(summary.contains("| 1 (Crítica) | 3 | 1 h 00 min | 6 h 00 min |") == false)
            #expect(summary.contains("| 1 (Crítica) | 3 | 2 h 00 min | 6 h 00 min |"))
            #expect(summary.contains("| 24x7 | 3 | 3 | 2 | 2 de 3 | 66.7 % |"))
        }
    }

    @Test func safeFileNames() {
        #expect(ReviewBatch.safeName("T-1042") == "T-1042")
        #expect(ReviewBatch.safeName("../etc/passwd") == "_._etc_passwd")
        #expect(ReviewBatch.safeName("ñandú 1") == "_and__1")
        #expect(ReviewBatch.safeName("") == "_")
    }
}
