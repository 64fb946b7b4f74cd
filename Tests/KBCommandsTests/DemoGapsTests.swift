import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb gaps` on the demo store, judged against the links the demo tickets carry: with the links taken away, the
/// article a ticket linked must be the one that answers it, and no cluster may hold tickets of two articles.
@Suite struct DemoGapsTests {
    /// The demo tickets as JSON objects, and the first article each one links.
    static func demoTickets() throws -> (lines: [[String: Any]], linked: [String: String]) {
        let url = SharedTestData.packageRoot.appendingPathComponent("kb/demo/tickets.jsonl")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        var linked: [String: String] = [:]
        for line in lines {
            if let id = line["id"] as? String, let first = (line["articles"] as? [String])?.first { linked[id] = first }
        }
        return (lines, linked)
    }

    /// A workspace with the demo tickets, their links removed, and the demo articles when `articles`.
    static func unlinkedWorkspace(articles: Bool) throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        let kb = directory.url.appendingPathComponent("kb")
        try? FileManager.default.removeItem(at: kb.appendingPathComponent("articles"))
        if articles {
            try FileManager.default.copyItem(at: SharedTestData.packageRoot.appendingPathComponent("kb/articles"),
                                             to: kb.appendingPathComponent("articles"))
        }
        let stripped = try demoTickets().lines.map { line -> String in
            var line = line
            line["articles"] = [String]()
            return String(decoding: try JSONSerialization.data(withJSONObject: line, options: [.sortedKeys]), as: UTF8.self)
        }
        try directory.write("tickets.jsonl", stripped.joined(separator: "\n") + "\n")
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        if articles { #expect(runKB(["index"], in: directory.url).code == 0) }
        return directory
    }

    static func gaps(in directory: TemporaryDirectory) throws -> [String: Any] {
        let result = runKB(["gaps", "--since", "2000-01-01", "--limit", "1000", "--json"], in: directory.url)
        #expect(result.code == 0, "\(result.stderr)")
        return try #require(JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    static func ids(_ tickets: Any?) -> [String] {
        (tickets as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
    }

    @Test func theArticleATicketLinkedIsTheOneThatAnswersIt() throws {
        let linked = try Self.demoTickets().linked
        let report = try Self.gaps(in: try Self.unlinkedWorkspace(articles: true))
        var answeredBy: [String: String] = [:]
        for finding in report["link_findings"] as? [[String: Any]] ?? [] {
            for id in Self.ids(finding["tickets"]) { answeredBy[id] = finding["article"] as? String }
        }
        let solvedLinked = linked.filter { answeredBy[$0.key] != nil || Self.clustered(report).contains($0.key) }
        let wrong = solvedLinked.filter { entry in answeredBy[entry.key].map { $0 != entry.value } ?? false }
        #expect(wrong.isEmpty, "answered by another article: \(wrong.sorted { $0.key < $1.key })")
        let found = solvedLinked.filter { answeredBy[$0.key] == $0.value }.count
        #expect(Double(found) >= 0.9 * Double(solvedLinked.count), "\(found) of \(solvedLinked.count)")
    }

    static func clustered(_ report: [String: Any]) -> Set<String> {
        Set((report["clusters"] as? [[String: Any]] ?? []).flatMap { ids($0["tickets"]) })
    }

    @Test func noClusterHoldsTicketsOfTwoArticles() throws {
        let linked = try Self.demoTickets().linked
        let report = try Self.gaps(in: try Self.unlinkedWorkspace(articles: false))
        for cluster in report["clusters"] as? [[String: Any]] ?? [] {
            let articles = Set(Self.ids(cluster["tickets"]).compactMap { linked[$0] })
            #expect(articles.count <= 1, "\(cluster["suggested_title"] ?? "") mixes \(articles.sorted())")
        }
    }
}
