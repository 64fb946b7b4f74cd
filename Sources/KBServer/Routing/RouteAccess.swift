/// Who may call a route when the server has tokens: anyone (health checks), a read token, or a write token.
public enum RouteAccess: String, Sendable, Hashable {
    /// No token needed: `/healthz`, which load balancers probe.
    case open
    /// A read or write token: agents' searches, tickets, metrics.
    case read
    /// A write token: imports.
    case write
    /// A write token, or no token and the helpdesk's signature of the body (`ZendeskWebhookSignature`, checked by
    /// the handler once the body is in) when the server has a signing secret: the helpdesk webhook.
    case signedWebhook = "webhook"

    /// The role a token needs on such a route.
    public var tokenRole: AccessRole {
        switch self {
        case .open, .read: .read
        case .write, .signedWebhook: .write
        }
    }
}
