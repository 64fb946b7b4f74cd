import KBCore

/// One finished exchange, as the request log and the metrics see it.
public struct RequestRecord: Sendable {
    public var remoteAddress: String
    /// The token's name, or nil (`-` in the log) when none was presented or needed.
    public var user: String?
    public var startedAt: Timestamp
    /// `GET`, or nil when the request line never reached kb (libmicrohttpd refused it).
    public var method: String?
    public var target: String
    public var version: String?
    /// 0 when no response was sent (the client left, the connection timed out).
    public var status: Int
    public var bodyBytes: Int
    public var referer: String?
    public var userAgent: String?
    public var durationSeconds: Double
    /// The route pattern (`/api/tickets/{id}`), `unmatched`, or `-` when the request never reached the router.
    public var route: String
    /// Why the exchange ended without a normal completion (`timeout`, `client_abort`…), nil when it completed.
    public var abortReason: String?

    public init(remoteAddress: String, user: String?, startedAt: Timestamp, method: String?, target: String, version: String?,
                status: Int, bodyBytes: Int, referer: String?, userAgent: String?, durationSeconds: Double, route: String,
                abortReason: String?) {
        self.remoteAddress = remoteAddress
        self.user = user
        self.startedAt = startedAt
        self.method = method
        self.target = target
        self.version = version
        self.status = status
        self.bodyBytes = bodyBytes
        self.referer = referer
        self.userAgent = userAgent
        self.durationSeconds = durationSeconds
        self.route = route
        self.abortReason = abortReason
    }
}
