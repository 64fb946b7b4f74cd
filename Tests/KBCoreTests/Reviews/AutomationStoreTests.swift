import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct AutomationStoreTests {
    typealias F = AutomationFixtures

    /// Every kind of planted pattern, plus the same patterns on tickets that must be ignored.
    static func tickets() -> [Ticket] {
        let cause = "El certificado TLS del portal venció y la renovación automática falló"
        var tickets = F.plantedRunbook()
        tickets += (0..<3).map { F.incident("T-W\($0)", service: "webchat", day: $0, channel: .chat, rootCause: cause) }
        tickets += (0..<3).map { F.incident("T-V\($0)", service: "mensajeria", day: $0, steps: [F.escalation(10, to: "vendor:cloudsms")]) }
        tickets += (0..<3).map { F.request("T-R\($0)", title: "Cambio de contraseña del usuario u\($0)", day: $0) }
        // Severity 3, open, and out of the period: never read.
        tickets += (0..<3).map { F.incident("T-X\($0)", service: "webchat", severity: 3, day: $0, channel: .chat) }
        tickets += (0..<3).map { F.incident("T-O\($0)", service: "webchat", status: .waitingVendor, day: $0, channel: .chat) }
        tickets += (0..<3).map { F.incident("T-P\($0)", service: "llamadas", day: -400 + $0, channel: .chat) }
        return tickets
    }

    @Test func storeAndMemoryGiveTheSameReport() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let tickets = Self.tickets()
        try store.connection.transaction {
            for ticket in tickets { try store.upsert(ticket) }
        }
        let options = F.options(since: Timestamp(day: "2026-01-01")!)
        let miner = try AutomationMiner(policy: .default, options: options)
        let fromStore = try miner.report(store: store)
        let inMemory = try miner.report(tickets: tickets)
        #expect(fromStore == inMemory)
        #expect(fromStore.incidentsExamined == 11)
        #expect(fromStore.requestsExamined == 3)
        #expect(Set(fromStore.proposals.map(\.kind))
            == [.runbook, .monitoringAlert, .escalationRule, .selfService, .problemRecord, .knowledgeArticle])
        let everyEvidence = Set(fromStore.proposals.flatMap(\.evidence))
        #expect(everyEvidence.allSatisfy { !$0.hasPrefix("T-X") && !$0.hasPrefix("T-O") && !$0.hasPrefix("T-P") })
        #expect(fromStore.proposals(involving: "T-W1").map(\.kind).sorted() == [.knowledgeArticle, .monitoringAlert, .problemRecord])

        try store.connection.prepare("INSERT INTO article_links(ticket_id, article_id, linked_at) VALUES (?, ?, ?)")
            .execute(["T-W2", "KB-0001", 0])
        let linked = try miner.report(store: store)
        #expect(!linked.proposals.contains { $0.kind == .knowledgeArticle })
        #expect(linked.proposals.contains { $0.kind == .problemRecord })
    }
}
