/// The database schema as forward migrations; `PRAGMA user_version` records how many have run.
enum Schema {
    /// Marks a file as kb's in the SQLite header (`PRAGMA application_id`): "kb" + 1.
    static let applicationID: Int32 = 0x6B62_0001

    /// Migration N (1-based) takes the schema from version N-1 to N. Never edit one that has shipped.
    static let migrations: [String] = [
        // 1: tickets with their native JSON, articles mirrored from files, full-text indexes.
        """
        CREATE TABLE tickets(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            severity INTEGER NOT NULL,
            status TEXT NOT NULL,
            service TEXT,
            customer TEXT,
            plan TEXT,
            channel TEXT,
            created_at INTEGER NOT NULL,
            resolved_at INTEGER,
            closed_at INTEGER,
            hash TEXT NOT NULL,
            doc TEXT NOT NULL
        );
        CREATE INDEX tickets_created ON tickets(created_at);
        CREATE INDEX tickets_status ON tickets(status, severity);
        CREATE VIEW tickets_text(rowid, title, description, resolution, root_cause, events_text) AS
            SELECT rowid, doc ->> '$.title', doc ->> '$.description',
                   coalesce(doc ->> '$.resolution', ''), coalesce(doc ->> '$.root_cause', ''),
                   kb_events_text(doc)
            FROM tickets;
        CREATE VIRTUAL TABLE tickets_fts USING fts5(
            title, description, resolution, root_cause, events_text,
            content = 'tickets_text', content_rowid = 'rowid', tokenize = 'kb');
        CREATE VIRTUAL TABLE tickets_vocab USING fts5vocab(tickets_fts, row);
        CREATE TABLE articles(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL,
            path TEXT NOT NULL UNIQUE,
            hash TEXT NOT NULL,
            size INTEGER NOT NULL DEFAULT 0,
            mtime INTEGER NOT NULL DEFAULT 0,
            title TEXT NOT NULL,
            state TEXT NOT NULL,
            audience TEXT NOT NULL,
            language TEXT NOT NULL,
            services TEXT NOT NULL,
            tags TEXT NOT NULL,
            tickets TEXT NOT NULL,
            updated TEXT,
            problem TEXT NOT NULL,
            solution TEXT NOT NULL,
            tags_text TEXT NOT NULL,
            body TEXT NOT NULL
        );
        CREATE INDEX articles_id ON articles(id);
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, problem, solution, tags_text,
            content = 'articles', content_rowid = 'rowid', tokenize = 'kb');
        CREATE TRIGGER articles_after_insert AFTER INSERT ON articles BEGIN
            INSERT INTO articles_fts(rowid, title, problem, solution, tags_text)
            VALUES (new.rowid, new.title, new.problem, new.solution, new.tags_text);
        END;
        CREATE TRIGGER articles_after_delete AFTER DELETE ON articles BEGIN
            INSERT INTO articles_fts(articles_fts, rowid, title, problem, solution, tags_text)
            VALUES ('delete', old.rowid, old.title, old.problem, old.solution, old.tags_text);
        END;
        CREATE TABLE article_links(
            ticket_id TEXT NOT NULL,
            article_id TEXT NOT NULL,
            linked_at INTEGER NOT NULL,
            PRIMARY KEY(ticket_id, article_id)
        ) WITHOUT ROWID;
        CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
        """,
        // 2: each ticket's analysis language (`Ticket.analysisLanguage`), so its text is indexed, and removed from the
        // index, with its own stemmer; NULL for tickets indexed before, in the workspace's language. The index
        // answers "which languages do the tickets use" without reading the table.
        """
        ALTER TABLE tickets ADD COLUMN language TEXT;
        CREATE INDEX tickets_language ON tickets(language);
        """,
        // 3: a smaller store. Each ticket's JSON is kept compressed (`packed`, see `BlockCompressor`) and read back
        // through the virtual column `doc`, so every query of `doc` reads the same text as before; the fingerprint is
        // `DocumentFingerprint`'s 64 bits as an integer (8 bytes, not FNV-1a's 16 hex digits; recomputed here, so a
        // re-import still finds unchanged tickets unchanged). Row ids are kept, so the external-content
        // index stays valid as it is; the view is rebuilt over the new table with the same columns.
        """
        DROP VIEW tickets_text;
        CREATE TABLE tickets_packed(
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            severity INTEGER NOT NULL,
            status TEXT NOT NULL,
            service TEXT,
            customer TEXT,
            plan TEXT,
            channel TEXT,
            created_at INTEGER NOT NULL,
            resolved_at INTEGER,
            closed_at INTEGER,
            hash INTEGER NOT NULL,
            language TEXT,
            packed BLOB NOT NULL,
            doc TEXT GENERATED ALWAYS AS (kb_unpack(packed)) VIRTUAL
        );
        INSERT INTO tickets_packed(rowid, id, severity, status, service, customer, plan, channel, created_at,
                                   resolved_at, closed_at, hash, language, packed)
            SELECT rowid, id, severity, status, service, customer, plan, channel, created_at,
                   resolved_at, closed_at, kb_document_hash(doc), language, kb_pack(doc)
            FROM tickets ORDER BY rowid;
        DROP TABLE tickets;
        ALTER TABLE tickets_packed RENAME TO tickets;
        CREATE INDEX tickets_created ON tickets(created_at);
        CREATE INDEX tickets_status ON tickets(status, severity);
        CREATE INDEX tickets_language ON tickets(language);
        CREATE VIEW tickets_text(rowid, title, description, resolution, root_cause, events_text) AS
            SELECT rowid, doc ->> '$.title', doc ->> '$.description',
                   coalesce(doc ->> '$.resolution', ''), coalesce(doc ->> '$.root_cause', ''),
                   kb_events_text(doc)
            FROM tickets;
        """,
        // 4: kb's own posting lists of the ticket index, for BM25 top-k in Swift: per term, blocks of up to 128
        // postings (`TicketPostingBlock`) in ascending rowid, keyed by their last rowid, kept in step with
        // the ticket index (`TicketPostingsWriter`). Filled from the stored tickets by migration 7's pass.
        """
        CREATE TABLE ticket_postings(
            term TEXT NOT NULL,
            last_rowid INTEGER NOT NULL,
            data BLOB NOT NULL,
            PRIMARY KEY(term, last_rowid)
        ) WITHOUT ROWID;
        """,
        // 5: smaller posting blocks (format 2 of `TicketPostingBlock`: both counts in one varint). The table stays as it
        // is; the blocks schema 4 wrote are written again by migration 7's pass.
        """
        -- 5: ticket_postings blocks in format 2, rewritten by kb itself.
        """,
        // 6: each ticket's title as a number (`TitleKey`), indexed, so a search finds the tickets whose whole title the
        // query holds whatever their rank (`SearchEngine.rank`). Computed for the stored tickets by migration 7's pass.
        """
        ALTER TABLE tickets ADD COLUMN title_key INTEGER;
        CREATE INDEX tickets_title_key ON tickets(title_key);
        """,
        // 7: a time of day is one term (`16:10`; it was the two numbers `16` and `10`, see `Analyzer`). The tables stay
        // as they are; `Store.migrate` analyses every ticket and article again (`Store.reindexAnalyzedText`).
        """
        -- 7: ticket and article indexes rebuilt by kb itself with the analyzer that keeps times whole.
        """,
        // 8: the ticket index's totals (tickets, and their tokens over all columns: BM25's average length) kept by kb in
        // `meta` beside its posting lists, which FTS5 kept until then; a store at version 7 takes FTS5's
        // (`Store.recordTicketIndexTotalsFromFullTextIndex`), one migrated from before counted them reindexing.
        """
        INSERT OR IGNORE INTO meta(key, value) VALUES ('ticket_index_totals', '0 0');
        """,
        // 9: FTS5's ticket index dropped: kb's posting lists answer every ticket query (matches, counts, ranking, the
        // similar tickets of reviews), phrases checked against the stored text. It cost a fifth of an import's time and
        // a quarter of the file. Articles keep theirs (`articles_fts`).
        """
        DROP TABLE IF EXISTS tickets_vocab;
        DROP TABLE IF EXISTS tickets_fts;
        DROP VIEW IF EXISTS tickets_text;
        """,
        // 10: phrases of several words listed as terms of their own (`IndexedPhrases`): the synonyms file's, so a query
        // expanding "caída" to "fuera de servicio" reads that phrase's list instead of the texts of the tickets holding
        // its words. Empty until `kb index` or `kb import` indexes the workspace's synonyms (`Store.indexPhrases`).
        """
        CREATE TABLE IF NOT EXISTS ticket_phrases(key TEXT PRIMARY KEY) WITHOUT ROWID;
        """,
    ]

    static var currentVersion: Int { migrations.count }

    /// The version from which the indexes hold a time of day as one term (migration 7).
    static let wholeTimesVersion = 7
    /// The version from which kb keeps the ticket index's totals itself (migration 8).
    static let ticketTotalsVersion = 8
    /// The version from which tickets have no FTS5 index (migration 9).
    static let postingsOnlyVersion = 9
}
