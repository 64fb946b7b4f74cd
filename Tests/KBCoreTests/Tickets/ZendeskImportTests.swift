import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Small Zendesk API-shaped fixtures.
enum ZendeskFixtures {
    static func ticket(id: Int, subject: String = "No carga el portal", priority: String? = "high", status: String = "solved",
                       requester: Int = 501, extra: String = "") -> String {
        let priorityJSON = priority.map { "\"\($0)\"" } ?? "null"
        return """
            {"id": \(id), "url": "https://acme.zendesk.com/api/v2/tickets/\(id).json", "subject": "\(subject)",
             "description": "El portal no carga desde las 9", "priority": \(priorityJSON), "status": "\(status)",
             "requester_id": \(requester), "submitter_id": \(requester), "assignee_id": 601, "organization_id": 9001,
             "group_id": 77, "type": "incident", "via": {"channel": "email", "source": {"from": {}, "to": {}, "rel": null}},
             "tags": ["portal", "login"], "created_at": "2026-03-02T12:14:00Z", "updated_at": "2026-03-02T16:00:00Z",
             "custom_fields": [{"id": 360001, "value": "srv_portal"}, {"id": 360002, "value": null}, {"id": 360003, "value": ["a", "b"]}]\(extra)}
            """
    }

    /// The conversation of ticket `id`: the requester's opening message, an agent's reply, an internal note, the requester's reply.
    static func comments(requester: Int = 501, marker: String = "NOTA-INTERNA-7f3a") -> String {
        """
        [{"id": 1, "type": "Comment", "author_id": \(requester), "public": true, "body": "El portal no carga desde las 9",
          "plain_body": "El portal no carga desde las 9", "created_at": "2026-03-02T12:14:00Z", "attachments": []},
         {"id": 3, "type": "Comment", "author_id": 601, "public": false, "body": "\(marker): reinicio del balanceador",
          "created_at": "2026-03-02T12:40:00Z",
          "attachments": [{"id": 9, "file_name": "nginx.log", "content_type": "text/plain", "size": 1200}]},
         {"id": 2, "type": "Comment", "author_id": 601, "public": true, "body": "Estamos revisando", "created_at": "2026-03-02T12:20:00Z"},
         {"id": 4, "type": "Comment", "author_id": \(requester), "public": true, "body": "Ya funciona, gracias", "created_at": "2026-03-02T15:00:00Z"}]
        """
    }
}

@Suite struct ZendeskImportTests {
    static func importer(_ directory: TemporaryDirectory) throws -> (Store, TicketImporter) {
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        let importer = TicketImporter(store: store)
        importer.settings.zendesk.mapping = try ZendeskImportMapping(json: JSONParser().parse("""
            {"organizations": {"9001": "Banco Sur"}, "users": {"601": "ana"},
             "custom_fields": {"360001": {"field": "service", "values": {"srv_portal": "portal"}}}}
            """), source: "zendesk-mapping.json")
        return (store, importer)
    }

    /// Internal notes (`public: false`) become internal events; the requester's comments are customer updates.
    @Test(arguments: ["folder", "file", "inline"])
    func internalNotesImportAsInternalEvents(layout: String) throws {
        let directory = try TemporaryDirectory()
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        let tickets: String
        switch layout {
        case "folder":
            try directory.write("comments/4711.json", "{\"comments\": \(ZendeskFixtures.comments()), \"next_page\": null, \"count\": 4}")
            importer.settings.zendesk.commentsPath = directory.url.appendingPathComponent("comments").path
            tickets = "{\"tickets\": [\(ZendeskFixtures.ticket(id: 4711))], \"end_of_stream\": true}"
        case "file":
            try directory.write("comments.json", "{\"4711\": \(ZendeskFixtures.comments()), \"4712\": []}")
            importer.settings.zendesk.commentsPath = directory.url.appendingPathComponent("comments.json").path
            tickets = "{\"tickets\": [\(ZendeskFixtures.ticket(id: 4711))], \"end_of_stream\": true}"
        default:
            tickets = "{\"tickets\": [\(ZendeskFixtures.ticket(id: 4711, extra: ", \"comments\": \(ZendeskFixtures.comments())"))]}"
        }
        let file = try directory.write("tickets.json", tickets)
        let report = try importer.importFiles([file.path], format: .zendesk)
        #expect(report.rejected == [])
        #expect(report.inserted == 1)

        let ticket = try #require(try store.ticket(id: "zd:4711"))
        #expect(ticket.title == "No carga el portal")
        #expect(ticket.description == "El portal no carga desde las 9")
        #expect(ticket.severity == 2)
        #expect(ticket.status == .resolved)
        #expect(ticket.channel == .correo)
        #expect(ticket.customer == "Banco Sur")
        #expect(ticket.service == "portal")
        #expect(ticket.assignee == "ana")
        #expect(ticket.tags == ["portal", "login"])
        #expect(ticket.createdAt.iso8601 == "2026-03-02T12:14:00Z")
        #expect(ticket.resolvedAt?.iso8601 == "2026-03-02T16:00:00Z")
        #expect(ticket.closedAt == nil)
        #expect(ticket.extra["zendesk.field.360003"] == "a, b")
        #expect(ticket.extra["zendesk.type"] == "incident")

        let events = ticket.events.map { "\($0.kind.rawValue)|\($0.visibility.rawValue)|\($0.author ?? "-")|\($0.text)" }
        #expect(events == [
            "created|public|zd-user:501|El portal no carga desde las 9",
            "comment|public|ana|Estamos revisando",
            "comment|internal|ana|NOTA-INTERNA-7f3a: reinicio del balanceador",
            "customer_update|public|zd-user:501|Ya funciona, gracias",
            "resolved|public|ana|",
        ])
        #expect(ticket.events[2].attachments == [Attachment(name: "nginx.log", kind: "text/plain")])
        #expect(ticket.events.filter { $0.text.contains("NOTA-INTERNA") }.allSatisfy { $0.visibility == .internal })
    }

    /// Priorities and statuses go through the policy's maps; a missing priority takes `missing_priority`.
    @Test func policyMapsPrioritiesAndStatuses() throws {
        let directory = try TemporaryDirectory()
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        importer.settings.zendesk.policy.priorities["urgent"] = 1
        importer.settings.zendesk.policy.priorities["normal"] = 4
        importer.settings.zendesk.policy.statuses["hold"] = .escalated
        let lines = [
            ZendeskFixtures.ticket(id: 1, priority: "urgent", status: "open"),
            ZendeskFixtures.ticket(id: 2, priority: nil, status: "hold"),
            ZendeskFixtures.ticket(id: 3, priority: "low", status: "closed"),
            ZendeskFixtures.ticket(id: 4, priority: "critical", status: "open"),
            ZendeskFixtures.ticket(id: 5, priority: "low", status: "deleted"),
        ].map { $0.replacingOccurrences(of: "\n", with: " ") }
        let file = try directory.write("export.jsonl", lines.joined(separator: "\n") + "\n")
        let report = try importer.importFiles([file.path], displayNames: ["export.jsonl"], format: .zendesk)
        #expect(report.inserted == 3)
        #expect(try store.ticket(id: "zd:1")?.severity == 1)
        #expect(try store.ticket(id: "zd:1")?.status == .inProgress)
        #expect(try store.ticket(id: "zd:2")?.severity == 4)
        #expect(try store.ticket(id: "zd:2")?.status == .escalated)
        let closed = try #require(try store.ticket(id: "zd:3"))
        #expect(closed.status == .closed && closed.closedAt?.iso8601 == "2026-03-02T16:00:00Z")
        #expect(report.rejected.map(\.description) == [
            "export.jsonl:4: error: zd:4: priority: Zendesk priority 'critical' has no entry in policy.zendesk.priorities (known: high, low, normal, urgent)",
            "export.jsonl:5: error: zd:5: status: Zendesk status 'deleted' has no entry in policy.zendesk.statuses (known: closed, hold, new, open, pending, solved)",
        ])
    }

    /// The `tickets` array is streamed; every rejected ticket is named by index and the line it starts on.
    @Test(arguments: [true, false])
    func streamedExportNamesRejectedTicketsByIndex(pretty: Bool) throws {
        let directory = try TemporaryDirectory()
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        var tickets = (1...50).map { ZendeskFixtures.ticket(id: $0) }
        tickets[7] = ZendeskFixtures.ticket(id: 8, extra: ", \"created_at\": \"ayer\"")
        tickets[20] = "{\"id\": 21, \"subject\": \"roto\" \"status\": \"open\"}"
        tickets[33] = "\"not an object\""
        tickets[40] = ZendeskFixtures.ticket(id: 8)
        tickets[45] = ZendeskFixtures.ticket(id: 3, subject: "Repetido más tarde")
        if !pretty { tickets = tickets.map { $0.replacingOccurrences(of: "\n", with: "") } }
        var startLines: [Int] = []
        var line = 1
        for ticket in tickets {
            startLines.append(line)
            line += ticket.filter { $0 == "\n" }.count + (pretty ? 1 : 0)
        }
        let body = tickets.joined(separator: pretty ? ",\n" : ",")
        let text = "\u{FEFF}{\"count\": 50, \"tickets\": [\(body)], \"next_page\": null, \"end_of_stream\": true, \"users\": [{\"id\": 1}]}"
        let file = try directory.write("export.json", text)
        let report = try importer.importFiles([file.path], displayNames: ["export.json"], format: .zendesk)
        #expect(report.read == 50)
        let reasons = report.rejected.map(\.reason)
        #expect(reasons.count == 3)
        #expect(reasons.first?.hasPrefix("tickets[7] zd:8: created_at: 'ayer' is not an ISO 8601 time") == true)
        #expect(reasons.dropFirst().first?.hasPrefix("tickets[20]: invalid JSON at byte") == true)
        #expect(reasons.last == "tickets[33]: $: expected a ticket object, found a string")
        #expect(report.rejected.map(\.line) == [startLines[7], startLines[20], startLines[33]])
        #expect(Set(report.rejected.map(\.line)).count == (pretty ? 3 : 1))
        // Incremental exports repeat a ticket after each update: the later copy replaces the earlier one.
        #expect(report.inserted == 46 && report.updated == 1)
        #expect(try store.ticketCount() == 46)
        #expect(try store.ticket(id: "zd:3")?.title == "Repetido más tarde")
        #expect(try store.ticket(id: "zd:8") != nil)
    }

    @Test func severalPagesInOneFile() throws {
        let directory = try TemporaryDirectory()
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        let page1 = "{\"tickets\": [\(ZendeskFixtures.ticket(id: 1)), \(ZendeskFixtures.ticket(id: 2))], \"end_of_stream\": false}"
        let page2 = "{\"tickets\": [], \"end_of_stream\": false}\n{\"tickets\": [\(ZendeskFixtures.ticket(id: 3))], \"end_of_stream\": true}"
        let file = try directory.write("pages.json", page1 + "\n" + page2)
        let report = try importer.importFiles([file.path], format: .zendesk)
        #expect(report.inserted == 3 && report.rejected.isEmpty)
    }

    @Test func truncatedExportStopsWithItsLineAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let (store, importer) = try Self.importer(directory)
        defer { try? store.close() }
        let text = "{\"tickets\": [\n\(ZendeskFixtures.ticket(id: 1)),\n" + String(ZendeskFixtures.ticket(id: 2).prefix(120))
        let file = try directory.write("cut.json", text)
        // The array opens on line 1, ticket 1 starts on line 2, ticket 2 on the line after ticket 1 ends.
        let secondTicketLine = 3 + ZendeskFixtures.ticket(id: 1).filter { $0 == "\n" }.count
        #expect(throws: ZendeskImportError.invalidExport(path: "cut.json", line: secondTicketLine, reason: "the file ends inside tickets[1]; the export looks truncated, download it again")) {
            try importer.importFiles([file.path], displayNames: ["cut.json"], format: .zendesk)
        }
        #expect(try store.ticketCount() == 0)
    }

    @Test func subjectlessTicketsTakeTheFirstLineOfTheDescription() throws {
        let object = try JSONParser().parse("""
            {"id": 9, "subject": "", "description": "  Primera línea\\nsegunda", "priority": "low", "status": "new",
             "created_at": "2026-03-02T12:14:00Z", "via": {"channel": "carrier_pigeon"}}
            """)
        let ticket = try ZendeskTicketConverter(settings: ZendeskImportSettings()).ticket(from: object)
        #expect(ticket.title == "Primera línea")
        #expect(ticket.channel == nil)
        #expect(ticket.extra["zendesk.via"] == "carrier_pigeon")
        #expect(ticket.events.map(\.kind) == [.created])
    }

    @Test(arguments: [
        (#"{"users": {"1": ""}}"#, "users[\"1\"]"),
        (#"{"custom_fields": {"5": "priority"}}"#, "custom_fields[\"5\"]"),
        (#"{"custom_fields": {"5": {"field": "severity", "values": {"alta": 9}}}}"#, "custom_fields[\"5\"].values[\"alta\"]"),
        (#"{"channels": {"email": "fax"}}"#, "channels[\"email\"]"),
        (#"{"organisations": {}}"#, "organisations"),
    ])
    func mappingErrorsNameTheirPath(json: String, path: String) throws {
        let value = try JSONParser().parse(json)
        #expect {
            try ZendeskImportMapping(json: value, source: "m.json")
        } throws: { error in
            guard case let ZendeskImportError.invalidMapping(source, errorPath, _) = error else { return false }
            return source == "m.json" && errorPath == path
        }
    }
}
