import KBCore

/// What a handler reaches besides its request: the shared environment, who is calling, and the store.
///
/// Every read of one request goes through one snapshot: the first `read` or `reader()` lends the request a
/// read connection and begins a read transaction; later calls reuse it; the server ends it when the
/// handler returns. Writes go to the one writer (`write`) and are visible to requests that start after
/// they commit, not to this request's snapshot if it was taken before.
///
/// Lives on the worker thread running the request; never share it with another thread.
public final class RequestContext {
    public let environment: ServerEnvironment
    /// The token that authenticated the request; nil on a route open to all or a server without tokens.
    public let caller: AccessToken?
    /// Now, read once per request so every part of an answer agrees on it.
    public let now: Timestamp
    private var reader: ReaderConnection?

    init(environment: ServerEnvironment, caller: AccessToken?) {
        self.environment = environment
        self.caller = caller
        self.now = environment.clock()
    }

    public var workspace: Workspace { environment.workspace }
    public var policy: Policy { environment.policy }

    /// The request's read connection, its snapshot begun on first use.
    public func snapshot() throws -> ReaderConnection {
        if let reader { return reader }
        let lent = try environment.stores.checkOut()
        reader = lent
        return lent
    }

    /// Runs `body` with the request's snapshot of the store.
    public func read<T>(_ body: (Store) throws -> T) throws -> T {
        try body(snapshot().store)
    }

    /// Runs `body` with the writer connection, serialised with every other writing request.
    public func write<T>(_ body: (Store) throws -> T) throws -> T {
        try environment.stores.write(body)
    }

    /// The knowledge base over the request's snapshot: the entry point the CLI calls too, built once per read
    /// connection (with its search engine) and rebuilt after another connection commits; the policy, its objects and
    /// the templates are the environment's, built once for every connection.
    public func knowledgeBase() throws -> KnowledgeBase {
        let environment = self.environment
        return try snapshot().cached(KnowledgeBase.self) { store in
            KnowledgeBase(workspace: environment.workspace, store: store, shared: environment.shared, clock: environment.clock)
        }
    }

    /// Runs `body` with a knowledge base over the writer connection, serialised with every other writing request.
    public func writingKnowledgeBase<T>(_ body: (KnowledgeBase) throws -> T) throws -> T {
        let environment = self.environment
        return try write { store in
            try body(KnowledgeBase(workspace: environment.workspace, store: store, shared: environment.shared,
                                   clock: environment.clock))
        }
    }

    /// Ends the snapshot, if one was taken, and returns the connection to the pool.
    func finish() {
        if let reader {
            environment.stores.checkIn(reader)
            self.reader = nil
        }
    }
}
