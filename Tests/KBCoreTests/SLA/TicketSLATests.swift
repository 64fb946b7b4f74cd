import Foundation
import Testing
@testable import KBCore

@Suite struct TicketSLATests {
    private func at(_ text: String) -> Timestamp { Timestamp(iso8601: text)! }

    private func event(_ time: String, _ kind: EventKind, status: TicketStatus? = nil, visibility: Visibility = .public,
                       to: String? = nil) -> TicketEvent {
        TicketEvent(at: at(time), kind: kind, visibility: visibility, status: status, to: to)
    }

    @Test func resolvedTicketWithPauseAndVendorWait() {
        let ticket = Ticket(
            id: "T-1042", title: "No carga el login del portal", service: "portal", severity: 1, status: .closed,
            createdAt: at("2026-03-02T09:14:00-03:00"),
            events: [
                event("2026-03-02T09:16:00-03:00", .comment, visibility: .internal),
                event("2026-03-02T09:20:00-03:00", .comment),
                event("2026-03-02T10:00:00-03:00", .status, status: .waitingCustomer),
                event("2026-03-02T11:00:00-03:00", .status, status: .inProgress),
                event("2026-03-02T11:30:00-03:00", .status, status: .waitingVendor),
                event("2026-03-02T12:30:00-03:00", .status, status: .inProgress),
                event("2026-03-02T14:00:00-03:00", .resolved),
                event("2026-03-02T15:00:00-03:00", .closed),
            ])
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-10T00:00:00Z"))
        #expect(sla.planName == "12x5")
        #expect(sla.timeZoneIdentifier == "America/Santiago")
        #expect(sla.warnings.isEmpty)

        let first = sla.firstResponse
        #expect(first.state == .stopped)
        #expect(first.targetSeconds == 900)
        #expect(first.elapsedSeconds == 360)
        #expect(first.remainingSeconds == 540)
        #expect(first.dueAt == at("2026-03-02T09:29:00-03:00"))
        #expect(first.stoppedAt == at("2026-03-02T09:20:00-03:00"))
        #expect(!first.breached)
        #expect(first.fractionConsumed == 0.4)

        let resolution = sla.resolution
        #expect(resolution.state == .stopped)
        #expect(resolution.targetSeconds == 14_400)
        #expect(resolution.pausedSeconds == 3_600)
        #expect(resolution.elapsedSeconds == 17_160 - 3_600)
        #expect(resolution.vendorWaitSeconds == 3_600)
        #expect(resolution.remainingSeconds == 840)
        #expect(resolution.breachedBySeconds == 0)
        #expect(resolution.dueAt == at("2026-03-02T14:14:00-03:00"))
        #expect(sla.update == nil)
        #expect(!sla.isBreached)
    }

    /// An export without a first-reply column: the resolution answered the customer, so the first-response clock
    /// stops there instead of running to now ("breached by 192 business days" for a ticket closed long ago).
    @Test func ticketResolvedWithoutAPublicCommentIsAnsweredByItsResolution() {
        let ticket = Ticket(id: "T-3", title: "Consulta de reporte", service: "reportes", severity: 4, status: .closed,
                            createdAt: at("2026-03-02T09:00:00-03:00"), resolvedAt: at("2026-03-02T10:00:00-03:00"),
                            events: [event("2026-03-02T09:30:00-03:00", .comment, visibility: .internal)])
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-12-01T00:00:00Z"))
        #expect(sla.firstResponse.state == .stopped)
        #expect(sla.firstResponse.stoppedAt == at("2026-03-02T10:00:00-03:00"))
        #expect(sla.firstResponse.elapsedSeconds == 3_600)
        // A public comment after the resolution does not move the first response later.
        var late = ticket
        late.events.append(event("2026-03-03T09:00:00-03:00", .comment))
        #expect(TicketSLA(ticket: late, policy: .default, now: at("2026-12-01T00:00:00Z")).firstResponse.stoppedAt
            == at("2026-03-02T10:00:00-03:00"))
    }

    @Test func openTicketOverTheWeekendIsBreached() {
        let ticket = Ticket(id: "T-2", title: "Plataforma caída", service: "portal", severity: 1, status: .new,
                            createdAt: at("2026-03-06T19:30:00-03:00"))
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-09T08:20:00-03:00"))
        #expect(sla.firstResponse.state == .running)
        #expect(sla.firstResponse.elapsedSeconds == 3_000)
        #expect(sla.firstResponse.breached)
        #expect(sla.firstResponse.breachedBySeconds == 2_100)
        #expect(sla.firstResponse.remainingSeconds == 0)
        #expect(sla.firstResponse.dueAt == at("2026-03-06T19:45:00-03:00"))
        #expect(sla.resolution.remainingSeconds == 11_400)
        #expect(sla.resolution.dueAt == at("2026-03-09T11:30:00-03:00"))
        #expect(sla.isBreached)
        #expect(sla.update == nil)
    }

    @Test func pausedTicketMovesItsDueTime() throws {
        let ticket = Ticket(
            id: "T-3", title: "Lentitud", severity: 3, status: .waitingCustomer,
            createdAt: at("2026-03-02T10:00:00-03:00"),
            events: [
                event("2026-03-02T10:30:00-03:00", .comment),
                event("2026-03-02T11:00:00-03:00", .status, status: .waitingCustomer),
            ])
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-02T15:00:00-03:00"))
        #expect(sla.resolution.state == .paused)
        #expect(sla.resolution.elapsedSeconds == 3_600)
        #expect(sla.resolution.pausedSeconds == 4 * 3_600)
        // 23 business hours left from now: Monday 15-20, Tuesday 08-20, Wednesday 08-14.
        #expect(sla.resolution.dueAt == at("2026-03-04T14:00:00-03:00"))
        let update = try #require(sla.update)
        #expect(update.state == .paused)
        #expect(update.startedAt == at("2026-03-02T10:30:00-03:00"))
        #expect(update.elapsedSeconds == 1_800)
        #expect(update.dueAt == at("2026-03-02T18:30:00-03:00"))
        #expect(sla.clocks.map(\.kind) == [.firstResponse, .update, .resolution])
    }

    @Test func customerPlanAndZoneComeFromThePolicy() throws {
        let policy = try Policy(jsonData: Data(#"{"customers": {"Acme": {"plan": "24x7", "timezone": "America/Mexico_City"}}}"#.utf8))
        let ticket = Ticket(id: "T-4", title: "x", customer: "Acme", severity: 2, status: .resolved,
                            createdAt: at("2026-03-07T22:00:00-06:00"), resolvedAt: at("2026-03-08T06:30:00-06:00"),
                            events: [event("2026-03-07T22:10:00-06:00", .comment)])
        let sla = TicketSLA(ticket: ticket, policy: policy, now: at("2026-03-09T00:00:00Z"))
        #expect(sla.calendarName == "24x7")
        #expect(sla.timeZoneIdentifier == "America/Mexico_City")
        #expect(sla.resolution.elapsedSeconds == 8 * 3_600 + 1_800)
        #expect(sla.resolution.breached)
        #expect(sla.resolution.breachedBySeconds == 1_800)
        #expect(sla.resolution.dueAt.iso8601 == "2026-03-08T06:00:00-06:00")
    }

    @Test func eventsAfterNowHaveNotHappened() {
        let ticket = Ticket(id: "T-5", title: "x", severity: 2, status: .resolved,
                            createdAt: at("2026-03-02T09:00:00-03:00"), resolvedAt: at("2026-03-02T12:00:00-03:00"),
                            events: [event("2026-03-02T09:45:00-03:00", .comment)])
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-02T09:40:00-03:00"))
        #expect(sla.firstResponse.state == .running)
        #expect(sla.firstResponse.elapsedSeconds == 2_400)
        #expect(sla.firstResponse.breached)
        #expect(sla.resolution.state == .running)
        #expect(sla.resolution.elapsedSeconds == 2_400)
    }

    @Test func resolutionFallsBackToStatusThenClosingTime() {
        var ticket = Ticket(id: "T-6", title: "x", severity: 4, status: .closed, createdAt: at("2026-03-02T09:00:00-03:00"),
                            events: [event("2026-03-02T11:00:00-03:00", .status, status: .resolved)])
        var sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-05T00:00:00Z"))
        #expect(sla.resolution.stoppedAt == at("2026-03-02T11:00:00-03:00"))
        #expect(sla.warnings.isEmpty)

        ticket.events = []
        ticket.closedAt = at("2026-03-02T12:00:00-03:00")
        sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-05T00:00:00Z"))
        #expect(sla.resolution.stoppedAt == at("2026-03-02T12:00:00-03:00"))
        #expect(sla.resolution.elapsedSeconds == 3 * 3_600)
        #expect(sla.warnings == ["no resolution time; using the closing time"])

        ticket.closedAt = nil
        sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-02T13:00:00-03:00"))
        #expect(sla.resolution.state == .running)
        #expect(sla.warnings.count == 1)
    }

    @Test func reopenedTicketUsesResolvedAt() {
        let ticket = Ticket(
            id: "T-7", title: "x", severity: 2, status: .resolved, createdAt: at("2026-03-02T09:00:00-03:00"),
            resolvedAt: at("2026-03-02T16:00:00-03:00"),
            events: [
                event("2026-03-02T10:00:00-03:00", .resolved),
                event("2026-03-02T11:00:00-03:00", .reopened),
                event("2026-03-02T16:00:00-03:00", .resolved),
            ])
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-03T00:00:00Z"))
        #expect(sla.resolution.elapsedSeconds == 7 * 3_600)
        #expect(!sla.resolution.breached)
    }

    @Test func unknownPlanAndOddSeverityLeaveWarnings() {
        let ticket = Ticket(id: "T-8", title: "x", plan: "oro", timezone: "Mars/Base", severity: 9, status: .new,
                            createdAt: at("2026-03-02T09:00:00-03:00"))
        let sla = TicketSLA(ticket: ticket, policy: .default, now: at("2026-03-02T10:00:00-03:00"))
        #expect(sla.severity == 5)
        #expect(sla.planName == "12x5")
        #expect(sla.timeZoneIdentifier == "America/Santiago")
        #expect(sla.warnings.contains("unknown plan \"oro\""))
        #expect(sla.warnings.contains("unknown time zone \"Mars/Base\""))
        #expect(sla.warnings.contains { $0.hasPrefix("severity 9 is outside") })
        #expect(sla.firstResponse.targetSeconds == 8 * 3_600)
    }

    @Test func pausingStatusesComeFromThePolicy() throws {
        let policy = try Policy(jsonData: Data(#"{"pausing_statuses": ["waiting_customer", "waiting_vendor"], "vendor_statuses": []}"#.utf8))
        let ticket = Ticket(
            id: "T-9", title: "x", severity: 2, status: .resolved, createdAt: at("2026-03-02T09:00:00-03:00"),
            resolvedAt: at("2026-03-02T13:00:00-03:00"),
            events: [
                event("2026-03-02T10:00:00-03:00", .status, status: .waitingVendor),
                event("2026-03-02T12:00:00-03:00", .status, status: .inProgress),
            ])
        let sla = TicketSLA(ticket: ticket, policy: policy, now: at("2026-03-03T00:00:00Z"))
        #expect(sla.resolution.pausedSeconds == 7_200)
        #expect(sla.resolution.elapsedSeconds == 7_200)
        #expect(sla.resolution.vendorWaitSeconds == 0)
    }
}
