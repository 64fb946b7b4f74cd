import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Values that would make SLA reports false are refused, naming the field: times before creation, impossible years,
/// leap seconds. Exports without a timeline get the events their fields imply: a first-response column stops the
/// first-response clock, a waiting status pauses it, several tag columns feed the tags, an empty subject takes the
/// description's first words.
@Suite struct ImportValidationTests {
    static func jsonLine(_ replacements: [(String, String)]) -> String {
        var line = TicketFixtures.line(id: "T-1")
        for (old, new) in replacements { line = line.replacingOccurrences(of: old, with: new) }
        return line
    }

    static func reason(jsonl line: String) throws -> String? {
        let directory = try TemporaryDirectory()
        let file = try directory.write("t.jsonl", line + "\n")
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        return try TicketImporter(store: store).importFiles([file.path], displayNames: ["t.jsonl"]).rejected.first?.reason
    }

    static let created = "\"created_at\":\"2026-03-02T09:14:00-03:00\""

    static let refusedTimes: [(String, String)] = [
        (created + ",\"resolved_at\":\"2026-03-01T09:14:00-03:00\"",
         "resolved_at: '2026-03-01T09:14:00-03:00' is before created_at '2026-03-02T09:14:00-03:00'"),
        (created + ",\"closed_at\":\"2026-03-02T09:13:59-03:00\"",
         "closed_at: '2026-03-02T09:13:59-03:00' is before created_at '2026-03-02T09:14:00-03:00'"),
        ("\"created_at\":\"0000-01-01T00:00:00Z\"", "created_at: '0000-01-01T00:00:00Z' is in the year 0"),
        ("\"created_at\":\"9999-12-31T23:59:59Z\"", "created_at: '9999-12-31T23:59:59Z' is in the year 9999"),
        (created + ",\"resolved_at\":\"9999-01-01T00:00:00Z\"", "resolved_at: '9999-01-01T00:00:00Z' is in the year 9999"),
        ("\"created_at\":\"2016-12-31T23:59:60Z\"", "created_at: '2016-12-31T23:59:60Z' is a leap second (:60)"),
    ]

    @Test(arguments: refusedTimes)
    func timesThatFalsifyReportsAreRefused(replacement: String, expected: String) throws {
        let line = Self.jsonLine([(Self.created, replacement)])
        let reason = try #require(try Self.reason(jsonl: line), "accepted: \(line)")
        #expect(reason.hasPrefix(expected), "\(reason)")
    }

    @Test func eventTimesInImpossibleYearsAreRefused() throws {
        let line = Self.jsonLine([("2026-03-02T09:20:00-03:00", "9999-03-02T09:20:00-03:00")])
        #expect(try Self.reason(jsonl: line)?.hasPrefix("events[0].at: '9999-03-02T09:20:00-03:00' is in the year 9999") == true)
    }

    @Test func resolvedAtCreationIsFine() throws {
        #expect(try Self.reason(jsonl: Self.jsonLine([(Self.created, Self.created + ",\"resolved_at\":\"2026-03-02T12:14:00Z\"")])) == nil)
    }

    static func csvImport(_ csv: String, mapping: String, now: String = "2026-03-10T12:00:00Z") throws -> (ImportReport, [Ticket]) {
        let directory = try TemporaryDirectory()
        let file = try directory.write("x.csv", csv)
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let importer = TicketImporter(store: store)
        importer.settings.csvMapping = try CSVMapping(json: JSONParser().parse(mapping), source: "m.json")
        let report = try importer.importFiles([file.path], displayNames: ["x.csv"], format: .csv)
        var tickets: [Ticket] = []
        try store.forEachTicket { tickets.append($0) }
        return (report, tickets.sorted { $0.id < $1.id })
    }

    @Test func csvTimesNameTheirColumn() throws {
        let (report, _) = try Self.csvImport("""
            id,title,severity,status,created_at,Resuelto
            1,a,3,closed,2026-03-02 09:00:00,2026-03-01 09:00:00
            2,b,3,closed,2026-03-02 09:00:00,2026-03-02 23:59:60
            3,c,3,closed,0000-03-02 09:00:00,

            """, mapping: #"{"timezone": "UTC", "fields": {"resolved_at": "Resuelto"}}"#)
        #expect(report.rejected.map(\.description) == [
            "x.csv:2: error: resolved_at (column \"Resuelto\"): '2026-03-01T09:00:00Z' is before created_at '2026-03-02T09:00:00Z'",
            "x.csv:3: error: resolved_at (column \"Resuelto\"): '2026-03-02 23:59:60' is a leap second (:60), which kb's clock does not have; write :59",
            "x.csv:4: error: created_at (column \"created_at\"): '0000-03-02T09:00:00Z' is in the year 0; kb takes times from 1970 to 2100 (a misread date column?)",
        ])
    }

    /// The first-response column becomes a public comment that stops the clock; a ticket waiting on the customer
    /// is paused from its last update; tag_1…tag_3 feed the tags; an empty subject takes the description's words.
    @Test func csvTimelineFromItsColumns() throws {
        let (report, tickets) = try Self.csvImport("""
            id,title,description,severity,status,created_at,first_response_at,Last update,tag_1,tag_2,tag_3
            1,Login,No carga,3,closed,2026-03-02 13:00,2026-03-02 13:40,,login,,portal
            2,,Sin acceso desde ayer. Más texto,3,waiting_customer,2026-03-02 13:00,2026-03-02 13:10,2026-03-02 14:00,vpn,,

            """, mapping: #"{"timezone": "UTC", "fields": {"updated_at": "Last update"}}"#)
        #expect(report.rejected == [])
        let closed = tickets[0], waiting = tickets[1]
        #expect(closed.tags == ["login", "portal"])
        #expect(closed.events.map(\.kind) == [.created, .comment])
        let closedSLA = TicketSLA(ticket: closed, policy: .default, now: Timestamp(iso8601: "2026-03-10T12:00:00Z")!)
        #expect(closedSLA.firstResponse.elapsedSeconds == 40 * 60)

        #expect(waiting.title == "Sin acceso desde ayer. Más texto")
        #expect(waiting.tags == ["vpn"])
        #expect(waiting.events.map(\.kind) == [.created, .comment, .status])
        #expect(waiting.events.last?.status == .waitingCustomer)
        #expect(waiting.events.last?.at == Timestamp(iso8601: "2026-03-02T14:00:00Z"))
        // Default plan 12x5 in Santiago: 13:00–16:00 UTC is 10:00–13:00 there, within business hours.
        let waitingSLA = TicketSLA(ticket: waiting, policy: .default, now: Timestamp(iso8601: "2026-03-02T16:00:00Z")!)
        #expect(waitingSLA.resolution.pausedSeconds == 2 * 3_600)
        #expect(waitingSLA.resolution.elapsedSeconds == 3_600)
    }

    @Test func tagColumnsFromTheMappingAndRepeatedMapOptions() throws {
        let csv = "id,title,severity,status,created_at,A,B\n1,x,3,new,2026-03-02T09:00:00Z,uno,dos\n"
        let (_, fromFile) = try Self.csvImport(csv, mapping: #"{"fields": {"tags": {"columns": ["A", "B"]}}}"#)
        #expect(fromFile.first?.tags == ["uno", "dos"])
        var mapping = CSVMapping()
        try mapping.map("tags", toColumn: "A")
        try mapping.map("tags", toColumn: "B")
        #expect(mapping.fields["tags"]?.columns == ["A", "B"])
        try mapping.map("title", toColumn: "A")
        try mapping.map("title", toColumn: "B")
        #expect(mapping.fields["title"]?.columns == ["B"])
    }

    /// Zendesk: the metric set's first reply time stands in for missing comments, and a pending ticket is paused
    /// from its last update.
    @Test func zendeskFirstReplyAndPause() throws {
        let directory = try TemporaryDirectory()
        let file = try directory.write("z.json", """
            {"tickets": [{"id": 5, "subject": "Caída", "description": "No carga", "priority": "high", "status": "pending",
              "requester_id": 10, "via": {"channel": "web"}, "created_at": "2026-03-02T12:00:00Z",
              "updated_at": "2026-03-02T13:00:00Z", "metric_set": {"reply_time_in_minutes": {"calendar": 25, "business": 25}}}]}
            """)
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let report = try TicketImporter(store: store).importFiles([file.path], format: .zendesk)
        #expect(report.rejected == [])
        let ticket = try #require(try store.ticket(id: "zd:5"))
        #expect(ticket.events.map(\.kind) == [.created, .comment, .status])
        #expect(ticket.events[1].at == Timestamp(iso8601: "2026-03-02T12:25:00Z"))
        #expect(ticket.events[2].status == .waitingCustomer && ticket.events[2].at == Timestamp(iso8601: "2026-03-02T13:00:00Z"))
        let sla = TicketSLA(ticket: ticket, policy: .default, now: Timestamp(iso8601: "2026-03-02T15:00:00Z")!)
        #expect(sla.firstResponse.elapsedSeconds == 25 * 60)
        #expect(sla.resolution.pausedSeconds == 2 * 3_600)
    }

    @Test func titleFromDescription() throws {
        #expect(Ticket.title(fromDescription: "\n  Primera línea  \nsegunda") == "Primera línea")
        #expect(Ticket.title(fromDescription: " \n ") == nil)
        let title = try #require(Ticket.title(fromDescription: String(repeating: "palabra ", count: 30)))
        #expect(title.hasSuffix("palabra…"))
        #expect(title.count <= 120)
    }
}
