/// Who may call a route when the server has tokens: anyone (health checks), a read token, or a write token.
public enum RouteAccess: String, Sendable, Hashable {
    /// No token needed: `/healthz`, which load balancers probe.
    case open
    /// A read or write token: agents' searches, tickets, metrics.
    case read
    /// A write token: imports and the helpdesk webhook.
    case write
}
