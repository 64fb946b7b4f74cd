import Foundation
import KBCore

/// `kb serve` for one workspace: its environment (policy, store connections) and the HTTP server with kb's
/// routes. What `ServeCommand` and the tests start and stop.
public final class WorkspaceServer: Sendable {
    public let environment: ServerEnvironment
    public let server: HTTPServer

    /// Opens the workspace's store (creating it when missing) and prepares the server; nothing listens yet.
    public init(workspace: Workspace, configuration: ServerConfiguration, router: Router = KBRoutes.router(),
                clock: @escaping @Sendable () -> Timestamp = { Timestamp(date: Date()) },
                log: @escaping @Sendable (String) -> Void) throws {
        try configuration.validate()
        environment = try ServerEnvironment.open(workspace, configuration: configuration, clock: clock)
        let application = ServerApplication(router: router, environment: environment, tokens: configuration.tokens,
                                            maximumBodyBytes: configuration.maximumBodyBytes, log: log)
        server = HTTPServer(configuration: configuration, application: application)
    }

    /// Starts listening; on failure the store is closed again.
    public func start() throws {
        do {
            try server.start()
        } catch {
            try? environment.stores.close()
            throw error
        }
    }

    public var port: UInt16 { server.port }

    /// Graceful stop: in-flight requests finish, then every database connection is closed.
    public func shutdown() throws {
        server.shutdown()
        try environment.stores.close()
    }
}
