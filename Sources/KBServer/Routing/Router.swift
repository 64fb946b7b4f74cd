/// The routing table: typed routes matched on method and decoded path segments.
public struct Router: Sendable {
    public private(set) var routes: [Route] = []

    public init() {}

    /// What a request resolves to.
    public enum Resolution: Sendable {
        case matched(Route, parameters: [String: String])
        /// The path exists with other methods (405 with `Allow`).
        case methodNotAllowed([HTTPMethod])
        case notFound
    }

    /// Adds a route; the same method and pattern twice is a programming error.
    public mutating func add(_ route: Route) {
        precondition(!routes.contains { $0.method == route.method && $0.pattern.segments == route.pattern.segments },
                     "route \(route.method) \(route.pattern) registered twice")
        routes.append(route)
    }

    public mutating func get(_ pattern: String, access: RouteAccess = .read, _ handler: @escaping RouteHandler) {
        add(Route(.get, pattern, access: access, handler: handler))
    }

    public mutating func post(_ pattern: String, access: RouteAccess = .write, _ handler: @escaping RouteHandler) {
        add(Route(.post, pattern, access: access, handler: handler))
    }

    /// A web page (`Route.isPage`): signed-in browsers reach it with their session cookie.
    public mutating func page(_ method: HTTPMethod, _ pattern: String, access: RouteAccess = .read, _ handler: @escaping RouteHandler) {
        add(Route(method, pattern, access: access, isPage: true, handler: handler))
    }

    /// The most specific route for `method` and `path`; `HEAD` is answered by the `GET` route.
    public func resolve(_ method: HTTPMethod, path: [String]) -> Resolution {
        var best: (route: Route, parameters: [String: String])?
        var allowed: Set<HTTPMethod> = []
        for route in routes {
            guard let parameters = route.pattern.match(path) else { continue }
            allowed.insert(route.method)
            if route.method == .get { allowed.insert(.head) }
            guard route.method == method || (method == .head && route.method == .get) else { continue }
            if best == nil || route.pattern.isMoreSpecific(than: best!.route.pattern) {
                best = (route, parameters)
            }
        }
        if let best { return .matched(best.route, parameters: best.parameters) }
        if allowed.isEmpty { return .notFound }
        return .methodNotAllowed(allowed.sorted { $0.rawValue < $1.rawValue })
    }
}
