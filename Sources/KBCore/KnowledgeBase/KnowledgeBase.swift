import Foundation

/// A workspace opened for the commands and the HTTP server: the one entry point both call.
///
/// Each capability takes a typed request and returns a typed result (`search(_:)`, `review(_:)`, `training(_:)`…);
/// the results are `JSONEncodable`, so the CLI's `--json` and the API answer the same bytes. The policy, the
/// database, the search engine and the templates are loaded the first time a capability needs them and kept for
/// the next call.
///
/// A knowledge base holds one SQLite connection and is not `Sendable`: use it from one thread at a time. The CLI
/// opens its own connection (`init(workspace:clock:)`), which closes when the knowledge base is released or
/// `close()`d; a `Store` or `SearchEngine` taken from it is valid until then. The server lends it one it already
/// holds (`init(workspace:store:policy:clock:)`), the reader of a worker thread inside a request's snapshot, and
/// keeps it open. Requests and results are `Sendable` values.
public final class KnowledgeBase {
    public let workspace: Workspace
    /// The instant capabilities measure at when a request names none.
    public let clock: @Sendable () -> Timestamp
    /// Receives a short text while long work runs (mining, a period's reviews); nil shows nothing.
    public var progress: ((String) -> Void)?

    private var loadedShared: Shared?
    private var openedStore: Store?
    /// A connection lent by the caller (the server's), used as it is and never closed here.
    private let lentStore: Store?
    private var loadedBuilder: QueryBuilder?
    private var loadedEngine: SearchEngine?
    private var loadedIgnoredTerms: Set<String>?

    /// The system clock.
    public static let systemClock: @Sendable () -> Timestamp = { Timestamp(date: Date()) }

    /// A knowledge base over `workspace`; nothing is read until a capability needs it.
    public init(workspace: Workspace, clock: @escaping @Sendable () -> Timestamp = KnowledgeBase.systemClock) {
        self.workspace = workspace
        self.clock = clock
        self.lentStore = nil
    }

    /// A knowledge base over a store the caller already opened and keeps (a server's read connection, whose
    /// snapshot the caller begins and ends per request, or its writer). Every capability reads `store`; one that
    /// needs more access than `store` has is a programming error. `shared` holds the policy, the objects built from
    /// it and the templates, built once for the workspace (nil: read `kb/policy.json` on first use). The store stays
    /// open when the knowledge base is released.
    public init(workspace: Workspace, store: Store, shared: Shared? = nil,
                clock: @escaping @Sendable () -> Timestamp = KnowledgeBase.systemClock) {
        self.workspace = workspace
        self.clock = clock
        self.lentStore = store
        self.loadedShared = shared
    }

    /// A knowledge base over `store` whose policy is `policy` (read by the caller).
    public convenience init(workspace: Workspace, store: Store, policy: Policy,
                            clock: @escaping @Sendable () -> Timestamp = KnowledgeBase.systemClock) {
        self.init(workspace: workspace, store: store, shared: Shared(workspace: workspace, policy: policy), clock: clock)
    }

    /// The knowledge base of the workspace at `root` (`--root`, `KB_ROOT`) or, without one, the first folder
    /// upwards from `start` that holds `kb/`.
    public convenience init(root: String?, start: URL, clock: @escaping @Sendable () -> Timestamp = KnowledgeBase.systemClock) throws {
        self.init(workspace: try Workspace.locate(explicit: root, start: start), clock: clock)
    }

    deinit {
        close()
    }

    /// Closes the database (a lent one stays open); a later capability opens it again.
    public func close() {
        loadedEngine = nil
        loadedBuilder = nil
        loadedIgnoredTerms = nil
        try? openedStore?.close()
        openedStore = nil
    }

    /// The clock's current instant.
    public var now: Timestamp { clock() }

    /// `kb/policy.json` over the defaults, read once.
    public func policy() throws -> Policy {
        try shared().policy
    }

    /// The workspace's shared objects (policy, severity classifier, analyzer, templates): the ones given at init, else
    /// built on first use.
    public func shared() throws -> Shared {
        if let loadedShared { return loadedShared }
        let shared = Shared(workspace: workspace, policy: try workspace.loadPolicy())
        loadedShared = shared
        return shared
    }

    /// The database, opened on first use for `access`: `.read` holds one snapshot until `close()` (every read
    /// of a capability sees one state of the store) and writes nothing, so a read-only workspace is usable;
    /// `.write` and `.create` reopen a read store for writing. Without `.create`, a missing one is
    /// `StoreError.missing`.
    public func store(_ access: Store.Access = .read) throws -> Store {
        if let lentStore {
            precondition(Self.permits(lentStore.access, access), "a knowledge base over a lent \(lentStore.access) store cannot \(access)")
            return lentStore
        }
        if let openedStore, Self.permits(openedStore.access, access) { return openedStore }
        close()
        let store = try workspace.openStore(access, language: try policy().language)
        openedStore = store
        return store
    }

    /// Whether a store opened for `opened` serves a capability that needs `needed`.
    private static func permits(_ opened: Store.Access, _ needed: Store.Access) -> Bool {
        switch (opened, needed) {
        case (.create, _), (.write, .read), (.write, .write), (.read, .read): true
        default: false
        }
    }

    /// The database for reading, or nil when the workspace has none yet.
    public func existingStore() throws -> Store? {
        do {
            return try store()
        } catch StoreError.missing {
            return nil
        }
    }

    /// The query builder: the store's analyzer and `kb/synonyms.txt`.
    public func queryBuilder() throws -> QueryBuilder {
        if let loadedBuilder { return loadedBuilder }
        let builder = try workspace.queryBuilder(for: try store())
        loadedBuilder = builder
        return builder
    }

    /// The search engine over the store.
    public func searchEngine() throws -> SearchEngine {
        if let loadedEngine { return loadedEngine }
        let engine = try SearchEngine(store: try store(), builder: try queryBuilder())
        loadedEngine = engine
        return engine
    }

    /// The terms of the words suggestions never choose (`MoreLikeThis.ignoredTerms`), as `builder` analyses them: made
    /// once per knowledge base (the server keeps one per read connection), not once per suggestion.
    func ignoredTerms(_ builder: QueryBuilder) -> Set<String> {
        if let loadedIgnoredTerms { return loadedIgnoredTerms }
        let terms = MoreLikeThis.ignoredTerms(builder)
        loadedIgnoredTerms = terms
        return terms
    }

    /// The templates with the words of `language`: the workspace's `templates/` over the built-in ones.
    public func templates(_ language: Language) throws -> TemplateSet {
        try shared().templates(language)
    }

    /// `language`, or the policy's when nil.
    func language(_ language: Language?) throws -> Language {
        try language ?? policy().language
    }

    /// Shows `text` through `progress`, when set.
    func showProgress(_ text: String) {
        progress?(text)
    }
}
