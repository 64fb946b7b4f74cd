import Foundation
import KBCore

/// kb's side of every exchange: routing, authentication, running the handler in its snapshot, problem
/// answers, security headers, the request log and the metrics. `HTTPServer` moves the bytes.
///
/// Crosses threads: immutable after init; its parts (`ServerMetrics`, `StoreAccess`) lock for themselves.
public final class ServerApplication: Sendable {
    public let router: Router
    public let environment: ServerEnvironment
    public let tokens: AccessTokens
    public let maximumBodyBytes: Int
    /// Receives each log line (request log and errors), from any thread.
    let log: @Sendable (String) -> Void

    public init(router: Router, environment: ServerEnvironment, tokens: AccessTokens, maximumBodyBytes: Int,
                log: @escaping @Sendable (String) -> Void) {
        self.router = router
        self.environment = environment
        self.tokens = tokens
        self.maximumBodyBytes = maximumBodyBytes
        self.log = log
    }

    /// The request line and headers, before any body.
    struct Head {
        let method: HTTPMethod
        let target: String
        let version: String
        let headers: HTTPHeaders
        let remoteAddress: String
    }

    /// A request routed and authorised, waiting for its body.
    struct Admitted {
        var request: HTTPRequest
        let route: Route
        let caller: AccessToken?
    }

    /// What to do once the head is in.
    enum Decision {
        /// Answer now, without reading the body: unknown route, missing token, body announced too large.
        case answer(HTTPResponse, route: String, user: String?)
        case readBody(Admitted)
    }

    /// Routes and authorises a request from its head alone, so an unauthorised client cannot make the
    /// server read (and buffer) its body.
    func admit(_ head: Head) -> Decision {
        var route = "unmatched"
        var user: String?
        do {
            var request = try HTTPRequest(method: head.method, target: head.target, version: head.version,
                                          headers: head.headers, remoteAddress: head.remoteAddress)
            switch router.resolve(head.method, path: request.pathSegments) {
            case .notFound:
                throw Problem.notFound()
            case let .methodNotAllowed(allowed):
                throw Problem.methodNotAllowed(head.method, allowed: allowed)
            case let .matched(matched, parameters):
                route = matched.pattern.text
                request.pathParameters = parameters
                let caller: AccessToken?
                if matched.isPage, matched.access != .open, !tokens.isEmpty, request.headers["Authorization"] == nil {
                    // A browser: its sign-in session, else the sign-in page, which brings it back here.
                    guard let token = sessionCaller(request) else {
                        return .answer(finished(SignInPage.redirect(for: request)), route: route, user: nil)
                    }
                    guard token.role.permits(matched.access) else {
                        throw Problem.forbidden("this page needs a \(matched.access.tokenRole.rawValue) token; '\(token.name)' is a \(token.role.rawValue) token")
                    }
                    caller = token
                } else {
                    caller = try authenticate(request, access: matched.access)
                }
                user = caller?.name
                if let length = head.headers["Content-Length"].flatMap({ Int($0.trimmingSpaces) }), length > maximumBodyBytes {
                    throw Problem.contentTooLarge(limit: maximumBodyBytes)
                }
                return .readBody(Admitted(request: request, route: matched, caller: caller))
            }
        } catch {
            return .answer(finished(.problem(Problem(error: error))), route: route, user: user)
        }
    }

    /// The token a live sign-in session of the request's cookie stands for.
    private func sessionCaller(_ request: HTTPRequest) -> AccessToken? {
        request.cookies[SessionStore.cookieName].flatMap { environment.sessions.caller(sessionID: $0, now: environment.clock()) }
    }

    /// The token a route needs, checked: nil when the route is open or the server has no tokens (it then
    /// listens on loopback only).
    private func authenticate(_ request: HTTPRequest, access: RouteAccess) throws(Problem) -> AccessToken? {
        guard access != .open, !tokens.isEmpty else { return nil }
        let header = request.headers["Authorization"]
        // Without a token, the webhook's handler checks the helpdesk's signature of the body.
        if header == nil, access == .signedWebhook, environment.zendeskSignature != nil { return nil }
        guard let header else {
            throw Problem.unauthorized("this route needs a bearer token: send 'Authorization: Bearer TOKEN'")
        }
        guard let presented = AccessTokens.bearer(in: header), let token = tokens.authenticate(presented) else {
            throw Problem.unauthorized("the bearer token is not one of the server's tokens", invalidToken: true)
        }
        guard token.role.permits(access) else {
            throw Problem.forbidden("this route needs a \(access.tokenRole.rawValue) token; '\(token.name)' is a \(token.role.rawValue) token",
                                    field: "Authorization")
        }
        return token
    }

    /// Runs the handler with the whole body; every error becomes a problem answer.
    func respond(_ admitted: Admitted, body: [UInt8]) -> HTTPResponse {
        var request = admitted.request
        request.body = body
        let context = RequestContext(environment: environment, caller: admitted.caller)
        defer { context.finish() }
        do {
            return finished(try admitted.route.handler(request, context))
        } catch {
            let problem = Problem(error: error)
            if problem.status >= 500 {
                log("kb serve: error: \(request.method) \(admitted.route.pattern.text): \(error)")
            }
            return finished(.problem(problem))
        }
    }

    /// The answer to a body over the limit.
    func bodyTooLarge() -> HTTPResponse {
        finished(.problem(Problem.contentTooLarge(limit: maximumBodyBytes)))
    }

    private func finished(_ response: HTTPResponse) -> HTTPResponse {
        var response = response
        SecurityHeaders.apply(to: &response.headers)
        return response
    }

    func requestStarted() {
        environment.metrics.requestStarted()
    }

    /// Logs and counts a finished exchange.
    func completed(_ record: RequestRecord) {
        environment.metrics.record(record)
        log(CombinedLogFormat.line(record))
    }
}
