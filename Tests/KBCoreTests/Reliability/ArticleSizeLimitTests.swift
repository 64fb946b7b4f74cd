import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Articles over `ArticleFile.maximumBytes` are refused by size, never read whole: a 50 MB article took
/// 450 MB and a minute to index before the limit.
@Suite struct ArticleSizeLimitTests {
    static func article(id: String, body: String) -> String {
        "---\nid: \(id)\ntitle: Artículo\nstate: validated\naudience: customer\n---\n## Problema\n\(body)\n"
    }

    @Test func oversizedFileIsRefusedEverywhere() throws {
        let big = Self.article(id: "KB-0001", body: String(repeating: "El portal no carga.\n", count: ArticleFile.maximumBytes / 20 + 1))
        let file = ArticleFile(path: "kb/articles/big.md", text: big)
        #expect(file.bytes.isEmpty && file.oversizedBytes == big.utf8.count)
        let expected = ArticleError.tooLarge(path: "kb/articles/big.md", bytes: big.utf8.count, limit: ArticleFile.maximumBytes)
        #expect(throws: expected) { try Article.parse(file: file) }
        #expect(expected.description.hasPrefix("kb/articles/big.md:1: error: file of "))
        let diagnostics = ArticleLinter().lint(file: file, knownTickets: { _ in true })
        #expect(diagnostics.map(\.line) == [1] && diagnostics.first?.message == expected.reason)
        // Exactly at the limit is still an article.
        let padding = ArticleFile.maximumBytes - Self.article(id: "KB-0002", body: "").utf8.count
        let atLimit = ArticleFile(path: "kb/articles/limit.md", text: Self.article(id: "KB-0002", body: String(repeating: "x", count: padding)))
        #expect(atLimit.oversizedBytes == nil)
        #expect(try Article.parse(file: atLimit).id == "KB-0002")
    }

    /// The scanner reads no more than the limit, and an article that grows too large keeps its indexed version.
    @Test func grownArticleKeepsItsIndexedVersion() throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        try directory.write("kb/articles/a.md", Self.article(id: "KB-0001", body: "certificado vencido"))
        let store = try Store(path: directory.url.appendingPathComponent(".kb/kb.sqlite").path)
        defer { try? store.close() }
        #expect(try store.indexArticles(ArticleScanner.scan(root: directory.url), defaultLanguage: .spanish).added == ["kb/articles/a.md"])
        try directory.write("kb/articles/a.md", Self.article(id: "KB-0001", body: String(repeating: "balanceador caído\n", count: 300_000)))
        let files = try ArticleScanner.scan(root: directory.url)
        #expect(files.first?.oversizedBytes != nil && files.first?.bytes.isEmpty == true)
        let report = try store.indexArticles(files, defaultLanguage: .spanish)
        #expect(report.invalid.map(\.line) == [1] && report.changed.isEmpty)
        #expect(try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'certificado'") == 1)
        let selected = try ArticleSelection.files(at: [directory.url.appendingPathComponent("kb/articles")], root: directory.url)
        #expect(selected.first?.oversizedBytes != nil)
    }
}
