import KBCore

/// One read connection to the store, used by one worker thread at a time and holding a request's snapshot.
///
/// Not `Sendable`: `StoreAccess` hands it to one request at a time, under its lock, and it never leaves that
/// request's thread until it is checked back in.
public final class ReaderConnection {
    public let store: Store
    private var cache: [ObjectIdentifier: AnyObject] = [:]
    private var dataVersion = -1
    private(set) var inSnapshot = false

    init(store: Store) {
        self.store = store
    }

    /// An object built once per connection from its store (a `SearchEngine`, a `KnowledgeBase`) and reused by
    /// later requests on it, rebuilt when another connection has committed changes since (SQLite's
    /// `PRAGMA data_version`): an import never leaves a request with stale term statistics.
    public func cached<T: AnyObject>(_ type: T.Type = T.self, _ make: (Store) throws -> T) rethrows -> T {
        let key = ObjectIdentifier(type)
        if let object = cache[key] as? T { return object }
        let object = try make(store)
        cache[key] = object
        return object
    }

    /// Starts the read transaction every read of the request shares. `BEGIN` alone takes no snapshot, so a
    /// first read of the schema page pins it now rather than at the handler's first query.
    func beginSnapshot() throws {
        precondition(!inSnapshot, "a reader is already in a snapshot")
        // A store opened for reading starts in the snapshot it took when it opened; later requests begin their own.
        try store.beginReadSnapshot()
        do {
            let version = try store.dataVersion()
            if version != dataVersion {
                cache.removeAll()
                dataVersion = version
            }
        } catch {
            store.endReadSnapshot()
            throw error
        }
        inSnapshot = true
    }

    /// Drops the cached objects (which may hold the connection's statements) and closes the connection.
    func close() throws {
        cache.removeAll()
        try store.close()
    }

    /// Ends the snapshot (a read transaction has nothing to commit, so ROLLBACK also drops any temporary state).
    func endSnapshot() {
        guard inSnapshot else { return }
        inSnapshot = false
        store.endReadSnapshot()
    }
}
