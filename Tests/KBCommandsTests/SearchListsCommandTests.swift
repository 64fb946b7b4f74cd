import Foundation
import Testing
import KBCore
import KBTestSupport
@testable import KBCommands

/// `kb search` on the demo store (the 38 articles of `kb/articles`, `kb generate --tickets 600 --seed 42`): titles
/// first, the same order whatever the order of storage.
@Suite struct SearchListsCommandTests {
    /// A workspace with the demo articles (indexed) and tickets (imported).
    static func demoWorkspace() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        #expect(runKB(["init"], in: directory.url).code == 0)
        let files = FileManager.default
        let articles = directory.url.appendingPathComponent("kb/articles")
        try files.removeItem(at: articles)
        try files.copyItem(at: SharedTestData.packageRoot.appendingPathComponent("kb/articles"), to: articles)
        let synonyms = directory.url.appendingPathComponent("kb/synonyms.txt")
        try? files.removeItem(at: synonyms)
        try files.copyItem(at: SharedTestData.packageRoot.appendingPathComponent("kb/synonyms.txt"), to: synonyms)
        var lines = ""
        TicketGenerator(seed: 42).writeJSONLines(count: 600) { lines += $0 + "\n" }
        try Data(lines.utf8).write(to: directory.url.appendingPathComponent("tickets.jsonl"))
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        #expect(runKB(["index"], in: directory.url).code == 0)
        return directory
    }

    /// The ids of a `--json` answer's results, in order, with their types.
    static func ranking(_ arguments: [String], in directory: URL) throws -> [(type: String, id: String)] {
        let result = runKB(["search", "--json"] + arguments, in: directory)
        #expect(result.code == 0, "\(result.stderr)")
        let parsed = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        #expect(parsed?["lists"] as? String == "merged")
        let results = try #require(parsed?["results"] as? [[String: Any]])
        return results.map { ($0["type"] as? String ?? "", $0["id"] as? String ?? "") }
    }

    /// Every demo article's exact title finds it first, with and without `--type article` (archived ones with
    /// `--include-archived`, without which they are never listed).
    @Test func exactTitleFindsItsArticleFirst() throws {
        let directory = try Self.demoWorkspace()
        let articles = try ArticleScanner.entries(root: directory.url).map { try Article.parse(file: $0.read()) }
        #expect(articles.count >= 38)
        var missed: [String] = []
        for article in articles {
            let archived = article.state == .archived ? ["--include-archived"] : []
            for type in [[], ["--type", "article"]] {
                let first = try Self.ranking(type + archived + [article.title], in: directory.url).first
                if first?.id != article.id { missed.append("\(article.id) \(type): \(first?.id ?? "nothing")") }
            }
        }
        #expect(missed.isEmpty, "\(missed)")
    }

    /// Part of a title ranks the article holding it, in the query's language, above translations matched through
    /// synonyms ("troncal" ↔ "trunk").
    @Test func containedTitleAndLanguageComeFirst() throws {
        let directory = try Self.demoWorkspace()
        let sip = try Self.ranking(["troncal", "sip"], in: directory.url)
        #expect(sip.first?.id == "KB-0004")
        let mail = try Self.ranking(["No llega el correo para restablecer la contraseña"], in: directory.url)
        #expect(mail.first?.id == "KB-0014")
    }

    /// The same query gives the same order after `kb index` and a re-import, even into a new database in another order.
    @Test func orderSurvivesReindexAndReimport() throws {
        let directory = try Self.demoWorkspace()
        let queries = [["contraseña"], ["llamadas"], ["portal", "lento"], ["problema"], ["error"], ["webchat"]]
        let before = try queries.map { try Self.ranking(["--limit", "30"] + $0, in: directory.url).map(\.id) }
        // A new database, the tickets stored in reverse order: other rowids, the same answers.
        try FileManager.default.removeItem(at: directory.url.appendingPathComponent(".kb"))
        let lines = try String(contentsOf: directory.url.appendingPathComponent("tickets.jsonl"), encoding: .utf8)
            .split(separator: "\n").reversed().joined(separator: "\n") + "\n"
        try Data(lines.utf8).write(to: directory.url.appendingPathComponent("reversed.jsonl"))
        #expect(runKB(["import", "reversed.jsonl"], in: directory.url).code == 0)
        #expect(runKB(["index"], in: directory.url).code == 0)
        #expect(runKB(["import", "tickets.jsonl"], in: directory.url).code == 0)
        #expect(runKB(["index"], in: directory.url).code == 0)
        let after = try queries.map { try Self.ranking(["--limit", "30"] + $0, in: directory.url).map(\.id) }
        #expect(before == after)
    }
}
