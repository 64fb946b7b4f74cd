import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct TimelineCheckerTests {
    typealias F = ReviewFixtures

    func codes(_ review: Review) -> [ReviewWarning.Code] { review.warnings.map(\.code) }

    @Test func orderedCompleteTimelineHasNoWarnings() {
        let review = Review(ticket: F.overnight, policy: .default, now: F.now)
        #expect(review.warnings.isEmpty)
        #expect(review.metrics.all.allSatisfy { !$0.flagged })
    }

    /// The store keeps the events as imported; the check runs on that order, metrics on time order.
    @Test func outOfOrderTimelineAsStoredIsFlaggedAndMeasuredInTimeOrder() throws {
        var ticket = F.overnight
        ticket.events.swapAt(5, 6)  // the end of the vendor wait listed before its start
        let directory = try TemporaryDirectory()
        let store = try F.store(in: directory, tickets: [ticket])
        defer { try? store.close() }
        let stored = try #require(try store.ticket(id: ticket.id))
        #expect(stored.events == ticket.events)

        let review = Review(ticket: stored, policy: .default, now: F.now)
        let warning = try #require(review.warnings.first { $0.code == .outOfOrder })
        #expect(review.warnings.filter { $0.code == .outOfOrder }.count == 1)
        #expect(warning.events == [5, 6])
        #expect(warning.message.contains("#7"))
        #expect(warning.message.contains("#6"))
        // Same numbers as the ordered ticket: metrics use time order…
        let ordered = Review(ticket: F.overnight, policy: .default, now: F.now)
        #expect(review.metrics.vendorWait.seconds == ordered.metrics.vendorWait.seconds)
        #expect(review.metrics.resolution.businessSeconds == ordered.metrics.resolution.businessSeconds)
        // …but the vendor wait, which comes from the misplaced events, is flagged, as are the events.
        #expect(review.metrics.vendorWait.flagged)
        #expect(!review.metrics.firstResponse.flagged)
        #expect(review.timeline.filter { !$0.warnings.isEmpty }.map(\.index).sorted() == [5, 6])
        // The timeline is shown in time order with each event's position in the file.
        #expect(review.timeline.map(\.index).prefix(7) == [0, 1, 2, 3, 4, 6, 5])
    }

    @Test func futureAndBeforeCreationTimesAreWarnedAndNotUsed() throws {
        var ticket = F.overnight
        ticket.events[1].at = F.at("2026-03-03T19:30:00-03:00")   // a comment before the ticket existed
        ticket.events.append(F.event("2027-01-01T10:00:00-03:00", .comment, "ana", "Fecha imposible"))
        ticket.events.insert(F.event("2026-03-03T19:32:00-03:00", .detected, "monitoreo", "Alerta previa"), at: 0)
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        let future = review.warnings.filter { $0.code == .futureTimestamp }
        #expect(future.map(\.events) == [[17]])
        let early = review.warnings.filter { $0.code == .beforeCreation }
        // The comment before creation is warned about; monitoring detecting before the ticket is normal.
        #expect(early.map(\.events) == [[2]])
        #expect(review.warnings.contains { $0.code == .resolutionBeforeFirstResponse } == false)
        // A first response before creation counts from creation (zero), flagged.
        #expect(review.metrics.firstResponse.seconds == 0)
        #expect(review.metrics.firstResponse.flagged)
        // The future comment is not the first response nor anything else; the impact starts at detection.
        #expect(review.metrics.impactWindow.start == F.at("2026-03-03T19:32:00-03:00"))
        #expect(review.detection.source == .monitoring)
    }

    @Test func missingMilestonesAndInconsistentTimesAreWarned() {
        var ticket = F.overnight
        ticket.events.removeAll { $0.kind == .comment && $0.visibility == .public }
        ticket.events.removeAll { $0.kind == .resolved || $0.kind == .closed }
        ticket.resolvedAt = nil
        ticket.closedAt = nil
        ticket.events[3].text = "  "
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        let found = Set(codes(review))
        #expect(found.isSuperset(of: [.missingFirstResponse, .missingResolution, .missingClosingTime, .escalationWithoutReason]))
        #expect(review.warnings.first { $0.code == .escalationWithoutReason }?.events == [3])

        var early = F.overnight
        early.resolvedAt = F.at("2026-03-03T19:45:00-03:00")
        let inverted = Review(ticket: early, policy: .default, now: F.now)
        #expect(codes(inverted).contains(.resolutionBeforeFirstResponse))
        #expect(codes(inverted).contains(.mitigationAfterResolution))
        #expect(codes(inverted).contains(.resolvedAtMismatch))
    }

    @Test func escalationProblemsAndForcedReviewsAreWarned() {
        var ticket = F.overnight
        ticket.events[3].to = "N9"
        ticket.events.remove(at: 4)  // the vendor escalation: the vendor wait has none before it
        ticket.status = .inProgress
        ticket.severity = 3
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(review.warnings.first { $0.code == .unknownEscalationTarget }?.events == [3])
        #expect(review.warnings.first { $0.code == .vendorWaitWithoutEscalation }?.events == [4])
        let forced = review.warnings.first { $0.code == .forcedReview }
        #expect(forced?.message.contains("en curso") == true)
        #expect(forced?.message.contains("severidad 3") == true)
        #expect(review.metrics.vendorWaitIntervals.first?.party == nil)
    }

    @Test func noEventsAtAll() {
        var ticket = F.overnight
        ticket.events = []
        let review = Review(ticket: ticket, policy: .default, now: F.now)
        #expect(codes(review).contains(.noTimeline))
        #expect(review.metrics.resolution.seconds == 55_200)
        #expect(review.metrics.firstResponse.missing != nil)
    }

    @Test func englishWarningsInEnglish() {
        var ticket = F.overnight
        ticket.events.swapAt(5, 6)
        let review = Review(ticket: ticket, policy: .default, now: F.now, language: .english)
        #expect(review.warnings.first?.message.hasPrefix("Events out of order: event #7") == true)
    }
}
