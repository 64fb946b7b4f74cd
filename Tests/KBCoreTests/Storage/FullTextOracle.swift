import Foundation
import Testing
@testable import KBCore

/// An FTS5 index of a store's tickets, built in the connection's temp schema as kb kept `tickets_fts` until schema 9
/// (the five index columns, kb's tokenizer, each ticket in its language): the tests' independent reference for what the
/// posting lists answer — matches, counts, positions, BM25. Unqualified, `tickets_fts`, `tickets_vocab` and FTS5's
/// shadow tables name it. Built again after the tickets change.
enum FullTextOracle {
    static func build(_ store: Store) throws {
        let connection = store.connection
        try connection.execute("""
            DROP TABLE IF EXISTS temp.tickets_vocab;
            DROP TABLE IF EXISTS temp.v;
            DROP TABLE IF EXISTS temp.tickets_fts;
            CREATE VIRTUAL TABLE temp.tickets_fts USING fts5(title, description, resolution, root_cause, events_text, tokenize = 'kb');
            CREATE VIRTUAL TABLE temp.tickets_vocab USING fts5vocab(temp, tickets_fts, row);
            """)
        let rows = try connection.prepare("SELECT rowid, language, packed FROM main.tickets ORDER BY rowid").map { row in
            (rowid: row.int64(0), language: row.optionalText(1).flatMap(Language.init(rawValue:)),
             columns: try row.withBlob(2) { try Store.indexedText(packed: $0, columns: true) }.columns)
        }
        let insert = try connection.prepare("""
            INSERT INTO temp.tickets_fts(rowid, title, description, resolution, root_cause, events_text) VALUES (?, ?, ?, ?, ?, ?)
            """)
        func insertAll() throws {
            for row in rows {
                try store.tokenizer.with(language: row.language ?? store.tokenizer.language) {
                    try insert.execute([row.rowid] + row.columns.map { String(decoding: $0, as: UTF8.self) })
                }
            }
        }
        // One transaction when none is open (the caller's otherwise): the temp schema takes writes on a reader too.
        if connection.isInTransaction { try insertAll() } else { try connection.transaction(immediate: false, insertAll) }
    }

    /// The tickets the oracle matches for `expression` (built first).
    static func count(_ store: Store, _ expression: String) throws -> Int {
        try build(store)
        return try store.connection.scalarInt("SELECT count(*) FROM tickets_fts WHERE tickets_fts MATCH ?", [expression])
    }

    /// The snippets of the tickets `ids` for `match`, placed from FTS5's own match positions (`kb_snippet` on the oracle,
    /// one MATCH query per ticket) instead of `PhraseLocator`'s: what `searchTickets`' snippets must equal.
    static func snippets(_ store: Store, match: MatchExpression, ids: [String]) throws -> [String] {
        let statement = try store.connection.prepare("""
            SELECT t.packed, kb_snippet(tickets_fts, \(SearchEngine.snippetTokens))
            FROM tickets_fts JOIN tickets t ON t.rowid = tickets_fts.rowid
            WHERE tickets_fts MATCH ? AND tickets_fts.rowid = (SELECT rowid FROM tickets WHERE id = ?)
            """)
        let display = store.tokenizer.source(for: nil)
        return try ids.map { id in
            try statement.first([match.text, id]) { row -> String in
                guard let placement = row.withBlob(1, { SnippetFunction.Placement(encoded: $0) }) else { return "" }
                let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
                return placement.column < columns.count ? SnippetFunction.snippet(of: columns[placement.column], in: placement, source: display) : ""
            } ?? ""
        }
    }

    /// Tickets the posting lists match for the word (`TicketMatcher`): what a search for it finds, counted.
    static func postingsCount(_ store: Store, word: String) throws -> Int {
        try store.ticketMatchCount(MatchExpression(text: QueryBuilder.quote(word), phrases: [.init(text: word, isPrefix: false)]),
                                   limit: .max)
    }
}
