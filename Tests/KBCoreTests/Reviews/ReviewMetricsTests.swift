import Foundation
import Testing
@testable import KBCore

@Suite struct ReviewMetricsTests {
    typealias F = ReviewFixtures

    @Test func overnightIncidentOnTwelveFiveCountsOnlySupportHours() {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now)
        let metrics = review.metrics
        #expect(review.usesBusinessHours)
        #expect(review.terms.planName == "12x5")

        // 19:40 → 19:52, inside support hours: wall time and SLA time agree.
        #expect(metrics.firstResponse.seconds == 720)
        #expect(metrics.firstResponse.businessSeconds == 720)
        #expect(metrics.firstResponse.targetSeconds == 900)
        #expect(metrics.firstResponse.met == true)
        #expect(metrics.firstResponse.marginSeconds == 180)
        #expect(metrics.firstResponse.events == [1])

        // Tuesday 19:40 → Wednesday 11:00 is 15 h 20 min of wall time but only 20 min (Tue 19:40–20:00) plus
        // 3 h (Wed 08:00–11:00) of support hours, less the 1 h 31 min paused waiting on the customer.
        #expect(metrics.resolution.seconds == 55_200)
        let expected: Int64 = 1_200 + 10_800 - 5_460
        #expect(metrics.resolution.businessSeconds == expected)
        #expect(metrics.resolution.targetSeconds == 14_400)
        #expect(metrics.resolution.met == true)
        #expect(metrics.resolution.fields == ["created_at", "resolved_at"])
        #expect(metrics.resolution.events == [14])
        #expect(metrics.resolution.dueAt == F.at("2026-03-04T13:11:00-03:00"))

        // Escalations after 20:00 add no business time.
        #expect(metrics.escalations.map(\.subject) == ["N2", "vendor:certificadora"])
        #expect(metrics.escalations.map(\.seconds) == [1_800, 3_000])
        #expect(metrics.escalations.map(\.businessSeconds) == [1_200, 1_200])
        #expect(metrics.mitigation.seconds == 11_100)
        #expect(metrics.mitigation.businessSeconds == 1_200)

        // The overnight vendor wait is wall time only; the morning customer wait is all business time.
        #expect(metrics.vendorWait.seconds == 6_240)
        #expect(metrics.vendorWait.businessSeconds == 0)
        #expect(metrics.customerWait.seconds == 5_460)
        #expect(metrics.customerWait.businessSeconds == 5_460)

        // Impact: from creation (monitoring noticed later) to mitigation.
        #expect(metrics.impactWindow.seconds == 11_100)
        #expect(metrics.impactWindow.events == [8])
        #expect(metrics.impactWindow.fields == ["created_at"])
        #expect(review.impact.customerImpactMinutes == 185)
    }

    @Test func sameTicketOnTwentyFourSevenCountsWallTimeLessPauses() {
        var ticket = F.overnight
        ticket.plan = "24x7"
        let metrics = Review(ticket: ticket, policy: .default, now: F.now).metrics
        #expect(metrics.resolution.seconds == 55_200)
        let elapsed: Int64 = 55_200 - 5_460
        #expect(metrics.resolution.businessSeconds == elapsed)
        #expect(metrics.resolution.met == false)
        #expect(metrics.resolution.marginSeconds == 14_400 - elapsed)
        #expect(metrics.vendorWait.businessSeconds == 6_240)
    }

    @Test func vendorWaitIntervalsAddUpExactlyToTheVendorWait() {
        var ticket = F.overnight
        ticket.plan = "24x7"
        ticket.events += [
            F.event("2026-03-04T09:10:00-03:00", .escalation, "ana", "Caída del gateway SMS", to: "vendor:cloudsms"),
            F.event("2026-03-04T09:12:30-03:00", .status, "ana", "Esperando al proveedor", status: .waitingVendor),
            F.event("2026-03-04T09:40:07-03:00", .status, "ana", "Sigue esperando", status: .waitingVendor),
            F.event("2026-03-04T10:05:00-03:00", .status, "ana", "Ahora el cliente", status: .waitingCustomer),
            F.event("2026-03-04T10:20:00-03:00", .status, "ana", "De nuevo el proveedor", status: .waitingVendor),
        ]
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        let metrics = review.metrics
        let intervals = metrics.vendorWaitIntervals
        #expect(intervals.count == 3)
        #expect(intervals.reduce(0) { $0 + $1.seconds } == metrics.vendorWait.seconds)
        #expect(intervals.reduce(0) { $0 + $1.businessSeconds } == metrics.vendorWait.businessSeconds)
        // 20:31–22:15 (certificadora), 09:12:30–10:05 (cloudsms; its two status events make one wait), 10:20–10:31
        // (cloudsms, until the status goes back in progress; the customer's message changes no status).
        #expect(intervals.map(\.seconds) == [6_240, 3_150, 660])
        let total: Int64 = 6_240 + 3_150 + 660
        #expect(metrics.vendorWait.seconds == total)
        #expect(intervals.map(\.party) == ["vendor:certificadora", "vendor:cloudsms", "vendor:cloudsms"])
        #expect(intervals[1].events == [17, 19])
        // The escalation section attributes each wait to its vendor and the totals match too.
        let waits = review.escalation.steps.filter(\.isVendor).map(\.waitSeconds)
        #expect(waits == [6_240, 3_810])
        #expect(waits.compactMap { $0 }.reduce(0, +) == metrics.vendorWait.seconds)
        #expect(review.jsonText().contains("\"vendor_wait_seconds\": \(total)"))
    }

    @Test func missingEventsGiveNoNumberAndSaySo() throws {
        var ticket = F.overnight
        ticket.events.removeAll { $0.kind == .comment && $0.visibility == .public }
        ticket.events.removeAll { $0.kind == .mitigated || $0.kind == .resolved }
        ticket.resolvedAt = nil
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.metrics.firstResponse.seconds == nil)
        #expect(review.metrics.firstResponse.businessSeconds == nil)
        #expect(review.metrics.firstResponse.met == nil)
        #expect(review.metrics.firstResponse.missing != nil)
        #expect(review.metrics.resolution.missing != nil)
        #expect(review.metrics.mitigation.missing != nil)
        #expect(review.metrics.impactWindow.missing != nil)
        #expect(review.impact.customerImpactMinutes == nil)

        let json = try #require(try JSONSerialization.jsonObject(with: Data(review.jsonText().utf8)) as? [String: Any])
        let metrics = try #require(json["metrics"] as? [String: Any])
        let first = try #require(metrics["time_to_first_response"] as? [String: Any])
        #expect(first["seconds"] is NSNull)
        #expect(first["business_seconds"] is NSNull)
        #expect(first["met"] is NSNull)
        #expect((first["target_seconds"] as? Int) == 900)
        #expect((first["missing"] as? String)?.contains("comentario público") == true)
    }

    @Test func breachedTargetsSayByHowMuchAndProposeAnAnalysis() {
        var ticket = F.overnight
        ticket.events[1].at = F.at("2026-03-03T19:59:30-03:00")
        ticket.events.sort { $0.at < $1.at }
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.metrics.firstResponse.businessSeconds == 1_170)
        #expect(review.metrics.firstResponse.met == false)
        #expect(review.metrics.firstResponse.marginSeconds == -270)
        #expect(review.actions.contains { $0.kind == .slaReview && $0.reason.contains("4 min 30 s") })
        // SLA exceeded is one of the manual's rules: it fell due at 19:55 and the ticket went up to N2 at 20:10.
        let rule = review.escalation.rules.first { $0.rule == .slaExceeded }
        #expect(rule?.followed == true)
        #expect(rule?.appliedAt?.at == F.at("2026-03-03T19:55:00-03:00"))
    }

    @Test func durationsReadNaturally() {
        #expect(ReviewDuration.text(45) == "45 s")
        #expect(ReviewDuration.text(870) == "14 min 30 s")
        #expect(ReviewDuration.text(900) == "15 min")
        #expect(ReviewDuration.text(3_599) == "59 min 59 s")
        #expect(ReviewDuration.text(7_500) == "2 h 05 min")
        #expect(ReviewDuration.text(3 * 86_400 + 4 * 3_600 + 600) == "3 d 04 h 10 min")
        #expect(ReviewDuration.text(-270) == "-4 min 30 s")
    }
}
