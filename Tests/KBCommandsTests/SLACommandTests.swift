import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

@Suite struct SLACommandTests {
    /// A severity-1 ticket on a 24x7 plan opened at 10:00 UTC with no response yet.
    static let open = TicketFixtures.line(id: "T-OPEN", severity: 1, status: "in_progress",
        extra: "\"plan\":\"24x7\",\"timezone\":\"UTC\",\"created_at\":\"2026-11-01T10:00:00Z\",\"events\":[]")
    /// A severity-3 ticket answered and resolved within target.
    static let done = TicketFixtures.line(id: "T-DONE", severity: 3, status: "closed",
        extra: "\"plan\":\"24x7\",\"timezone\":\"UTC\",\"created_at\":\"2026-10-20T10:00:00Z\",\"resolved_at\":\"2026-10-20T12:00:00Z\",\"events\":[{\"at\":\"2026-10-20T10:05:00Z\",\"kind\":\"comment\",\"text\":\"Revisando\"}]")

    func workspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("t.jsonl", Self.open + "\n" + Self.done + "\n")
        #expect(runKB(["import", "t.jsonl"], in: directory.url).code == 0)
        return directory
    }

    @Test func showJSONCarriesSLAClocks() throws {
        let directory = try workspace()
        let result = runKB(["show", "--json", "--now", "2026-11-01T10:20:00Z", "T-OPEN"], in: directory.url)
        #expect(result.code == 0)
        let tickets = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [[String: Any]])
        let sla = try #require(tickets.first?["sla"] as? [String: Any])
        let first = try #require(sla["first_response"] as? [String: Any])
        #expect(first["target_seconds"] as? Int == 900)
        #expect(first["elapsed_seconds"] as? Int == 1200)
        #expect(first["paused_seconds"] as? Int == 0)
        #expect(first["due_at"] as? String == "2026-11-01T10:15:00Z")
        #expect(first["breached"] as? Bool == true)
        let resolution = try #require(sla["resolution"] as? [String: Any])
        #expect(resolution["breached"] as? Bool == false)
    }

    @Test func listsBreachedTicketsWithEscalationAndCompliance() throws {
        let directory = try workspace()
        let result = runKB(["sla", "--json", "--now", "2026-11-01T10:20:00Z"], in: directory.url)
        #expect(result.code == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let tickets = try #require(report["tickets"] as? [[String: Any]])
        #expect(tickets.map { $0["id"] as? String } == ["T-OPEN"])
        #expect(tickets.first?["state"] as? String == "breached")
        let escalation = try #require(tickets.first?["escalation"] as? [[String: Any]])
        #expect(!escalation.isEmpty)
        let compliance = try #require(report["compliance"] as? [String: Any])
        let bySeverity = try #require(compliance["by_severity"] as? [[String: Any]])
        #expect(bySeverity.first?["group"] as? String == "3")
        #expect(bySeverity.first?["both_met"] as? Int == 1)
        let text = runKB(["sla", "--now", "2026-11-01T10:20:00Z"], in: directory.url)
        #expect(text.stdout.contains("T-OPEN"))
        #expect(text.stdout.contains("BREACHED"))
    }
}
