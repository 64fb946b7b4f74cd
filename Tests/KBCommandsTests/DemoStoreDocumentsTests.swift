import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// The documents kb writes on the demo store (the repository's kb/demo tickets and kb/articles), judged as a lead
/// would: one outage is one incident, recurrences share the cause, articles listed are about the problem.
@Suite struct DemoStoreDocumentsTests {
    /// A workspace holding the demo tickets and articles, imported and indexed.
    static func demoWorkspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let files = FileManager.default
        let kb = directory.url.appendingPathComponent("kb")
        try? files.removeItem(at: kb.appendingPathComponent("articles"))
        for folder in ["demo", "articles"] {
            try files.copyItem(at: SharedTestData.packageRoot.appendingPathComponent("kb/" + folder),
                               to: kb.appendingPathComponent(folder))
        }
        let imported = runKB(["import", "kb/demo/tickets.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        let indexed = runKB(["index"], in: directory.url)
        #expect(indexed.code == 0, "\(indexed.stderr)")
        return directory
    }

    static func json(_ arguments: [String], in directory: TemporaryDirectory) throws -> [String: Any] {
        let result = runKB(arguments + ["--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    @Test func recurrencesShareTheCauseAndOneOutageIsOneIncident() throws {
        let directory = try Self.demoWorkspace()
        let trunk = try Self.json(["review", "T-0000247"], in: directory)
        let recurrence = try #require(trunk["recurrence"] as? [String: Any])
        let incidents = try #require(recurrence["incidents"] as? [[String: Any]])
        let ids = incidents.compactMap { $0["id"] as? String }
        for id in ["T-0000221", "T-0000238", "T-0000178"] { #expect(ids.contains(id), "\(id) in \(ids)") }
        // T-0000241 and T-0000242, 17 minutes apart from two customers: one past incident.
        let pair = incidents.filter { ["T-0000241", "T-0000242"].contains($0["id"] as? String ?? "") }
        #expect(pair.count == 1)
        let others = pair.first?["other_reports"] as? [String] ?? []
        #expect(Set(others + [pair.first?["id"] as? String ?? ""]) == ["T-0000241", "T-0000242"])

        let reported = try Self.json(["review", "T-0000100"], in: directory)
        let impact = try #require(reported["impact"] as? [String: Any])
        #expect((impact["concurrent_reports"] as? [String] ?? []).contains("T-0000099"))
        let earlier = try #require(reported["recurrence"] as? [String: Any])
        #expect(!(earlier["tickets"] as? [String] ?? []).contains("T-0000099"))
    }

    /// Every closed severity 1-2 review of the demo lists only articles the ticket links or that are filed under
    /// its service (or under none), each with its reason.
    @Test func reviewsListNoArticleOfAnotherService() throws {
        let directory = try Self.demoWorkspace()
        var services: [String: [String]] = [:]
        let articles = try FileManager.default.subpathsOfDirectory(atPath: directory.url.appendingPathComponent("kb/articles").path)
        for path in articles.sorted() where path.hasSuffix(".md") {
            let text = try String(contentsOf: directory.url.appendingPathComponent("kb/articles/" + path), encoding: .utf8)
            let lines = text.split(separator: "\n").map(String.init)
            guard let id = lines.first(where: { $0.hasPrefix("id: ") })?.dropFirst(4) else { continue }
            let list = lines.first { $0.hasPrefix("services: [") }?.dropFirst("services: [".count).dropLast() ?? ""
            services[String(id)] = list.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        }
        let tickets = try String(contentsOf: directory.url.appendingPathComponent("kb/demo/tickets.jsonl"), encoding: .utf8)
        var reviewed = 0
        for line in tickets.split(separator: "\n") {
            var text = String(line)
            let ticket = try text.withUTF8 { try Ticket(jsonBytes: $0) }
            guard ticket.severity <= 2, ticket.status == .closed, let service = ticket.service else { continue }
            let review = try Self.json(["review", ticket.id], in: directory)
            for article in review["articles"] as? [[String: Any]] ?? [] {
                let id = article["id"] as? String ?? ""
                #expect(article["reason"] as? String != nil)
                guard article["reason"] as? String != "linked", let filed = services[id], !filed.isEmpty else { continue }
                #expect(filed.contains(service), "\(ticket.id) (\(service)) lists \(id) filed under \(filed)")
            }
            reviewed += 1
        }
        #expect(reviewed > 50)
    }
}
