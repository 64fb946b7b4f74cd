import Foundation
import KBCore

/// What every request of one server shares: the workspace, its policy, the store connections, the CSRF
/// secret and the clock. Immutable after start-up; crosses threads.
public final class ServerEnvironment: Sendable {
    public let workspace: Workspace
    /// `kb/policy.json` as read at start-up (restart the server after editing it).
    public let policy: Policy
    public let stores: StoreAccess
    public let csrf: CSRFProtection
    /// The server's request counters, for `GET /metrics`.
    public let metrics: ServerMetrics
    /// The instant requests treat as now; tests fix it as the CLI's `KB_NOW` does.
    public let clock: @Sendable () -> Timestamp

    public init(workspace: Workspace, policy: Policy, stores: StoreAccess, csrf: CSRFProtection = .random(),
                metrics: ServerMetrics = ServerMetrics(), clock: @escaping @Sendable () -> Timestamp = { Timestamp(date: Date()) }) {
        self.workspace = workspace
        self.policy = policy
        self.stores = stores
        self.csrf = csrf
        self.metrics = metrics
        self.clock = clock
    }

    /// Opens `workspace`: its policy and its database (created when missing).
    public static func open(_ workspace: Workspace, clock: @escaping @Sendable () -> Timestamp = { Timestamp(date: Date()) }) throws -> ServerEnvironment {
        let policy = try workspace.loadPolicy()
        let stores = try StoreAccess(workspace: workspace, language: policy.language)
        return ServerEnvironment(workspace: workspace, policy: policy, stores: stores, clock: clock)
    }
}
