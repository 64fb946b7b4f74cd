import Foundation
import KBCore
import KBTestSupport

/// A workspace of a few thousand small article files, with the set of (path, content hash) pairs kb index
/// should hold for it, so tests can tell "before" from "after" exactly.
struct ArticleCorpus {
    let directory: TemporaryDirectory

    static let folders = 25

    init(count: Int) throws {
        directory = try TemporaryDirectory(prefix: "kb-corpus")
        try directory.makeWorkspace()
        for folder in 0..<Self.folders {
            try FileManager.default.createDirectory(at: directory.url.appendingPathComponent("kb/articles/s\(folder)"),
                                                    withIntermediateDirectories: true)
        }
        for index in 0..<count { try write(index, word: "original") }
    }

    var root: URL { directory.url }

    static func path(_ index: Int) -> String {
        "kb/articles/s\(index % folders)/a\(String(format: "%05d", index)).md"
    }

    /// Writes article `index`, whose problem holds `word` (so searches can count the articles of a version).
    func write(_ index: Int, word: String) throws {
        // Plain POSIX writes: Foundation's file writing made creating 3,000 files take 14 s.
        let text = """
            ---
            id: KB-\(String(format: "%05d", index))
            title: Artículo \(index) sobre el portal
            state: validated
            audience: customer
            services: [portal]
            ---
            ## Problema
            El portal no carga (\(word) \(index)).

            ## Solución
            Reiniciar el balanceador.

            """
        let path = root.appendingPathComponent(Self.path(index)).path
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw CocoaError(.fileWriteUnknown) }
        defer { close(descriptor) }
        let bytes = Array(text.utf8)
        guard bytes.withUnsafeBytes({ Foundation.write(descriptor, $0.baseAddress, $0.count) }) == bytes.count else {
            throw CocoaError(.fileWriteUnknown)
        }
    }

    func remove(_ index: Int) throws {
        try FileManager.default.removeItem(at: root.appendingPathComponent(Self.path(index)))
    }

    /// What a complete `kb index` of the files on disk stores: path → SHA-256 of the bytes.
    func expectedIndex() throws -> [String: String] {
        var result: [String: String] = [:]
        for file in try ArticleScanner.scan(root: root) { result[file.path] = file.contentHash }
        return result
    }

    /// What the database holds now, after checking it is intact.
    func indexedState() throws -> [String: String] {
        // Writable: FTS5's integrity check is asked for with an INSERT.
        let store = try Workspace(root: root).openStore(.write)
        defer { try? store.close() }
        try store.checkIntegrity()
        try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
        var result: [String: String] = [:]
        try store.connection.prepare("SELECT path, hash FROM articles").forEachRow { row in result[row.text(0)] = row.text(1) }
        return result
    }
}
