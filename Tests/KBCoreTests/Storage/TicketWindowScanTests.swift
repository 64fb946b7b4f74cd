import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A service's tickets of a creation window, read for recurrences and concurrent reports, are every ticket SQL's
/// conditions select: whether the window's tickets were imported together (read in a walk over their rowids) or
/// scattered among others (read through the creation index).
@Suite struct TicketWindowScanTests {
    static let base = Timestamp(iso8601: "2026-01-01T00:00:00Z")!

    /// Ticket `index`, created `index` hours after `base`, of one of three services.
    static func ticket(_ index: Int) -> Ticket {
        let services = ["portal", "llamadas", "reportes"]
        return Ticket(id: String(format: "T-%04d", index), title: "Caso \(index)", description: "Descripción \(index)",
                      customer: "Cliente \(index % 5)", plan: "24x7", service: services[index % 3], severity: 1 + index % 5,
                      status: index % 7 == 0 ? .inProgress : .closed, channel: .correo,
                      createdAt: Timestamp(seconds: base.seconds + Int64(index) * 3_600),
                      rootCause: index % 4 == 0 ? nil : "Causa \(index % 6)", events: [])
    }

    @Test(arguments: ["in order", "scattered"])
    func everyTicketOfTheWindowIsRead(order: String) throws {
        let indices = Array(0..<300)
        // Scattered: the middle of the timeline imported first and last, the rest in between.
        let imported = order == "in order" ? indices
            : Array(indices[140..<160]) + Array(indices[0..<140]) + Array(indices[160...].reversed())
        let directory = try TemporaryDirectory()
        let store = try ReviewFixtures.store(in: directory, tickets: imported.map(Self.ticket))
        defer { try? store.close() }
        for (first, last, service, excluded) in [(140, 159, "portal", "T-0150"), (0, 299, "llamadas", ""), (150, 150, "reportes", ""),
                                                 (10, 130, "reportes", "T-0011"), (130, 170, "llamadas", "T-0133"),
                                                 (400, 500, "portal", "")] {
            let from = Self.base.seconds + Int64(first) * 3_600, to = Self.base.seconds + Int64(last) * 3_600
            let expected = try store.connection.prepare("""
                SELECT id, doc ->> '$.root_cause', doc ->> '$.title', created_at FROM tickets
                WHERE created_at >= ? AND created_at <= ? AND service = ? AND id <> ? ORDER BY id
                """).map([from, to, service, excluded]) { [$0.text(0), $0.optionalText(1) ?? "-", $0.text(2), "\($0.int64(3))"] }
            var read: [[String]] = []
            try store.forEachTicketCreated(from: from, to: to, service: service, excluding: excluded) { row, document in
                read.append([row.id, try document.string("root_cause") ?? "-", try document.string("title") ?? "",
                             "\(row.createdAtSeconds)"])
            }
            #expect(read.sorted { $0[0] < $1[0] } == expected, "\(order): \(service) \(first)…\(last)")
        }
    }
}
