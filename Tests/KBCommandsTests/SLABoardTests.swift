import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

/// `kb sla` as a lead's board, and how `kb show` and `kb suggest` write clocks and times.
@Suite struct SLABoardTests {
    static let now = "2026-09-17T18:00:00Z"

    static func ticket(_ id: String, customer: String, zone: String, severity: Int, status: String, service: String,
                       assignee: String, created: String, events: String = "") -> String {
        TicketFixtures.line(id: id, severity: severity, status: status, extra: "")
            .replacingOccurrences(of: "\"customer\":\"Acme\"", with: "\"customer\":\"\(customer)\",\"assignee\":\"\(assignee)\"")
            .replacingOccurrences(of: "\"timezone\":\"America/Santiago\"", with: "\"timezone\":\"\(zone)\"")
            .replacingOccurrences(of: "\"service\":\"portal\"", with: "\"service\":\"\(service)\"")
            .replacingOccurrences(of: "\"created_at\":\"2026-03-02T09:14:00-03:00\"", with: "\"created_at\":\"\(created)\"")
            .replacingOccurrences(of: #""events":[{"at":"2026-03-02T09:20:00-03:00","kind":"comment","author":"ana","text":"Revisando"}]"#,
                                  with: "\"events\":[\(events)]")
    }

    /// Four open tickets on 12x5 (Mexico, Chile) and one closed, at Thursday 17 September 2026, 12:00 in Mexico City.
    static let tickets = [
        // Severity 1, no answer for 25 minutes: breached by 10 minutes.
        ticket("T-MX1", customer: "Autopartes del Bajío", zone: "America/Mexico_City", severity: 1, status: "assigned",
               service: "portal", assignee: "Ana María", created: "2026-09-17T11:35:00-06:00"),
        // Severity 1 answered, updated at 09:58, then waiting on the customer since 10:00: paused two hours, over
        // the one-hour limit; its update clock has 28 minutes left when it resumes.
        ticket("T-MX2", customer: "Autopartes del Bajío", zone: "America/Mexico_City", severity: 1, status: "waiting_customer",
               service: "llamadas", assignee: "luis", created: "2026-09-17T09:00:00-06:00",
               events: #"{"at":"2026-09-17T09:05:00-06:00","kind":"comment","visibility":"public","text":"Revisando"},{"at":"2026-09-17T09:58:00-06:00","kind":"comment","visibility":"public","text":"¿Nos envía una captura?"},{"at":"2026-09-17T10:00:00-06:00","kind":"status","status":"waiting_customer","text":"Pedimos captura"}"#),
        // Severity 4 opened Friday 11 September in Santiago: 54 of its 72 business hours used (75%), at risk; the
        // 18 hours left skip Fiestas Patrias (18 and 19 September) and run out on Tuesday the 22nd at 09:00.
        ticket("T-CL4", customer: "Constructora Pehuén", zone: "America/Santiago", severity: 4, status: "in_progress",
               service: "reportes", assignee: "ana maria", created: "2026-09-11T09:00:00-03:00",
               events: #"{"at":"2026-09-11T09:30:00-03:00","kind":"comment","visibility":"public","text":"Revisando"},{"at":"2026-09-17T14:30:00-03:00","kind":"comment","visibility":"public","text":"Seguimos"}"#),
        // Severity 3 opened just now: on track, only with --all.
        ticket("T-CL3", customer: "Constructora Pehuén", zone: "America/Santiago", severity: 3, status: "new",
               service: "portal", assignee: "luis", created: "2026-09-17T14:55:00-03:00"),
    ]

    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.jsonl", Self.tickets.joined(separator: "\n") + "\n")
        let imported = runKB(["import", "t.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        return directory
    }

    func board(_ arguments: [String], in directory: TemporaryDirectory) throws -> [[String: Any]] {
        let result = runKB(["sla", "--json", "--now", Self.now] + arguments, in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        return try #require(json["tickets"] as? [[String: Any]])
    }

    @Test func theBoardIsSortedByTimeLeftAndFlagsLongPauses() throws {
        let directory = try workspace()
        let tickets = try board([], in: directory)
        #expect(tickets.map { $0["id"] as? String } == ["T-MX1", "T-MX2", "T-CL4"])
        #expect(tickets.map { $0["state"] as? String } == ["breached", "paused", "at_risk"])
        #expect(tickets.map { $0["time_left_seconds"] as? Int } == [-600, 1_680, 64_800])
        #expect(tickets[0]["time_left_seconds"] as? Int == -600)
        #expect(tickets[0]["due_at"] as? String == "2026-09-17T17:50:00Z")
        #expect(tickets[0]["due_at_local"] as? String == "2026-09-17T11:50:00-06:00")
        #expect(tickets[1]["paused_too_long_seconds"] as? Int == 7_200)
        #expect(tickets[1]["pause_limit_seconds"] as? Int == 3_600)
        let all = try board(["--all"], in: directory)
        #expect(all.map { $0["id"] as? String } == ["T-MX1", "T-MX2", "T-CL3", "T-CL4"])
        let text = runKB(["sla", "--now", Self.now], in: directory.url).stdout
        #expect(text.hasPrefix("SLA board at 2026-09-17T18:00:00Z: 1 breached, 1 at risk, 1 paused too long\n"))
        #expect(text.contains("  T-MX1  sev 1  assigned  first response: BREACHED by 10m, due 2026-09-17 11:50 -06:00 (America/Mexico_City)  (Autopartes del Bajío, Ana María)"))
        #expect(text.contains("  T-MX2  sev 1  waiting_customer  update: PAUSED since 2026-09-17 10:00 -06:00 (America/Mexico_City) by status waiting_customer, 28m left  (Autopartes del Bajío, luis)"))
        #expect(text.contains("  T-CL4  sev 4  in_progress  resolution: 75% used, 1 business day 6h 00m left, due 2026-09-22 09:00 -03:00 (America/Santiago)"))
        #expect(text.contains("      FLAG: severity 1 paused 2h 00m, over the 1h 00m limit (pause_limits in kb/policy.json)"))
        let bogota = runKB(["sla", "--now", Self.now, "--tz", "America/Bogota"], in: directory.url).stdout
        #expect(bogota.hasPrefix("SLA board at 2026-09-17 13:00 -05:00 (America/Bogota)"))
        #expect(bogota.contains("due 2026-09-17 12:50 -05:00 (America/Bogota)"))
    }

    @Test(arguments: [
        (["--customer", "AUTOPARTES DEL BAJIO"], ["T-MX1", "T-MX2"]),
        (["--customer", "constructora pehuen", "--all"], ["T-CL3", "T-CL4"]),
        (["--severity", "1"], ["T-MX1", "T-MX2"]),
        (["--severity", "4", "--severity", "1"], ["T-MX1", "T-MX2", "T-CL4"]),
        (["--service", "Llamadas"], ["T-MX2"]),
        (["--assignee", "ana maría"], ["T-MX1", "T-CL4"]),
        (["--plan", "12X5"], ["T-MX1", "T-MX2", "T-CL4"]),
        (["--plan", "24x7"], []),
        (["--customer", "Autopartes del Bajío", "--severity", "4"], []),
    ])
    func filtersMatchIgnoringCaseAndAccents(arguments: [String], expected: [String]) throws {
        let directory = try workspace()
        #expect(try board(arguments, in: directory).map { $0["id"] as? String } == expected)
    }

    @Test(arguments: [
        (["--customer", "Nadie"], "error: unknown --customer 'Nadie'; known customers: Autopartes del Bajío, Constructora Pehuén"),
        (["--severity", "6"], "error: unknown --severity '6'; known severities: 1, 2, 3, 4, 5"),
        (["--service", "fax"], "error: unknown --service 'fax'; known services: contrasenas, documentacion, estadisticas, llamadas, mensajeria, portal, reportes, webchat"),
        (["--assignee", "pedro"], "error: unknown --assignee 'pedro'; known assignees: Ana María, ana maria, luis"),
        (["--plan", "oro"], "error: unknown --plan 'oro'; known plans: 12x5, 24x7"),
        (["--since", "2026-09-10", "--until", "2026-09-01"], "error: --since 2026-09-10T00:00:00Z is not before --until 2026-09-01T00:00:00Z"),
        (["--since", "2026-09-20"], "error: --since 2026-09-20T00:00:00Z is not before --now 2026-09-17T18:00:00Z"),
        (["--tz", "Mars/Olympus"], "error: --tz needs an IANA time zone such as America/Mexico_City or UTC, not 'Mars/Olympus'"),
    ])
    func badValuesAreUsageErrors(arguments: [String], message: String) throws {
        let directory = try workspace()
        let result = runKB(["sla", "--now", Self.now] + arguments, in: directory.url)
        #expect(result.code == 64)
        #expect(result.stderr.hasPrefix(message + "\n"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }

    @Test func showSaysAPausedClockIsPausedAndWritesBusinessDays() throws {
        let directory = try workspace()
        let text = runKB(["show", "--now", Self.now, "T-MX2", "T-CL4"], in: directory.url).stdout
        #expect(text.contains("  2026-09-17 10:00 -06:00 (America/Mexico_City)  status → waiting_customer: Pedimos captura"))
        #expect(text.contains("  resolution: PAUSED since 2026-09-17 10:00 -06:00 (America/Mexico_City) by status waiting_customer; target 4h 00m, elapsed 1h 00m (paused 2h 00m in all), 3h 00m left when it resumes"))
        #expect(!text.contains("left, due"), "a paused clock shows no due time")
        // Severity 4: 72 business hours are six 12-hour days under 12x5.
        #expect(text.contains("  resolution: target 6 business days, elapsed 4 business days"))
        let json = runKB(["show", "--json", "--now", Self.now, "T-MX2"], in: directory.url)
        let tickets = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [[String: Any]])
        let resolution = try #require((tickets.first?["sla"] as? [String: Any])?["resolution"] as? [String: Any])
        #expect(resolution["state"] as? String == "paused")
        #expect(resolution["paused_since"] as? String == "2026-09-17T16:00:00Z")
        #expect(resolution["paused_by"] as? String == "waiting_customer")
    }

    @Test func suggestPrintsLocalDueTimes() throws {
        let directory = try workspace()
        let policy = #"{"customers": {"Autopartes del Bajío": {"plan": "12x5", "timezone": "America/Mexico_City"}}}"#
        try directory.write("kb/policy.json", policy)
        let arguments = ["suggest", "--now", "2026-09-15T19:50:00-06:00", "--customer", "Autopartes del Bajío", "No carga el login del portal"]
        let text = runKB(arguments, in: directory.url).stdout
        #expect(text.contains("SLA (plan 12x5, calendar 12x5, holidays MX, America/Mexico_City):\n  first response by 2026-09-17 08:05 -06:00 (America/Mexico_City) (15m)\n  resolution by 2026-09-17 11:50 -06:00 (America/Mexico_City) (4h 00m)\n"))
        let utc = runKB(arguments + ["--tz", "UTC"], in: directory.url).stdout
        #expect(utc.contains("  first response by 2026-09-17 14:05 +00:00 (UTC) (15m)"))
    }
}
