import Foundation
import KBCore

/// The reference kb is measured against: SQLite's own FTS5 with a built-in tokenizer and `bm25()`, built from the
/// same documents in the same run, queried with an OR of the query's words as FTS5's tokenizer splits them.
final class PlainFTS5Index {
    /// The tokenizers compared: accents folded as kb does, and Porter stemming for English text.
    enum Tokenizer: String, CaseIterable {
        case unicode61 = "unicode61 remove_diacritics 2"
        case porter = "porter unicode61 remove_diacritics 2"

        var label: String { self == .unicode61 ? "fts5 unicode61" : "fts5 porter" }
    }

    let tokenizer: Tokenizer
    private let connection: Connection
    private let directory: URL

    init(tokenizer: Tokenizer) throws {
        self.tokenizer = tokenizer
        directory = FileManager.default.temporaryDirectory.appendingPathComponent("kb-plain-fts5-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        connection = try Connection(path: directory.appendingPathComponent("plain.sqlite").path)
        try connection.execute("CREATE VIRTUAL TABLE docs USING fts5(id UNINDEXED, title, body, tokenize = '\(tokenizer.rawValue)')")
        try connection.execute("BEGIN")
    }

    deinit {
        try? connection.close()
        try? FileManager.default.removeItem(at: directory)
    }

    /// Adds a document; call `finish` once all are in.
    func add(id: String, title: String, body: String) throws {
        try connection.cached("INSERT INTO docs(id, title, body) VALUES (?, ?, ?)").execute([id, title, body])
    }

    func finish() throws {
        try connection.execute("COMMIT")
    }

    /// The ids of the best `limit` documents for an OR of the words of `query`, skipping `excluding`.
    func search(_ query: String, limit: Int = 10, excluding: String? = nil) throws -> [String] {
        let words = PlainFTS5Index.words(in: query)
        guard !words.isEmpty else { return [] }
        let expression = words.map { "\"" + $0 + "\"" }.joined(separator: " OR ")
        let statement = try connection.cached("SELECT id FROM docs WHERE docs MATCH ? AND id IS NOT ? ORDER BY bm25(docs) LIMIT ?")
        return try statement.map([expression, excluding ?? "", limit]) { $0.text(0) }
    }

    /// The distinct runs of letters and digits of `text`, as unicode61 splits it.
    static func words(in text: String) -> [String] {
        var seen = Set<String>()
        var words: [String] = []
        var current = ""
        func flush() {
            if !current.isEmpty, seen.insert(current.lowercased()).inserted { words.append(current) }
            current = ""
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil || scalar.properties.generalCategory == .nonspacingMark {
                current.unicodeScalars.append(scalar)
            } else {
                flush()
            }
        }
        flush()
        return words
    }
}
