/// The role a bearer token grants: read for agents (search, tickets, articles, metrics), write for imports
/// and the helpdesk webhook. A write token may also read.
public enum AccessRole: String, Sendable, Hashable, CaseIterable {
    case read
    case write

    /// Whether this role may call a route that requires `access`.
    public func permits(_ access: RouteAccess) -> Bool {
        self == .write || access.tokenRole == .read
    }
}
