import Foundation
import KBCore

/// What every request of one server shares: the workspace, its policy, the store connections, the CSRF
/// secret and the clock. Immutable after start-up; crosses threads.
public final class ServerEnvironment: Sendable {
    public let workspace: Workspace
    /// What every request's knowledge base shares, built at start-up: the policy, the objects built from it, the templates.
    public let shared: KnowledgeBase.Shared
    /// The web pages' templates: the shared ones, with unchanged copies an older kb wrote replaced by this kb's.
    public let pageTemplates: PageTemplates
    /// `kb/policy.json` as read at start-up (restart the server after editing it, or a template).
    public var policy: Policy { shared.policy }
    public let stores: StoreAccess
    public let csrf: CSRFProtection
    /// The server's request counters, for `GET /metrics`.
    public let metrics: ServerMetrics
    /// The instant requests treat as now; tests fix it as the CLI's `KB_NOW` does.
    public let clock: @Sendable () -> Timestamp
    /// The Zendesk webhook's signing secret, when configured: the webhook then accepts signed bodies without a
    /// token, and refuses unsigned ones.
    public let zendeskSignature: ZendeskWebhookSignature?
    /// Names for Zendesk ids and custom fields (`kb serve --zendesk-mapping`), as `kb import --mapping` reads them.
    public let zendeskMapping: ZendeskImportMapping
    /// Browsers signed in to the pages with a token (the server's tokens; empty when it has none).
    public let sessions: SessionStore

    public init(workspace: Workspace, policy: Policy, stores: StoreAccess, csrf: CSRFProtection = .random(),
                metrics: ServerMetrics = ServerMetrics(), clock: @escaping @Sendable () -> Timestamp = { Timestamp(date: Date()) },
                zendeskSignature: ZendeskWebhookSignature? = nil, zendeskMapping: ZendeskImportMapping = ZendeskImportMapping(),
                sessions: SessionStore = SessionStore(tokens: AccessTokens())) {
        self.workspace = workspace
        self.shared = KnowledgeBase.Shared(workspace: workspace, policy: policy)
        self.pageTemplates = PageTemplates(shared: shared)
        self.stores = stores
        self.csrf = csrf
        self.metrics = metrics
        self.clock = clock
        self.zendeskSignature = zendeskSignature
        self.zendeskMapping = zendeskMapping
        self.sessions = sessions
    }

    /// Opens `workspace`: its policy and its database (created when missing).
    public static func open(_ workspace: Workspace, configuration: ServerConfiguration = ServerConfiguration(),
                            clock: @escaping @Sendable () -> Timestamp = { Timestamp(date: Date()) }) throws -> ServerEnvironment {
        let policy = try workspace.loadPolicy()
        let stores = try StoreAccess(workspace: workspace, language: policy.language, readerMemoryMapMiB: configuration.readerMemoryMapMiB)
        return ServerEnvironment(workspace: workspace, policy: policy, stores: stores, clock: clock,
                                 zendeskSignature: configuration.zendeskSigningSecret.map { ZendeskWebhookSignature(secret: $0) },
                                 zendeskMapping: configuration.zendeskMapping, sessions: SessionStore(tokens: configuration.tokens))
    }
}
