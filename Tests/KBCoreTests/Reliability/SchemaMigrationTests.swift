import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// Databases left by every earlier kb: a file at schema version k (the first k migrations run, as that kb
/// left it) opens with the current `Store`, reaches the current version and keeps its data.
@Suite struct SchemaMigrationTests {
    /// Data written at schema version k as that version's kb wrote it, and a check that it survived.
    /// Every version from 1 up to the one before the current needs an entry (the test fails without it).
    struct Seed: Sendable {
        let write: @Sendable (Connection) throws -> Void
        let verify: @Sendable (Store) throws -> Void
    }

    static let seeds: [Int: Seed] = [
        1: Seed(write: { connection in
            let doc = TicketFixtures.line(id: "T-OLD-1", title: "Ticket de la versión 1")
            try connection.prepare("""
                INSERT INTO tickets(id, severity, status, service, customer, plan, channel, created_at, hash, doc)
                VALUES ('T-OLD-1', 3, 'closed', 'portal', 'Acme', '12x5', 'ticketera', 1772453640, 'old', ?)
                """).execute([doc])
            // As version 1 indexed it: the five columns of `tickets_text`, analysed in the workspace's language.
            try connection.prepare("""
                INSERT INTO tickets_fts(rowid, title, description, resolution, root_cause, events_text)
                SELECT rowid, doc ->> '$.title', doc ->> '$.description', coalesce(doc ->> '$.resolution', ''),
                       coalesce(doc ->> '$.root_cause', ''),
                       coalesce((SELECT group_concat(value ->> '$.text', char(10)) FROM json_each(doc, '$.events')
                                 WHERE value ->> '$.text' <> ''), '')
                FROM tickets
                """).execute()
            try connection.execute("INSERT INTO meta(key, value) VALUES ('written_by', 'kb at version 1')")
        }, verify: { store throws in
            let title = try store.ticket(id: "T-OLD-1")?.title
            let writer = try store.connection.scalarText("SELECT value FROM meta WHERE key = 'written_by'")
            let matches = try FullTextOracle.postingsCount(store, word: "version")
            #expect(title == "Ticket de la versión 1")
            #expect(writer == "kb at version 1")
            #expect(matches == 1)
            // Tickets indexed before each kept its language count as the workspace's.
            #expect(try store.ticketLanguages() == [.spanish])
        }),
        2: Seed(write: { connection in
            // Version 2 kept each JSON Lines line as it came (spaces, member order) and its fingerprint in hex.
            let tokenizer = TokenizerContext(language: .spanish, sources: Store.defaultTermSources)
            try VersionTwoStore.write(version2Lines, into: connection, tokenizer: tokenizer)
            try connection.execute("INSERT INTO meta(key, value) VALUES ('written_by', 'kb at version 2')")
        }, verify: { store throws in
            for line in version2Lines {
                let id = try #require(line.split(separator: "\"").dropFirst(3).first.map(String.init))
                #expect(try store.connection.scalarText("SELECT doc FROM tickets WHERE id = ?", [id]) == line)
                #expect(try store.connection.scalarInt("SELECT hash FROM tickets WHERE id = ?", [id])
                        == Int(Array(line.utf8).withUnsafeBufferPointer { DocumentFingerprint.value($0) }))
            }
            #expect(try store.ticket(id: "T-V2-2")?.title == "Sin señal en la sucursal")
            let matches = try FullTextOracle.postingsCount(store, word: "sucursal")
            #expect(matches == 1)
            #expect(try store.connection.scalarInt("SELECT typeof(packed) = 'blob' FROM tickets WHERE id = 'T-V2-1'") == 1)
        }),
        3: Seed(write: { connection in
            // Version 3 kept each ticket compressed with its 64-bit fingerprint, indexed in its own language; it had no
            // postings, which migration 4 builds.
            try writeVersionThree(version3Lines, into: connection)
        }, verify: { store throws in
            #expect(try store.ticket(id: "T-V3-2")?.title == "Printer out of paper again")
            #expect(try store.ticketPostings(of: "printer").map(\.rowid) == [2])
            try TicketPostingsTests.expectInStep(store)
        }),
        4: Seed(write: { connection in
            // Version 4 added the posting lists, their blocks in format 1, which migration 5 converts.
            try writeVersionThree(version4Lines, into: connection)
            try TicketPostingsTests.writeVersionOnePostings(connection)
        }, verify: { store throws in
            #expect(try store.ticketPostings(of: "printer").map(\.rowid) == [2])
            #expect(try store.ticketPostings(of: "printer").first?.titleCount == 3)
            try TicketPostingsTests.expectInStep(store)
        }),
        5: Seed(write: { connection in
            // Version 5 kept posting lists in today's format and no title keys, which migration 6 computes.
            try writeVersionThree(version5Lines, into: connection)
            let writer = TicketPostingsWriter()
            let tokenizer = TokenizerContext(language: .spanish, sources: Store.defaultTermSources)
            for (rowid, line) in version5Lines.enumerated() {
                var text = line
                let ticket = try text.withUTF8 { try Ticket(jsonBytes: $0, timeZoneCheck: { _ in true }) }
                let language = ticket.analysisLanguage ?? .spanish
                try writer.add(rowid: Int64(rowid + 1), terms: PreparedTerms(texts: ticket.searchTexts, language: language,
                                                                             source: tokenizer.source(for: language)),
                               connection: connection)
            }
            try writer.flush(connection)
        }, verify: { store throws in
            try TicketPostingsTests.expectInStep(store)
            try TitledTicketTests.expectKeysMatchTitles(store)
            #expect(try store.connection.scalarInt("SELECT count(DISTINCT title_key) FROM tickets") == version5Lines.count)
            // Found by its title's key: the query holds the whole title.
            let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.english]!))
            let match = try #require(try engine.ticketMatch(for: "printer jammed on the third floor again"))
            var filters = SearchFilters()
            filters.type = .ticket
            #expect(try engine.searchTickets(match: match, filters: filters, snippets: false).first?.id == "T-V5-2")
        }),
        6: Seed(write: { connection in
            // Version 6 analysed a time of day as two numbers ("16:10" → "16", "10") in both indexes, the postings and
            // the title keys; migration 7 analyses everything again.
            try writeVersionSix(version6Lines, into: connection)
            let title = "Corte programado de las 16:10"
            try connection.prepare("""
                INSERT INTO articles(id, path, hash, size, mtime, title, state, audience, language, services, tags, tickets,
                                     problem, solution, tags_text, body)
                VALUES ('KB-0001', 'kb/articles/corte.md', 'h', 1, 1, ?, 'published', 'internal', 'es', '[]', '[]', '[]',
                        'La central se corta a las 16:10', 'Reiniciar', '', '')
                """).execute([splittingTimes(title)])
            // The index holds what version 6 made of the texts, the table the texts as written (no trigger runs on
            // UPDATE), as an article indexed by version 6 reads to today's kb.
            try connection.prepare("UPDATE articles SET title = ?, problem = 'La central se corta a las 16:10'").execute([title])
        }, verify: { store throws in
            try TicketPostingsTests.expectInStep(store)
            try TitledTicketTests.expectKeysMatchTitles(store)
            try store.connection.execute("INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')")
            #expect(try store.ticketPostings(of: "16:10").map(\.rowid) == [1])
            #expect(try store.ticketPostings(of: "10").isEmpty)
            #expect(try store.ticketPostings(of: "cancel").map(\.rowid) == [2])
            #expect(try FullTextOracle.postingsCount(store, word: "16:10") == 1)
            #expect(try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH '\"16:10\"'") == 1)
            #expect(try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'central'") == 1)
            let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!))
            let match = try #require(try engine.ticketMatch(for: "llamadas 16:10"))
            var filters = SearchFilters()
            filters.type = .ticket
            #expect(try engine.searchTickets(match: match, filters: filters, snippets: false).map(\.id) == ["T-V6-1"])
        }),
        7: Seed(write: { connection in
            // Version 7 analysed as today's kb does, and FTS5 kept the index's totals: migration 8 takes them from it.
            try writeVersionSix(version7Lines, into: connection, splittingTimes: false)
            try connection.execute("DELETE FROM meta WHERE key = 'ticket_index_totals'")
        }, verify: { store throws in
            try TicketPostingsTests.expectInStep(store)
            let totals = try store.ticketIndexTotals()
            #expect(totals.rows == 2)
            #expect(totals.tokens > 10)
        }),
        8: Seed(write: { connection in
            // Version 8: kb's posting lists and totals beside FTS5's index, which migration 9 drops.
            try writeVersionSix(version7Lines, into: connection, splittingTimes: false)
        }, verify: { store throws in
            try TicketPostingsTests.expectInStep(store)
            #expect(try store.ticketIndexTotals().rows == 2)
            let engine = try SearchEngine(store: store, builder: QueryBuilder(termSource: Store.defaultTermSources[.spanish]!))
            let first = try #require(try store.ticket(rowid: 1))
            let found = try engine.searchTickets(match: try #require(try engine.ticketMatch(for: first.title)), filters: SearchFilters())
            #expect(found.first?.id == first.id)
        }),
        9: Seed(write: { connection in
            // Version 9: kb's posting lists alone, no phrase listed (migration 10 adds the table that lists them).
            try writeVersionSix(version7Lines, into: connection, splittingTimes: false, fullTextIndex: false)
        }, verify: { store throws in
            #expect(try store.connection.scalarInt("SELECT count(*) FROM ticket_phrases") == 0)
            try TicketPostingsTests.expectInStep(store)
            let listed = try store.indexPhrases(["third floor", "sin llamadas"])
            #expect(listed.indexed == 2 && listed.ticketsRead == 2)
            try TicketPostingsTests.expectInStep(store)
            #expect(try store.ticketPostings(of: IndexedPhrases.key(of: [Array("sin".utf8), Array("llam".utf8)])).map(\.rowid) == [1])
        }),
    ]

    static let version7Lines = [
        TicketFixtures.line(id: "T-V7-1", title: "Sin llamadas desde las 16:10", extra: #""resolution":"Volvió a las 16:45""#),
        TicketFixtures.line(id: "T-V7-2", title: "Printer jammed on the third floor", extra: #""language":"en""#),
    ]

    static let version6Lines = [
        TicketFixtures.line(id: "T-V6-1", title: "Sin llamadas desde las 16:10", extra: #""resolution":"Volvió a las 16:45""#),
        TicketFixtures.line(id: "T-V6-2", title: "Subscription cancelled at 10:16", extra: #""language":"en""#),
    ]

    /// A text as version 6's analyzer split it: a colon between digits was a separator.
    static func splittingTimes(_ text: String) -> String {
        let characters = Array(text)
        return String(characters.indices.map { index in
            characters[index] == ":" && index > 0 && index + 1 < characters.count && characters[index - 1].isASCII
                && characters[index - 1].isNumber && characters[index + 1].isASCII && characters[index + 1].isNumber ? " " : characters[index]
        })
    }

    /// Inserts `lines` as version 6's `Store.upsert` did: the document as written, its index columns, postings and title
    /// key as version 6 analysed them (version 7's without `splittingTimes`).
    static func writeVersionSix(_ lines: [String], into connection: Connection, splittingTimes splits: Bool = true,
                                fullTextIndex: Bool = true) throws {
        let tokenizer = TokenizerContext(language: .spanish, sources: Store.defaultTermSources)
        try connection.registerTokenizer(tokenizer)
        let writer = TicketPostingsWriter()
        for line in lines {
            let bytes = Array(line.utf8)
            let ticket = try bytes.withUnsafeBufferPointer { try Ticket(jsonBytes: $0, timeZoneCheck: { _ in true }) }
            let language = ticket.analysisLanguage ?? tokenizer.language
            let texts = splits ? ticket.searchTexts.map(splittingTimes) : ticket.searchTexts
            let terms = PreparedTerms(texts: texts, language: language, source: tokenizer.source(for: language))
            try connection.prepare("""
                INSERT INTO tickets(id, severity, status, created_at, hash, language, packed, title_key) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """).execute([ticket.id, ticket.severity, ticket.status.rawValue, ticket.createdAt.seconds,
                              bytes.withUnsafeBufferPointer { DocumentFingerprint.value($0) }, language.rawValue,
                              SQLValue.blob(BlockCompressor.compress(bytes)), TitleKey.of(terms).map(SQLValue.integer) ?? SQLValue.null])
            let rowid = connection.lastInsertRowID
            if fullTextIndex {
                try tokenizer.with(language: language) {
                    try connection.prepare("""
                        INSERT INTO tickets_fts(rowid, title, description, resolution, root_cause, events_text)
                        VALUES (?, ?, ?, ?, ?, ?)
                        """).execute([rowid] + texts)
                }
            }
            try writer.add(rowid: rowid, terms: terms, connection: connection)
        }
        try writer.flush(connection)
    }

    /// Takes a current store's title keys away, as a store from before migration 6 had none (tests that set a store
    /// back to an earlier version, so migration 6 runs again).
    static func dropTitleKeys(_ connection: Connection) throws {
        try connection.execute("DROP INDEX tickets_title_key; ALTER TABLE tickets DROP COLUMN title_key")
    }

    static let version5Lines = [
        TicketFixtures.line(id: "T-V5-1", title: "Ticket de la versión 5", extra: #""resolution":"Se reinició la central""#),
        TicketFixtures.line(id: "T-V5-2", title: "Printer jammed on the third floor", extra: #""language":"en""#),
    ]

    /// Inserts `lines` as version 3's (and 4's) `Store.upsert` did for new tickets, without 4's postings.
    static func writeVersionThree(_ lines: [String], into connection: Connection) throws {
        let tokenizer = TokenizerContext(language: .spanish, sources: Store.defaultTermSources)
        try connection.registerTokenizer(tokenizer)
        for line in lines {
            let bytes = Array(line.utf8)
            let ticket = try bytes.withUnsafeBufferPointer { try Ticket(jsonBytes: $0, timeZoneCheck: { _ in true }) }
            let language = ticket.analysisLanguage ?? tokenizer.language
            try connection.prepare("""
                INSERT INTO tickets(id, severity, status, created_at, hash, language, packed) VALUES (?, ?, ?, ?, ?, ?, ?)
                """).execute([ticket.id, ticket.severity, ticket.status.rawValue, ticket.createdAt.seconds,
                              bytes.withUnsafeBufferPointer { DocumentFingerprint.value($0) }, language.rawValue,
                              SQLValue.blob(BlockCompressor.compress(bytes))])
            let rowid = connection.lastInsertRowID
            try tokenizer.with(language: language) {
                try connection.prepare("""
                    INSERT INTO tickets_fts(rowid, title, description, resolution, root_cause, events_text)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """).execute([rowid] + ticket.searchTexts)
            }
        }
    }

    static let version4Lines = [
        TicketFixtures.line(id: "T-V4-1", title: "Ticket de la versión 4 con muchas palabras repetidas: red, red, red",
                            extra: #""resolution":"Se reinició el portal de la red""#),
        TicketFixtures.line(id: "T-V4-2", title: "Printer, printer, printer out of paper again", extra: #""language":"en""#),
    ]

    static let version3Lines = [
        TicketFixtures.line(id: "T-V3-1", title: "Ticket de la versión 3", extra: #""resolution":"Se reinició el portal""#),
        TicketFixtures.line(id: "T-V3-2", title: "Printer out of paper again", extra: #""language":"en""#),
    ]

    static let version2Lines = [
        TicketFixtures.line(id: "T-V2-1", title: "Ticket de la versión 2"),
        #"{ "id" : "T-V2-2", "title":"Sin se\u00f1al en la sucursal","severity":1,"status":"closed","created_at":"2026-03-02T09:14:00-03:00","events":[] }"#,
    ]

    /// A database at version `version`: the first `version` migrations, marked as the kb of that time marked it.
    static func makeDatabase(at path: String, version: Int) throws {
        let connection = try Connection(path: path)
        defer { try? connection.close() }
        try connection.registerTokenizer(TokenizerContext(language: .spanish, sources: Store.defaultTermSources))
        // Migration 3 names kb's document functions.
        try Store.registerFunctions(connection, documentColumn: DocumentColumnState())
        try connection.transaction {
            for migration in Schema.migrations.prefix(version) { try connection.execute(migration) }
            if version > 0 {
                try connection.execute("PRAGMA application_id = \(Schema.applicationID)")
                try connection.execute("PRAGMA user_version = \(version)")
            }
        }
        if version > 0, let seed = seeds[version] { try connection.transaction { try seed.write(connection) } }
    }

    @Test(arguments: 0..<Schema.currentVersion)
    func migratesFromEarlierVersion(version: Int) throws {
        if version > 0 { #expect(Self.seeds[version] != nil, "add a Seed for schema version \(version)") }
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        try Self.makeDatabase(at: path, version: version)
        let store = try Store(path: path, access: .write)
        defer { try? store.close() }
        #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        #expect(try store.connection.scalarInt("PRAGMA application_id") == Int(Schema.applicationID))
        try store.checkIntegrity()
        // Schema 9 dropped FTS5's ticket index: the posting lists hold what one built from the stored tickets holds.
        #expect(try store.connection.scalarInt("""
            SELECT count(*) FROM sqlite_schema WHERE name GLOB 'tickets_fts*' OR name IN ('tickets_vocab', 'tickets_text')
            """) == 0)
        if try store.ticketCount() > 0 { try TicketPostingsTests.expectInStep(store) }
        if let seed = Self.seeds[version] { try seed.verify(store) }
        // The migrated database takes new data like a fresh one.
        let created = try #require(Timestamp(iso8601: "2026-03-02T09:14:00-03:00"))
        let outcome = try store.connection.transaction {
            try store.upsert(Ticket(id: "T-NEW", title: "nuevo", severity: 2, status: .closed, createdAt: created))
        }
        #expect(outcome == .inserted)
    }

    /// A store of version 6 is analysed again and then written anew in order: the pages its old index (and anything
    /// else) left free are given back, and the index answers as one built by today's import.
    @Test func storeAtVersionSixIsReindexedAndCompacted() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        do {
            let store = try Store(path: path, language: .spanish)
            defer { try? store.close() }
            _ = try TicketPostingsTests.importLines(TicketPostingsTests.lines(count: 400), into: store, in: directory)
            try store.connection.execute("""
                CREATE TABLE scratch(data BLOB);
                INSERT INTO scratch SELECT zeroblob(4000) FROM tickets;
                DROP TABLE scratch;
                PRAGMA user_version = 6;
                """)
            #expect(try store.connection.scalarInt("PRAGMA freelist_count") > 50)
        }
        let store = try Store(path: path, access: .write, language: .spanish)
        defer { try? store.close() }
        #expect(try store.connection.scalarInt("PRAGMA user_version") == Schema.currentVersion)
        #expect(try store.connection.scalarInt("PRAGMA freelist_count") == 0)
        try TicketPostingsTests.expectInStep(store)
        try TitledTicketTests.expectKeysMatchTitles(store)
    }

    /// Opening a migrated database again migrates nothing and changes nothing.
    @Test func reopeningCurrentVersionIsReadOnlyForSchema() throws {
        let directory = try TemporaryDirectory()
        let path = directory.url.appendingPathComponent("kb.sqlite").path
        try Store(path: path).close()
        let schema = { () throws -> [String] in
            let connection = try Connection(path: path, mode: .readOnly)
            defer { try? connection.close() }
            return try connection.prepare("SELECT sql FROM sqlite_schema WHERE sql IS NOT NULL ORDER BY name").map { $0.text(0) }
        }
        let before = try schema()
        try Store(path: path, access: .write).close()
        #expect(try schema() == before)
    }
}
