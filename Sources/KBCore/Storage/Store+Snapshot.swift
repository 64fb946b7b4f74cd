extension Store {
    /// Starts a read snapshot on a reader the server keeps between requests, unless one is already open (a store
    /// opened for reading starts in the snapshot it took when it opened); reading the schema makes SQLite take
    /// the snapshot now rather than at the first query of the request.
    public func beginReadSnapshot() throws {
        guard !connection.isInTransaction else { return }
        try connection.execute("BEGIN DEFERRED")
        do {
            _ = try connection.scalarInt("SELECT count(*) FROM sqlite_schema WHERE type = 'table'")
        } catch {
            endReadSnapshot()
            throw error
        }
    }

    /// Ends the read snapshot, if one is open; a read transaction has nothing to keep, so this cannot lose data.
    public func endReadSnapshot() {
        if connection.isInTransaction { try? connection.execute("ROLLBACK") }
    }

    /// SQLite's data version: it changes when another connection commits, so a reader knows its caches are stale.
    public func dataVersion() throws -> Int {
        try connection.scalarInt("PRAGMA data_version")
    }

    /// Number of indexed articles.
    public func articleCount() throws -> Int {
        try connection.scalarInt("SELECT count(*) FROM articles")
    }
}
