import Foundation
import Testing
@testable import KBCore

@Suite struct TicketGeneratorTests {
    static func lines(seed: UInt64, count: Int) -> [String] {
        var lines = [String]()
        TicketGenerator(seed: seed).writeJSONLines(count: count) { lines.append($0) }
        return lines
    }

    static func object(_ line: String) throws -> [String: Any] {
        let value = try JSONSerialization.jsonObject(with: Data(line.utf8))
        return try #require(value as? [String: Any])
    }

    /// The package root, found from this file's path, so the test runs from any working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test func sameSeedGivesSameBytes() {
        #expect(Self.lines(seed: 7, count: 300) == Self.lines(seed: 7, count: 300))
    }

    @Test func differentSeedsGiveDifferentTickets() {
        let first = Self.lines(seed: 1, count: 50)
        let second = Self.lines(seed: 2, count: 50)
        #expect(first != second)
        #expect(zip(first, second).filter { $0 == $1 }.count < 5)
    }

    @Test(arguments: [0, 1, 17, 299])
    func singleLineMatchesTheStream(index: Int) {
        let all = Self.lines(seed: 99, count: 300)
        #expect(TicketGenerator(seed: 99).line(at: index, count: 300) == all[index])
    }

    @Test func idsAreZeroPaddedForAMillionTickets() throws {
        #expect(TicketGenerator.ticketID(at: 0) == "T-0000001")
        #expect(TicketGenerator.ticketID(at: 999_999) == "T-1000000")
        let first = try Self.object(TicketGenerator(seed: 5).line(at: 41, count: 100))
        #expect(first["id"] as? String == "T-0000042")
    }

    @Test func everyLineIsAValidTicket() throws {
        let statuses = Set(TicketStatus.allCases.map(\.rawValue))
        let channels = Set(Channel.allCases.map(\.rawValue))
        let kinds = Set(EventKind.allCases.map(\.rawValue))
        let services: Set = ["portal", "llamadas", "webchat", "mensajeria", "reportes", "estadisticas", "contrasenas", "documentacion"]
        let zones = Set(TicketGenerator.Zone.allCases.map(\.identifier))
        let snapshot = TicketGenerator.snapshot.seconds
        for line in Self.lines(seed: 42, count: 800) {
            #expect(!line.contains("\n"))
            let ticket = try Self.object(line)
            let id = try #require(ticket["id"] as? String)
            for field in ["title", "description", "customer", "plan", "service", "status", "channel", "created_at"] {
                #expect(!((ticket[field] as? String) ?? "").isEmpty, "\(id): \(field)")
            }
            #expect(["12x5", "24x7"].contains(ticket["plan"] as? String))
            #expect(services.contains(ticket["service"] as? String ?? ""))
            #expect(statuses.contains(ticket["status"] as? String ?? ""))
            #expect(channels.contains(ticket["channel"] as? String ?? ""))
            if let zone = ticket["timezone"] as? String { #expect(zones.contains(zone)) }
            let severity = try #require(ticket["severity"] as? Int)
            #expect((1...5).contains(severity))
            let status = try #require(ticket["status"] as? String)
            let done = status == "resolved" || status == "closed"
            #expect((ticket["resolved_at"] != nil) == done, "\(id)")
            #expect((ticket["closed_at"] != nil) == (status == "closed"), "\(id)")
            #expect((ticket["resolution"] != nil) == done, "\(id)")
            #expect(ticket["tags"] is [String])
            #expect(ticket["articles"] is [String])
            let created = try #require(Timestamp(iso8601: ticket["created_at"] as? String ?? ""))

            let events = try #require(ticket["events"] as? [[String: Any]])
            #expect(!events.isEmpty)
            var previous: Int64 = .min
            var sawCreated = false
            for event in events {
                let kind = try #require(event["kind"] as? String)
                #expect(kinds.contains(kind))
                #expect(["public", "internal"].contains(event["visibility"] as? String))
                #expect(!((event["author"] as? String) ?? "").isEmpty)
                #expect(!((event["text"] as? String) ?? "").isEmpty)
                let at = try #require(Timestamp(iso8601: event["at"] as? String ?? ""), "\(id): \(event)")
                #expect(at.seconds > previous, "\(id): timeline out of order")
                #expect(at.seconds <= snapshot)
                previous = at.seconds
                switch kind {
                case "created":
                    sawCreated = true
                    #expect(at == created)
                case "escalation":
                    let target = try #require(event["to"] as? String)
                    #expect(["N2", "N3"].contains(target) || target.hasPrefix("vendor:"))
                case "status":
                    #expect(statuses.contains(event["status"] as? String ?? ""))
                case "severity_change":
                    #expect((1...5).contains(event["severity"] as? Int ?? 0))
                default:
                    break
                }
                for attachment in event["attachments"] as? [[String: Any]] ?? [] {
                    #expect(!((attachment["name"] as? String) ?? "").isEmpty)
                }
            }
            #expect(sawCreated)
            if let closed = ticket["closed_at"] as? String {
                #expect(Timestamp(iso8601: closed) == Timestamp(iso8601: events.last?["at"] as? String ?? ""))
            }
        }
    }

    @Test func severitiesFollowTheManualsProportions() throws {
        var counts = [Int](repeating: 0, count: 6)
        TicketGenerator(seed: 2026).writeJSONLines(count: 10_000) { line in
            if let ticket = try? Self.object(line), let severity = ticket["severity"] as? Int { counts[severity] += 1 }
        }
        #expect(counts.reduce(0, +) == 10_000)
        let share = counts.map { Double($0) / 10_000 }
        #expect((0.025...0.065).contains(share[1]))
        #expect((0.08...0.17).contains(share[2]))
        #expect((0.24...0.36).contains(share[3]))
        #expect((0.18...0.30).contains(share[4]))
        #expect((0.24...0.36).contains(share[5]))
    }

    @Test func mostTicketsAreClosedAndTheNewestStillOpen() throws {
        var open = 0, closed = 0, openAmongLast50 = 0
        for (index, line) in Self.lines(seed: 42, count: 600).enumerated() {
            let status = try Self.object(line)["status"] as? String
            if status == "closed" { closed += 1 }
            if status != "closed", status != "resolved" {
                open += 1
                if index >= 550 { openAmongLast50 += 1 }
            }
        }
        #expect(closed > 480)
        #expect((6...60).contains(open))
        #expect(openAmongLast50 >= 3)
    }

    @Test func familiesRecurAndMatchTheirTickets() throws {
        let generator = TicketGenerator(seed: 42)
        let families = Dictionary(uniqueKeysWithValues: TicketGenerator.families.map { ($0.id, $0) })
        #expect(families.count >= 15)
        var seen = [String: Int]()
        var oneOffs = 0
        for (index, line) in Self.lines(seed: 42, count: 600).enumerated() {
            guard let id = generator.family(ofTicketAt: index) else {
                oneOffs += 1
                continue
            }
            let family = try #require(families[id])
            let ticket = try Self.object(line)
            #expect(ticket["service"] as? String == family.service)
            #expect(ticket["severity"] as? Int == family.severity)
            #expect((ticket["tags"] as? [String] ?? []).starts(with: family.tags.prefix(2)))
            seen[id, default: 0] += 1
        }
        #expect(seen.count == families.count)
        #expect(seen.values.allSatisfy { $0 >= 3 })
        #expect((5...120).contains(oneOffs))
        #expect(generator.family(ofTicketAt: 123) == TicketGenerator(seed: 42).family(ofTicketAt: 123))
    }

    @Test func recurringIncidentsShareStepsButNotWording() throws {
        let generator = TicketGenerator(seed: 42)
        var actions = Set<String>()
        var tickets = 0
        for (index, line) in Self.lines(seed: 42, count: 600).enumerated()
        where generator.family(ofTicketAt: index) == "cola-mensajes" {
            tickets += 1
            let events = try #require(try Self.object(line)["events"] as? [[String: Any]])
            for event in events where event["kind"] as? String == "action" {
                if let text = event["text"] as? String, text.lowercased().contains("servicio de colas") {
                    actions.insert(text)
                }
            }
        }
        #expect(tickets >= 3)
        #expect(actions.count >= 2, "the same step should be worded in more than one way")
    }

    @Test func textsCarryPersonalDataInternalNotesAndUnaccentedSpelling() {
        let text = Self.lines(seed: 42, count: 600).joined(separator: "\n")
        #expect(text.contains("@"))
        #expect(text.contains("+56 9 "))
        #expect(text.contains("\"visibility\":\"internal\""))
        #expect(text.contains("contrasena") || text.contains("sesion"))
        #expect(text.contains("\"kind\":\"detected\""))
        #expect(text.contains("\"kind\":\"reopened\""))
        #expect(text.contains("\"to\":\"vendor:telco-andina\""))
    }

    @Test func dataTablesUseOnlyKnownSlots() {
        for family in TicketGenerator.allFamilies {
            for template in family.allTemplates {
                #expect(template.unknownSlots.isEmpty, "\(family.id): \(template.text)")
            }
            #expect(!family.titles.isEmpty && !family.descriptions.isEmpty && !family.resolutions.isEmpty, "\(family.id)")
        }
        #expect(Set(TicketGenerator.families.map(\.id)).count == TicketGenerator.families.count)
        #expect(TicketGenerator.customers.count >= 40)
    }

    @Test func escapesTextForJSON() throws {
        var writer = TicketGenerator.Writer()
        writer.string("dijo \"hola\"\\ \n\tfin \u{01}")
        let decoded = try JSONSerialization.jsonObject(with: Data(writer.bytes), options: .fragmentsAllowed)
        #expect(decoded as? String == "dijo \"hola\"\\ \n\tfin \u{01}")
    }

    /// A cross-check against the system's time zone database; a machine without one skips it, saying so.
    @Test(.enabled(if: TimeZone(identifier: "America/Santiago") != nil, "needs the system time zone database"),
          arguments: TicketGenerator.Zone.allCases)
    func zoneOffsetsAgreeWithTheSystemTimeZoneDatabase(zone: TicketGenerator.Zone) throws {
        let reference = try #require(TimeZone(identifier: zone.identifier))
        var instant = TicketGenerator.windowStart
        while instant < TicketGenerator.windowEnd {
            let expected = reference.secondsFromGMT(for: Date(timeIntervalSince1970: TimeInterval(instant)))
            #expect(Int(zone.offset(at: instant)) == expected, "\(zone.identifier) at \(instant)")
            instant += 6 * 3600 + 17 * 60
        }
    }

    @Test func shippedDemoFileIsReproducible() throws {
        let url = Self.packageRoot.appendingPathComponent("kb/demo/tickets.jsonl")
        let shipped = try String(contentsOf: url, encoding: .utf8)
        var generated = ""
        TicketGenerator(seed: 42).writeJSONLines(count: 600) { generated += $0 + "\n" }
        #expect(shipped == generated)
    }
}
