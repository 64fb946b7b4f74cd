import Foundation
@testable import KBCore

/// Writes tickets into a database at schema version 2 the way kb at that version imported JSON Lines: each line kept
/// as its `doc` text, its FNV-1a fingerprint as 16 hex digits, its analysis language, and its five full-text columns
/// indexed in that language. Migration tests open such a file with the current `Store`.
enum VersionTwoStore {
    /// Creates the database at `path` (the first two migrations) holding `lines`, analysed in `workspaceLanguage`
    /// when a ticket has no language of its own.
    static func make(at path: String, lines: [String], workspaceLanguage: Language = .spanish) throws {
        let connection = try Connection(path: path)
        defer { try? connection.close() }
        let tokenizer = TokenizerContext(language: workspaceLanguage, sources: Store.defaultTermSources)
        try connection.registerTokenizer(tokenizer)
        try connection.transaction {
            for migration in Schema.migrations.prefix(2) { try connection.execute(migration) }
            try connection.execute("PRAGMA application_id = \(Schema.applicationID)")
            try connection.execute("PRAGMA user_version = 2")
            try write(lines, into: connection, tokenizer: tokenizer)
        }
    }

    /// Inserts `lines` as version 2's `Store.upsert` did for new tickets.
    static func write(_ lines: [String], into connection: Connection, tokenizer: TokenizerContext) throws {
        for line in lines {
            var text = line
            let ticket = try text.withUTF8 { try Ticket(jsonBytes: $0, timeZoneCheck: { _ in true }) }
            let language = ticket.analysisLanguage ?? tokenizer.language
            try connection.prepare("""
                INSERT INTO tickets(id, severity, status, service, customer, plan, channel,
                    created_at, resolved_at, closed_at, hash, language, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """).execute([
                    ticket.id, ticket.severity, ticket.status.rawValue, ticket.service, ticket.customer, ticket.plan,
                    ticket.channel?.rawValue, ticket.createdAt.seconds, ticket.resolvedAt?.seconds, ticket.closedAt?.seconds,
                    FNV1a.hex(line), language.rawValue, line,
                ])
            let rowid = connection.lastInsertRowID
            try tokenizer.with(language: language) {
                try connection.prepare("""
                    INSERT INTO tickets_fts(rowid, title, description, resolution, root_cause, events_text)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute([rowid] + ticket.searchTexts)
            }
        }
    }
}
