import CSQLite
import Foundation

/// The kb database: tickets, articles and their full-text indexes in one SQLite file.
///
/// A store is used from one thread at a time (it holds one connection); see docs/architecture.md.
public final class Store {
    /// How a command uses the database.
    public enum Access: Sendable, Equatable {
        /// Reading only. The store holds one read transaction from opening to `close()`, so every read of a command
        /// (statistics, bounds, ranking, details) sees one state of the database, before or after a concurrent
        /// import, never between. Nothing is written, so a workspace whose `.kb/` this user cannot write is read.
        case read
        /// Reading and writing a database that exists.
        case write
        /// Reading and writing, creating the database when it does not exist yet.
        case create
    }

    /// The open connection; SQL lives in Storage's and Search's files, which reach SQLite through it.
    public let connection: Connection
    /// Switches the analyzer language of the `kb` tokenizer for this connection.
    public let tokenizer: TokenizerContext
    public let path: String
    public let access: Access
    /// Lets `kb_unpack` skip the `doc` column SQLite computes, and drops, for each row `upsert` writes.
    let documentColumn = DocumentColumnState()
    /// The postings of the open write transaction not yet in `ticket_postings` (see `TicketPostingsWriter`).
    let ticketPostingsWriter = TicketPostingsWriter()
    /// Extensions other folders registered on this connection (see `registerOnce`).
    private var registered: Set<String> = []

    /// Opens the database at `path` (creating it for `.create` when missing) and migrates it forward.
    ///
    /// Nothing is written to a file before it is known to be a kb database of a schema this binary understands:
    /// a foreign or newer file is refused untouched. A new database is built under a temporary name and linked
    /// into place whole, so concurrent commands on a new workspace see no database or a complete one.
    ///
    /// With `workspace`, the store belongs to that workspace (its root folder, symbolic links resolved): the first
    /// writer records it, and a database another workspace records and still uses as its own file is refused with
    /// `StoreError.sharedDatabase` unless `allowsSharedDatabase`.
    public init(path: String, access: Access = .create, language: Language = .spanish,
                termSources: [Language: TermSource]? = nil, workspace: String? = nil,
                allowsSharedDatabase: Bool = false) throws {
        guard sqlite3_compileoption_used("ENABLE_FTS5") == 1 else { throw StoreError.missingFTS5 }
        let sources = termSources ?? Store.defaultTermSources
        var status = stat()
        let exists = stat(path, &status) == 0
        if !exists && errno != ENOENT { throw StoreError.inaccessible(path: path, reason: Store.unreachableReason(path, errno)) }
        if exists && (status.st_mode & S_IFMT) == S_IFDIR { throw StoreError.isDirectory(path: path) }
        if !exists {
            guard access == .create else { throw StoreError.missing(path: path) }
            try Store.create(path: path, language: language, sources: sources, workspace: workspace)
        }
        self.path = path
        self.access = access
        self.tokenizer = TokenizerContext(language: language, sources: sources)
        var opened: Connection?
        do {
            var connection = try Store.connect(path: path, access: access)
            opened = connection
            if access == .read, case let version = try Store.checkOwnership(connection, path: path), version < Schema.currentVersion {
                // An empty file holds nothing to read; an older schema is upgraded by a writing connection, then read
                // as usual (or refused when kb cannot write).
                guard version > 0 else { throw StoreError.missing(path: path) }
                try Store.finishReading(connection)
                try connection.close()
                opened = nil
                try Store.upgrade(path: path, language: language, sources: sources)
                connection = try Store.connect(path: path, access: access)
                opened = connection
            }
            self.connection = connection
            attachTicketPostingsWriter()
            try Store.checkOwnership(connection, path: path)
            try Store.checkTablesReadable(connection)
            try connection.registerTokenizer(tokenizer)
            try Store.registerFunctions(connection, documentColumn: documentColumn)
            if access != .read {
                try Store.switchToWriteAheadLog(connection, waitingUpTo: Store.writerSwitchSeconds)
                try connection.execute("PRAGMA synchronous = NORMAL")
                try migrate()
            }
            try Store.keepFilesForReaders(connection)
            if let workspace {
                try claim(workspace: workspace, allowsSharing: allowsSharedDatabase)
            }
        } catch let error as SQLiteError where error.code == SQLITE_NOTADB || error.code == SQLITE_CORRUPT {
            try? opened?.close()
            throw StoreError.notADatabase(path: path)
        } catch {
            try? opened?.close()
            throw error
        }
    }

    /// Ends the read transaction of a `.read` store and closes the connection.
    public func close() throws {
        if access == .read { try Store.finishReading(connection) }
        try connection.close()
    }

    /// Ends a `.read` store's snapshot and takes a new one, for a reader that outlives one command (a server's, per
    /// request); returns true when another connection committed changes since the previous snapshot, so caches
    /// built from the old one (term statistics) are stale.
    @discardableResult
    public func renewSnapshot() throws -> Bool {
        precondition(access == .read, "only a store opened for reading holds a snapshot")
        let previous = try connection.scalarInt("PRAGMA data_version")
        try Store.finishReading(connection)
        try Store.takeSnapshot(connection)
        return try connection.scalarInt("PRAGMA data_version") != previous
    }

    /// Runs `body` in one read transaction, so all its reads see one state of the database; inside a transaction
    /// already (always, on a `.read` store), it simply runs.
    public func read<T>(_ body: () throws -> T) throws -> T {
        guard !connection.isInTransaction else { return try body() }
        return try connection.transaction(immediate: false, body)
    }

    /// Runs `body` in a write transaction: committed when it returns, rolled back when it throws. Writers queue
    /// behind one another (`Connection.writerTimeoutMilliseconds`).
    public func write<T>(_ body: () throws -> T) throws -> T {
        precondition(access != .read, "a store opened for reading cannot write")
        return try connection.transaction(body)
    }

    /// The page cache of a bulk write, in KiB. An import appends to its tables and indexes and merges its postings' runs
    /// in order, so a larger cache buys little: at 1,000,000 tickets 16 MiB imported as fast as 64 (84.3 s against
    /// 85.3 s, within the machine's noise, measured when FTS5 still indexed tickets) and peaked 35 MB lower.
    static let bulkWriteCacheKiB = 16_384

    /// Runs a bulk write (an import) in one write transaction with a `bulkWriteCacheKiB` page cache: committed when
    /// `body` returns true, rolled back when it returns false (as `kb import --strict` does after a rejection) or
    /// throws. Into a store that holds no ticket yet, and that no other connection has open, it writes through a
    /// rollback journal instead of the write-ahead log (`withRollbackJournal`); returns the journal it wrote through.
    @discardableResult
    public func bulkWrite(_ body: () throws -> Bool) throws -> BulkWriteJournal {
        precondition(access != .read, "a store opened for reading cannot write")
        try connection.execute("PRAGMA cache_size = -\(Self.bulkWriteCacheKiB)")
        defer { try? connection.execute("PRAGMA cache_size = -2000") }
        guard try holdsNoTickets() else {
            try transaction(body)
            return .writeAheadLog
        }
        return try withRollbackJournal { try transaction(body) }
    }

    /// `body` in one write transaction, committed when it returns true and rolled back when it returns false or throws.
    private func transaction(_ body: () throws -> Bool) throws {
        try connection.beginImmediate()
        do {
            if try body() { try connection.commit() } else { connection.rollback() }
        } catch {
            connection.rollback()
            throw error
        }
    }

    /// Has the connection write the buffered postings before each commit and drop them on rollback.
    private func attachTicketPostingsWriter() {
        let writer = ticketPostingsWriter
        connection.beforeCommit = { try writer.flush($0) }
        connection.afterRollback = { writer.discard() }
    }

    /// Registers a connection extension (an SQL or FTS5 function) the first time a caller asks for it by `name`.
    ///
    /// The folders that define functions (Search's `kb_rank`) register them where they are used, so Storage does not
    /// depend on them; registering again would needlessly invalidate prepared statements.
    public func registerOnce(_ name: String, _ register: (Connection) throws -> Void) throws {
        guard !registered.contains(name) else { return }
        try register(connection)
        registered.insert(name)
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

    // MARK: - Opening

    /// The page size of a new store's file (SQLite's default is 4,096; stores created before kb chose one keep theirs).
    ///
    /// An import writes every page it fills twice, to the write-ahead log at commit and into the file at the checkpoint,
    /// and pays per page (a log frame's header and checksum, its index entry, a system call each way): at 4 KiB those
    /// were 0.12 s of a 0.55 s import of 10,000 tickets, at 16 KiB 0.08 s. Fuller pages also hold the compressed
    /// tickets (≈ 1.3 KB each) with less slack: 27.2 → 25.1 MB. Larger pages saved a little more at import but cost
    /// random reads (a search's ticket rows, a filter's check) a larger page each.
    public static let pageBytes = 16_384

    /// How much of the file a reader maps into memory (SQLite's `mmap_size`, just under the 2 GiB cap of SQLite's build on
    /// Debian). Searches read long posting lists page by page past SQLite's small page cache: mapped, a page costs a memory
    /// read instead of a `pread` that copies it (a search's CPU −4% at 1,000,000 tickets and −7% at 100,000 in
    /// `kb-bench search-profile`). Mapped pages are the system's file cache, not the process's own memory.
    public static let readerMemoryMapBytes: Int64 = 2_047 << 20

    /// A connection to an existing file; for `.read`, inside the read transaction the store keeps until closed.
    ///
    /// A reader opens read-write but sets `query_only`: SQLite then manages `-wal` and `-shm` as for any connection,
    /// while nothing can change the data. When this user cannot write the folder and the database has no `-wal`
    /// (no connection is using it), SQLite cannot create the `-shm` it needs, so the file is read as immutable.
    private static func connect(path: String, access: Access) throws -> Connection {
        var connection = try Connection(path: path, mode: .readWrite)
        guard access == .read else { return connection }
        do {
            try connection.execute("PRAGMA query_only = ON")
            _ = try connection.scalarInt("PRAGMA mmap_size = \(readerMemoryMapBytes)")
            try beginSnapshot(connection)
        } catch let error as SQLiteError where error.code == SQLITE_READONLY || error.code == SQLITE_CANTOPEN {
            try? connection.close()
            let log = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.size] as? Int ?? 0
            guard log == 0 else { throw error }
            connection = try Connection(path: path, mode: .immutable)
            try takeSnapshot(connection)
        } catch {
            try? connection.close()
            throw error
        }
        return connection
    }

    /// Starts a `.read` connection's snapshot (its first read fixes it) with the file in WAL mode. A first import
    /// writes through a rollback journal and switches back after (`withRollbackJournal`), but a reader that got in at
    /// its commit, or an import that was killed, can leave the file in that mode; a reader that held it so for long
    /// (a server's, whose snapshot lasts between requests) would keep every later writer from committing. Such a file
    /// is switched back first; one this user may not write is read as it is, and so is any file not known to be kb's
    /// (another program's, a newer kb's: `checkOwnership` refuses them next, and they must be left as they were).
    private static func beginSnapshot(_ connection: Connection) throws {
        try takeSnapshot(connection)
        guard try connection.scalarText("PRAGMA journal_mode") != "wal",
              try connection.scalarInt("PRAGMA application_id") == Int(Schema.applicationID),
              try connection.scalarInt("PRAGMA user_version") <= Schema.currentVersion else { return }
        try finishReading(connection)
        _ = try? switchToWriteAheadLog(connection, waitingUpTo: readerSwitchSeconds)
        try takeSnapshot(connection)
    }

    /// Begins a read transaction and reads the schema, which fixes its snapshot now rather than at the next query.
    private static func takeSnapshot(_ connection: Connection) throws {
        try connection.execute("BEGIN DEFERRED")
        _ = try connection.scalarInt("SELECT count(*) FROM sqlite_schema")
    }

    /// Why `path` cannot be reached, from `stat`'s errno, with what to do.
    private static func unreachableReason(_ path: String, _ number: Int32) -> String {
        if number == ENOTDIR {
            let folder = (path as NSString).deletingLastPathComponent
            return "\(folder) is a file, where kb keeps its database folder; move it away"
        }
        let reason = SQLiteError.systemReason(number)
        return number == EACCES ? reason + "; check that this user may read it and the folders above it" : reason
    }

    /// Ends a read transaction, keeping the first error.
    private static func finishReading(_ connection: Connection) throws {
        if connection.isInTransaction { try connection.execute("COMMIT") }
    }

    /// Once a file is known to be kb's: its write-ahead log files stay when the last connection closes, emptied, so
    /// that users who may only read can open it later (`connect`).
    private static func keepFilesForReaders(_ connection: Connection) throws {
        try connection.keepWriteAheadLogFiles()
        // Without a limit, a log kept after a large import would keep its size.
        _ = try connection.scalarInt("PRAGMA journal_size_limit = 67108864")
    }

    /// Refuses files that are not kb's or that a newer kb wrote, reading only the header; returns the schema version.
    ///
    /// The three values are read in one transaction: a database another command creates meanwhile is seen
    /// complete or not at all, never with tables but without kb's mark.
    @discardableResult
    private static func checkOwnership(_ connection: Connection, path: String) throws -> Int {
        let header = {
            (try connection.scalarInt("PRAGMA application_id"), try connection.scalarInt("PRAGMA user_version"),
             try connection.scalarInt("SELECT count(*) FROM sqlite_schema"))
        }
        let (applicationID, version, objects) = connection.isInTransaction
            ? try header() : try connection.transaction(immediate: false, header)
        if applicationID == 0 && version == 0 && objects == 0 { return 0 }
        guard applicationID == Int(Schema.applicationID) else { throw StoreError.foreignDatabase(path: path) }
        guard version <= Schema.currentVersion else {
            throw StoreError.newerSchema(path: path, found: version, supported: Schema.currentVersion)
        }
        return version
    }

    /// Reads the first row of every table, which touches each table's root page: a file whose header is intact but
    /// whose tables are wiped or overwritten is refused on opening, before anything writes to it, instead of
    /// failing half-way through a command or, worse, taking writes. One page per table, whatever the size.
    private static func checkTablesReadable(_ connection: Connection) throws {
        let tables = try connection.prepare(
            "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%' ORDER BY name"
        ).map { row -> String in row["name"] }
        for table in tables {
            let quoted = "\"" + table.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            _ = try connection.prepare("SELECT 1 FROM \(quoted) LIMIT 1").first { $0.int(0) }
        }
    }

    // MARK: - Creating and migrating

    /// Creates a complete database at `path`: built under a temporary name in the same folder, then hard-linked
    /// into place, which fails when another process linked its own first (then that one is used).
    private static func create(path: String, language: Language, sources: [Language: TermSource], workspace: String?) throws {
        let folder = (path as NSString).deletingLastPathComponent
        try createFolder(folder.isEmpty ? "." : folder)
        let name = (path as NSString).lastPathComponent
        let temporary = (folder.isEmpty ? "" : folder + "/") + ".\(name).new-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        defer {
            for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
        }
        do {
            let fresh = try Store(creatingAt: temporary, language: language, sources: sources)
            do {
                if let workspace { try fresh.record(workspace: workspace) }
                try fresh.close()
            } catch {
                try? fresh.close()
                throw error
            }
        } catch let error as SQLiteError {
            // The temporary name means nothing to the user; the database it was to become does.
            throw error.about(path)
        }
        if Glibc.link(temporary, path) != 0 && errno != EEXIST {
            // A file system without hard links: claim the file directly (the header check keeps racing commands safe).
            guard rename(temporary, path) == 0 || FileManager.default.fileExists(atPath: path) else {
                throw StoreError.cannotCreate(path: path, reason: SQLiteError.systemReason(errno))
            }
        }
    }

    /// The store behind `create`: a new file, migrated, in WAL mode.
    private init(creatingAt path: String, language: Language, sources: [Language: TermSource]) throws {
        self.path = path
        self.access = .create
        tokenizer = TokenizerContext(language: language, sources: sources)
        connection = try Connection(path: path, mode: .readWriteCreate)
        attachTicketPostingsWriter()
        do {
            try connection.registerTokenizer(tokenizer)
            try Store.registerFunctions(connection, documentColumn: documentColumn)
            // Before the first table: a file's page size is fixed once it holds one.
            try connection.execute("PRAGMA page_size = \(Store.pageBytes)")
            _ = try connection.scalarText("PRAGMA journal_mode = WAL")
            try migrate()
        } catch {
            try? connection.close()
            throw error
        }
    }

    private static func createFolder(_ folder: String) throws {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else {
                throw StoreError.cannotCreate(path: folder, reason: "a file of that name is in the way; move it away")
            }
            return
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        } catch {
            throw StoreError.cannotCreate(path: folder, reason: Diagnostic.fileSystemReason(error as NSError))
        }
    }

    /// Migrates an older database for a reader, through a connection that may write.
    private static func upgrade(path: String, language: Language, sources: [Language: TermSource]) throws {
        do {
            try Store(path: path, access: .write, language: language, termSources: sources).close()
        } catch let error as SQLiteError where [SQLITE_READONLY, SQLITE_CANTOPEN, SQLITE_PERM].contains(error.code) {
            throw StoreError.cannotUpgrade(path: path, supported: Schema.currentVersion)
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
                // Migrations 4 to 6 added the postings (4), their second block format (5) and the title keys (6), which
                // kb filled in from the stored tickets; since migration 7 analyses every ticket again and rebuilds all
                // three, a store from before it gets them from that one pass (a new store holds nothing to fill).
                if index + 1 == Schema.wholeTimesVersion && current > 0 {
                    try reindexAnalyzedText()
                }
                // Where migration 7 ran in this transaction the postings writer counted the totals as it reindexed (FTS5
                // writes its own only at the commit); otherwise they are FTS5's, committed before.
                if index + 1 == Schema.ticketTotalsVersion && current >= Schema.wholeTimesVersion {
                    try recordTicketIndexTotalsFromFullTextIndex()
                }
            }
            try connection.execute("PRAGMA application_id = \(Schema.applicationID)")
            try connection.execute("PRAGMA user_version = \(Schema.currentVersion)")
        }
        // Migration 3 rewrote the tickets compressed beside the old table, migration 7 every index among the old one's
        // freed pages, migration 9 dropped FTS5's ticket index (a quarter of the file): write the file again once, in
        // order, so its free pages are given back and each table's pages lie together (the 1M bench store searched
        // ≈ 15% slower migrated in place than imported anew, and faster than either once vacuumed). VACUUM cannot run
        // inside the migration's transaction; stopped half-way, it leaves the migrated file as it was.
        if version > 0 && version < Schema.postingsOnlyVersion {
            try connection.execute("VACUUM")
        }
    }

    // MARK: - Workspace

    /// Checks the database is this workspace's and, for a writer, records it when nothing (or a workspace that no
    /// longer uses this file: a moved or copied workspace) is recorded.
    private func claim(workspace: String, allowsSharing: Bool) throws {
        let recorded = try connection.cached("SELECT value FROM meta WHERE key = 'workspace'")
            .first { row -> String in row["value"] }
        guard recorded != workspace else { return }
        if let recorded, Store.usesSameFile(workspace: recorded, as: path) {
            guard allowsSharing else { throw StoreError.sharedDatabase(path: path, workspace: workspace, owner: recorded) }
            return
        }
        if access != .read { try write { try record(workspace: workspace) } }
    }

    private func record(workspace: String) throws {
        try connection.cached("INSERT OR REPLACE INTO meta(key, value) VALUES ('workspace', ?)").execute([workspace])
    }

    /// True when the workspace at `root` still exists and its database is the file at `path` (same device and inode).
    static func usesSameFile(workspace root: String, as path: String) -> Bool {
        var kb = stat(), own = stat(), theirs = stat()
        guard stat(root + "/kb", &kb) == 0, (kb.st_mode & S_IFMT) == S_IFDIR,
              stat(path, &own) == 0, stat(root + "/.kb/" + (path as NSString).lastPathComponent, &theirs) == 0 else {
            return false
        }
        return own.st_dev == theirs.st_dev && own.st_ino == theirs.st_ino
    }

    // MARK: - Functions and checks

    /// SQL functions the schema's views call.
    static func registerFunctions(_ connection: Connection, documentColumn: DocumentColumnState) throws {
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
                // Take the texts straight from the stored (canonical, already validated) document rather than
                // decoding a whole Ticket; search reads them the same way (`Store.indexedText`).
                let eventsText = (try? JSONParser().tape(buffer).withRoot { Store.eventsText(of: $0) }) ?? []
                guard !eventsText.isEmpty else { return sqlite3_result_text(context, "", 0, SQLITE_TRANSIENT) }
                eventsText.withUnsafeBufferPointer { text in
                    text.withMemoryRebound(to: CChar.self) { chars in
                        sqlite3_result_text(context, chars.baseAddress, Int32(chars.count), SQLITE_TRANSIENT)
                    }
                }
            }, nil, nil, nil)
        guard code == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: code) }
        try registerDocumentFunctions(connection, documentColumn: documentColumn)
    }

    /// The functions of the compressed ticket documents (schema version 3): `kb_unpack(packed)`, the JSON text that
    /// the virtual column `doc` reads; `kb_pack(doc)` and `kb_document_hash(doc)`, which the migration stores.
    ///
    /// `documentColumn` stays alive as long as the connection's function does (the function holds a reference).
    private static func registerDocumentFunctions(_ connection: Connection, documentColumn: DocumentColumnState) throws {
        // Pure functions of their argument: usable in a generated column and in the schema's view.
        let flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS
        let state = Unmanaged.passRetained(documentColumn).toOpaque()
        let unpack = sqlite3_create_function_v2(
            connection.handle, "kb_unpack", 1, flags, state,
            { context, _, arguments in
                guard let arguments, let value = arguments[0], sqlite3_value_type(value) == SQLITE_BLOB,
                      let state = sqlite3_user_data(context),
                      !Unmanaged<DocumentColumnState>.fromOpaque(state).takeUnretainedValue().isWritingRows else {
                    sqlite3_result_null(context)
                    return
                }
                let count = Int(sqlite3_value_bytes(value))
                let bytes = UnsafeBufferPointer(start: sqlite3_value_blob(value)?.assumingMemoryBound(to: UInt8.self), count: count)
                // SQLite computes this virtual column on every insert too: decompress straight into memory SQLite
                // takes over, without an array and a copy in between.
                do {
                    let length = try BlockCompressor.decompressedCount(bytes)
                    guard length > 0 else { return sqlite3_result_text(context, "", 0, SQLITE_TRANSIENT) }
                    guard let memory = sqlite3_malloc64(sqlite3_uint64(length)) else { return sqlite3_result_error_nomem(context) }
                    let output = UnsafeMutableBufferPointer(start: memory.assumingMemoryBound(to: UInt8.self), count: length)
                    do {
                        try BlockCompressor.decompress(bytes, into: output)
                    } catch {
                        sqlite3_free(memory)
                        throw error
                    }
                    sqlite3_result_text64(context, memory.assumingMemoryBound(to: CChar.self), sqlite3_uint64(length),
                                          { sqlite3_free($0) }, UInt8(SQLITE_UTF8))
                } catch {
                    sqlite3_result_error(context, "a stored ticket does not decompress: \(error)", -1)
                }
            }, nil, nil, { state in
                if let state { Unmanaged<DocumentColumnState>.fromOpaque(state).release() }
            })
        guard unpack == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: unpack) }
        let pack = sqlite3_create_function_v2(
            connection.handle, "kb_pack", 1, flags, nil,
            { context, _, arguments in
                guard let document = Store.textArgument(arguments) else { return sqlite3_result_null(context) }
                BlockCompressor.compress(document).withUnsafeBytes { raw in
                    sqlite3_result_blob64(context, raw.baseAddress, sqlite3_uint64(raw.count), SQLITE_TRANSIENT)
                }
            }, nil, nil, nil)
        guard pack == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: pack) }
        let hash = sqlite3_create_function_v2(
            connection.handle, "kb_document_hash", 1, flags, nil,
            { context, _, arguments in
                guard let document = Store.textArgument(arguments) else { return sqlite3_result_null(context) }
                sqlite3_result_int64(context, TicketRecord.storedHash(document))
            }, nil, nil, nil)
        guard hash == SQLITE_OK else { throw SQLiteError(connection: connection.handle, code: hash) }
    }

    /// The UTF-8 bytes of a one-argument function's text argument; nil for NULL.
    private static func textArgument(_ arguments: UnsafeMutablePointer<OpaquePointer?>?) -> UnsafeBufferPointer<UInt8>? {
        guard let arguments, let value = arguments[0], let text = sqlite3_value_text(value) else { return nil }
        return UnsafeBufferPointer(start: text, count: Int(sqlite3_value_bytes(value)))
    }

    /// `PRAGMA integrity_check`, throwing when it reports anything but ok.
    public func checkIntegrity() throws {
        let result = try connection.prepare("PRAGMA integrity_check").map { row -> String in row["integrity_check"] }
        guard result == ["ok"] else { throw StoreError.corrupted(path: path, detail: result.prefix(5).joined(separator: "; ")) }
    }
}

extension Ticket {
    /// The text of all events, one per line: what the full-text index holds for the timeline.
    public var eventsText: String {
        var text = ""
        // Sized once: import builds this for every ticket, and appending grew it several times over.
        text.reserveCapacity(events.reduce(0) { $0 + $1.text.utf8.count + 1 })
        for event in events where !event.text.isEmpty {
            if !text.isEmpty { text += "\n" }
            text += event.text
        }
        return text
    }
}
