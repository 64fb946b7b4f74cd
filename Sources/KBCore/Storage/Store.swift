import CSQLite
import Foundation

/// The kb database: tickets, articles and their full-text indexes in one SQLite file.
public final class Store {
    /// The open connection; commands reach SQLite only through `Store` methods.
    public let connection: Connection
    /// Switches the analyzer language of the `kb` tokenizer for this connection.
    public let tokenizer: TokenizerContext
    public let path: String

    /// Opens (and, when `create` is true, creates) the database at `path`, migrating it forward.
    ///
    /// Nothing is written to a file before it is known to be a kb database of a schema this
    /// binary understands: a foreign or newer file is refused untouched.
    public init(path: String, create: Bool = true, language: Language = .spanish,
                termSources: [Language: TermSource]? = nil) throws {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = fileManager.fileExists(atPath: path, isDirectory: &isDirectory)
        if isDirectory.boolValue { throw StoreError.notADatabase(path: path) }
        if !exists {
            guard create else { throw StoreError.missing(path: path) }
            let folder = (path as NSString).deletingLastPathComponent
            if !folder.isEmpty { try fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        }
        guard sqlite3_compileoption_used("ENABLE_FTS5") == 1 else { throw StoreError.missingFTS5 }
        let connection = try Connection(path: path, mode: create ? .readWriteCreate : .readWrite)
        self.connection = connection
        self.path = path
        self.tokenizer = TokenizerContext(language: language, sources: termSources ?? Store.defaultTermSources)
        do {
            try Store.checkOwnership(connection, path: path)
            try Store.checkTablesReadable(connection)
            try connection.registerTokenizer(tokenizer)
            try Store.registerFunctions(connection)
            try RankFunction.register(on: connection)
            _ = try connection.scalarText("PRAGMA journal_mode = WAL")
            try connection.execute("PRAGMA synchronous = NORMAL")
            try migrate()
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB || error.code == SQLITE_CORRUPT {
            try? connection.close()
            throw StoreError.notADatabase(path: path)
        } catch {
            try? connection.close()
            throw error
        }
    }

    /// Closes the connection.
    public func close() throws {
        try connection.close()
    }

    /// kb's analyzers (Snowball stemming, codes kept whole, accent folding) for every language.
    static var defaultTermSources: [Language: TermSource] {
        var sources: [Language: TermSource] = [:]
        for language in Language.allCases {
            let analyzer = Analyzer(language: language)
            sources[language] = { text, emit in analyzer.analyze(text, emit) }
        }
        return sources
    }

    /// Refuses files that are not kb's or that a newer kb wrote, reading only the header.
    private static func checkOwnership(_ connection: Connection, path: String) throws {
        let applicationID = try connection.scalarInt("PRAGMA application_id")
        let version = try connection.scalarInt("PRAGMA user_version")
        let objects = try connection.scalarInt("SELECT count(*) FROM sqlite_schema")
        if applicationID == 0 && version == 0 && objects == 0 { return }
        guard applicationID == Int(Schema.applicationID) else { throw StoreError.foreignDatabase(path: path) }
        guard version <= Schema.currentVersion else {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
    }

    /// Reads the first row of every table, which touches each table's root page: a file whose header is intact but
    /// whose tables are wiped or overwritten is refused on opening, before anything writes to it, instead of
    /// failing half-way through a command or, worse, taking writes. One page per table, whatever the size.
    private static func checkTablesReadable(_ connection: Connection) throws {
        let tables = try connection.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).map { $0.text(0) }
        for table in tables {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            _ = try connection.prepare("SELECT 1 FROM \(quoted) LIMIT 1").first { $0.int(0) }
        }
    }

    private func migrate() throws {
        let version = try connection.scalarInt("PRAGMA user_version")
        guard version < Schema.currentVersion else { return }
        try connection.transaction {
            // Re-read inside the write lock: another process may have migrated meanwhile.
            let current = try connection.scalarInt("PRAGMA user_version")
            guard current < Schema.currentVersion else { return }
            for index in current..<Schema.currentVersion {
                try connection.execute(Schema.migrations[index])
            }
            try connection.execute("PRAGMA application_id = \(Schema.applicationID)")
            try connection.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
    }

    /// SQL functions the schema's views call.
    private static func registerFunctions(_ connection: Connection) throws {
        let code = sqlite3_create_function_v2(
            connection.handle, "kb_events_text", 1, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nil,
            { context, _, arguments in
                guard let arguments, let value = arguments[0],
                      let text = sqlite3_value_text(value) else {
                    sqlite3_result_text(context, "", 0, SQLITE_TRANSIENT)
                    return
                }
                let count = Int(sqlite3_value_bytes(value))
                let buffer = UnsafeBufferPointer(start: text, count: count)
                // Snippets read this for every ticket shown: take the texts straight from the stored (canonical,
                // already validated) document rather than decoding a whole Ticket. Same text as `Ticket.eventsText`.
                var eventsText = ""
                if let events = (try? JSONParser().parse(buffer))?["events"]?.arrayValue {
                    for event in events {
                        guard let text = event["text"]?.stringValue, !text.isEmpty else { continue }
                        if !eventsText.isEmpty { eventsText += "\n" }
                        eventsText += text
                    }
                }
                sqlite3_result_text(context, eventsText, -1, SQLITE_TRANSIENT)
            }, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code) }
    }

    /// `PRAGMA integrity_check`, throwing when it reports anything but ok.
    public func checkIntegrity() throws {
        let result = try connection.prepare("PRAGMA integrity_check").map { $0.text(0) }
        guard result == ["ok"] else { throw StoreError.corrupted(path: path, detail: result.prefix(5).joined(separator: "; ")) }
    }
}

extension Ticket {
    /// The text of all events, one per line: what the full-text index holds for the timeline.
    public var eventsText: String {
        var text = ""
        for event in events where !event.text.isEmpty {
            if !text.isEmpty { text += "\n" }
            text += event.text
        }
        return text
    }
}
