import Foundation
import Testing
@testable import KBCore

@Suite struct ArticleScannerTests {
    /// A throw-away workspace in the temporary folder.
    private struct Workspace: ~Copyable {
        let root: URL

        init() throws {
            root = FileManager.default.temporaryDirectory
                .appendingPathComponent("kb-scanner-\(UUID().uuidString)", isDirectory: true)
            try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        }

        func write(_ relative: String, _ text: String) throws {
            let url = root.appendingPathComponent(relative)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        deinit {
            try? FileManager.default.removeItem(at: root)
        }
    }

    @Test func listsMarkdownRecursivelyInByteOrder() throws {
        let workspace = try Workspace()
        try workspace.write("kb/articles/portal/login.md", "uno")
        try workspace.write("kb/articles/Zeta.md", "dos")
        try workspace.write("kb/articles/a.md", "tres")
        try workspace.write("kb/articles/portal/sub/ñandú.md", "cuatro")
        try workspace.write("kb/articles/portal-b.md", "cinco")
        try workspace.write("kb/articles/notes.txt", "no")
        try workspace.write("kb/articles/.hidden.md", "no")
        try workspace.write("kb/articles/.git/x.md", "no")
        try workspace.write("kb/other/x.md", "no")
        let files = try ArticleScanner.scan(root: workspace.root)
        #expect(files.map(\.path) == [
            "kb/articles/Zeta.md", "kb/articles/a.md", "kb/articles/portal/login.md",
            "kb/articles/portal/sub/ñandú.md", "kb/articles/portal-b.md",
        ].sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        #expect(files.map(\.path)[2] == "kb/articles/portal-b.md")
        #expect(files.first?.text == "dos")
        #expect(files.first?.contentHash == SHA256.hex(of: Array("dos".utf8)))
    }

    @Test func workspaceWithoutArticlesHasNone() throws {
        let workspace = try Workspace()
        #expect(try ArticleScanner.scan(root: workspace.root).isEmpty)
    }

    @Test func hashChangesWithContent() {
        let before = ArticleFile(path: "kb/articles/a.md", text: "hola")
        let after = ArticleFile(path: "kb/articles/a.md", text: "hola ")
        #expect(before.contentHash != after.contentHash)
        #expect(before.contentHash.count == 64)
    }
}
