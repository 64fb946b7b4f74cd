/// What a handler is: it reads the request and the context (its snapshot of the store, the workspace, the
/// caller's role) and returns a response or throws (a `Problem`, or any error, answered as a 500).
///
/// Handlers run on libmicrohttpd's worker threads, several at once: they must not touch shared mutable
/// state except through `RequestContext`.
public typealias RouteHandler = @Sendable (HTTPRequest, RequestContext) throws -> HTTPResponse

/// One route: method, path pattern, who may call it, whether a browser reads it, and its handler.
public struct Route: Sendable {
    public let method: HTTPMethod
    public let pattern: RoutePattern
    public let access: RouteAccess
    /// A web page: on a server with tokens it takes the sign-in session's cookie (a browser cannot send a bearer
    /// token), and sends a browser without one to the sign-in page. The API only takes bearer tokens.
    public let isPage: Bool
    public let handler: RouteHandler

    public init(_ method: HTTPMethod, _ pattern: String, access: RouteAccess, isPage: Bool = false,
                handler: @escaping RouteHandler) {
        self.method = method
        self.pattern = RoutePattern(pattern)
        self.access = access
        self.isPage = isPage
        self.handler = handler
    }
}
