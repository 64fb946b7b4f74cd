import Foundation
import KBCore

extension ScaleBenchmark {
    /// Prints what each table and index of kb's store and of the raw FTS5 file occupies (SQLite's `dbstat`, as
    /// `sqlite3_analyzer` counts it), largest first, then what a ticket's JSON document is made of, so a size target
    /// can be traced to the part that costs it.
    func storeAccounting(databasePath: String, rawPath: String) throws {
        for (label, path) in [("kb", databasePath), ("raw FTS5", rawPath)] {
            let connection = try Connection(path: path, mode: .readOnly)
            defer { try? connection.close() }
            let parts = try connection.prepare(
                "SELECT name, sum(pgsize), sum(payload) FROM dbstat GROUP BY name ORDER BY 2 DESC, name"
            ).map { ($0.text(0), $0.int64(1), $0.int64(2)) }
            let total = parts.reduce(0) { $0 + $1.1 }
            print("\(label) store by part (MB on disk, MB of payload, share): \(fixed(Double(total) / 1e6, 1)) MB")
            for (name, pages, payload) in parts where pages > 0 {
                print("  \(name.padding(toLength: 28, withPad: " ", startingAt: 0)) \(fixed(Double(pages) / 1e6, 1).leftPadded(9))"
                      + " \(fixed(Double(payload) / 1e6, 1).leftPadded(9)) \(fixed(Double(pages) / Double(max(total, 1)) * 100, 1).leftPadded(6))%")
            }
        }
        try documentAccounting(databasePath: databasePath)
    }

    /// Where a ticket document's bytes go (its JSON, as `doc` reads it back), over up to 2,000 tickets spread over the
    /// store, beside what the store keeps for it (`packed`, compressed) and for the rest of its row.
    private func documentAccounting(databasePath: String) throws {
        let store = try Store(path: databasePath, access: .read)
        defer { try? store.close() }
        let count = try store.ticketCount()
        let step = max(1, count / 2_000)
        var parts: [String: Int] = [:]
        var sampled = 0
        var documentBytes = 0
        var packedBytes = 0
        var rowBytes = 0
        let parser = JSONParser()
        try store.connection.prepare("""
            SELECT doc, length(packed), length(id) + length(status) + coalesce(length(service), 0)
                   + coalesce(length(customer), 0) + coalesce(length(plan), 0) + coalesce(length(channel), 0)
                   + coalesce(length(language), 0) + 8 * 5
            FROM tickets WHERE rowid % ? = 0
            """).forEachRow([step]) { row in
            let document = row.text(0)
            sampled += 1
            documentBytes += document.utf8.count
            packedBytes += row.int(1)
            rowBytes += row.int(2)
            guard case let .object(members) = try parser.parse(document) else { return }
            var accounted = 0
            for (name, value) in members {
                if name == "events", case let .array(events) = value {
                    for case let .object(eventMembers) in events {
                        for (eventName, eventValue) in eventMembers {
                            let size = Self.jsonSize(eventValue)
                            parts[Self.documentPart(event: eventName), default: 0] += size.bytes - size.escaping
                            parts["JSON escaping", default: 0] += size.escaping
                            accounted += size.bytes
                        }
                    }
                } else {
                    let size = Self.jsonSize(value)
                    parts[Self.documentPart(member: name), default: 0] += size.bytes - size.escaping
                    parts["JSON escaping", default: 0] += size.escaping
                    accounted += size.bytes
                }
            }
            parts["member names, quotes, punctuation", default: 0] += document.utf8.count - accounted
        }
        guard sampled > 0 else { return }
        let perTicket = { (bytes: Int) in fixed(Double(bytes) / Double(sampled), 0) }
        print("kb ticket document over \(sampled) of \(count) tickets (bytes a ticket, share of the JSON):"
              + " JSON \(perTicket(documentBytes)), stored compressed \(perTicket(packedBytes))"
              + " (\(fixed(Double(documentBytes) / Double(max(packedBytes, 1)), 2))×), other row columns ≈ \(perTicket(rowBytes))")
        for (name, bytes) in parts.sorted(by: { ($0.value, $1.key) > ($1.value, $0.key) }) {
            print("  \(name.padding(toLength: 36, withPad: " ", startingAt: 0)) \(perTicket(bytes).leftPadded(7))"
                  + " \(fixed(Double(bytes) / Double(documentBytes) * 100, 1).leftPadded(6))%")
        }
    }

    private static func documentPart(member name: String) -> String {
        switch name {
        case "created_at", "resolved_at", "closed_at": return "timestamps"
        case "id": return "ticket id"
        case "title", "description", "resolution", "root_cause": return "ticket texts"
        case "customer", "plan", "service", "timezone", "assignee", "level", "channel", "status", "severity", "language":
            return "customer, service, people, codes"
        case "tags", "articles": return "tags and article ids"
        default: return "other members (\(name))"
        }
    }

    private static func documentPart(event name: String) -> String {
        switch name {
        case "at": return "timestamps"
        case "text": return "event texts"
        case "author": return "event authors"
        case "kind", "visibility", "status", "to", "severity": return "event kinds, visibility, codes"
        default: return "event \(name)"
        }
    }

    /// A JSON value's size as compact JSON, and how much of it is escaping (`\n`, `\"`, `\u00XX`).
    private static func jsonSize(_ value: JSONValue) -> (bytes: Int, escaping: Int) {
        switch value {
        case .null: return (4, 0)
        case .bool(let flag): return (flag ? 4 : 5, 0)
        case .number(let number):
            return (number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)).utf8.count : "\(number)".utf8.count, 0)
        case .string(let text):
            var escaping = 0
            for byte in text.utf8 {
                if byte == 0x22 || byte == 0x5C || byte == 0x0A || byte == 0x0D || byte == 0x09 {
                    escaping += 1
                } else if byte < 0x20 {
                    escaping += 5
                }
            }
            return (2 + text.utf8.count + escaping, escaping)
        case .array(let items):
            var total = (bytes: 2 + max(0, items.count - 1), escaping: 0)
            for item in items {
                let size = jsonSize(item)
                total = (total.bytes + size.bytes, total.escaping + size.escaping)
            }
            return total
        case .object(let members):
            var total = (bytes: 2 + max(0, members.count - 1), escaping: 0)
            for (name, item) in members {
                let size = jsonSize(item)
                total = (total.bytes + name.utf8.count + 3 + size.bytes, total.escaping + size.escaping)
            }
            return total
        }
    }
}
