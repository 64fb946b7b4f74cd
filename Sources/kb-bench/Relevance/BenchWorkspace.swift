import Foundation
import KBCore

/// A throw-away kb workspace in a temporary folder: a policy in the given language, optionally the repository's
/// articles and synonyms, the tickets given as JSON Lines imported, the articles indexed; removed on `close`.
final class BenchWorkspace {
    let root: URL
    let store: Store
    let engine: SearchEngine
    let suggester: Suggester

    /// A closed ticket for the JSON Lines a workspace imports.
    struct TicketLine {
        var id: String
        var title: String
        var description = ""
        var resolution: String?
        var service: String?
        var tags: [String] = []

        var json: String {
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("id", id)
            writer.member("title", title)
            writer.member("description", description)
            if let service { writer.member("service", service) }
            writer.member("severity", 3)
            writer.member("status", "closed")
            writer.member("created_at", "2026-01-01T00:00:00Z")
            if let resolution { writer.member("resolution", resolution) }
            writer.member("tags", tags)
            writer.endObject()
            return writer.text
        }
    }

    /// `copying` lists repository paths (`kb/articles`, `kb/synonyms.txt`…) copied into the workspace; without a
    /// `kb/policy.json` among them the policy only sets `language`.
    init(name: String, language: Language, copying: [String] = [], ticketLines: [String]) throws {
        let fileManager = FileManager.default
        root = fileManager.temporaryDirectory.appendingPathComponent("kb-bench-\(name)-\(UUID().uuidString)")
        try fileManager.createDirectory(at: root.appendingPathComponent("kb"), withIntermediateDirectories: true)
        let repository = URL(fileURLWithPath: fileManager.currentDirectoryPath)
        for item in copying {
            try fileManager.copyItem(at: repository.appendingPathComponent(item), to: root.appendingPathComponent(item))
        }
        let workspace = Workspace(root: root)
        if !copying.contains("kb/policy.json") {
            try Data("{\"language\": \"\(language.rawValue)\"}\n".utf8).write(to: workspace.policyFile)
        }
        let ticketsFile = root.appendingPathComponent("tickets.jsonl")
        try Data((ticketLines.joined(separator: "\n") + "\n").utf8).write(to: ticketsFile)
        store = try workspace.openStore()
        let report = try TicketImporter(store: store).importFiles([ticketsFile.path])
        guard report.rejected.isEmpty else { throw BenchError(description: "\(name): ticket rejected: \(report.rejected[0])") }
        if copying.contains("kb/articles") {
            _ = try store.indexArticles(try ArticleScanner.entries(root: root), defaultLanguage: try workspace.loadPolicy().language)
        }
        engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        suggester = Suggester(store: store, engine: engine, policy: try workspace.loadPolicy())
    }

    func close() {
        try? store.close()
        try? FileManager.default.removeItem(at: root)
    }
}
