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
        /// The language of a problem answer (`LanguagePreference.problemLanguage`).
        let language: Language
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
        // Until the target parses, only the header can choose the language.
        let workspaceLanguage = environment.policy.language
        var language = LanguagePreference.fromAcceptLanguage(head.headers["Accept-Language"]) ?? workspaceLanguage
        var parsed: HTTPRequest?
        do {
            var request = try HTTPRequest(method: head.method, target: head.target, version: head.version,
                                          headers: head.headers, remoteAddress: head.remoteAddress)
            parsed = request
            language = LanguagePreference.problemLanguage(request, default: workspaceLanguage)
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
                        throw Problem.forbidden("problem.page_role", ["needed": matched.access.tokenRole.rawValue, "name": token.name,
                                                                       "role": token.role.rawValue])
                    }
                    caller = token
                } else {
                    caller = try authenticate(request, access: matched.access)
                }
                user = caller?.name
                // Every route takes `lang`; a page says a bad one on its error page, an API route as a 422.
                if !matched.isPage { _ = try LanguagePreference.resolve(request) }
                if let length = head.headers["Content-Length"].flatMap({ Int($0.trimmingSpaces) }), length > maximumBodyBytes {
                    throw Problem.contentTooLarge(limit: maximumBodyBytes)
                }
                return .readBody(Admitted(request: request, route: matched, caller: caller, language: language))
            }
        } catch {
            let problem = Problem(error: error)
            if let parsed, let page = errorPage(problem, for: parsed) {
                return .answer(finished(page), route: route, user: user)
            }
            return .answer(finished(.problem(problem, language: language)), route: route, user: user)
        }
    }

    /// The error page for a browser that asked for a page kb does not have (or may not show): a GET that prefers HTML to
    /// JSON, or any request to a page route (`isPage`). Nil for everything else, which gets problem+json.
    private func errorPage(_ problem: Problem, for request: HTTPRequest, isPage: Bool = false) -> HTTPResponse? {
        guard isPage || request.method == .get || request.method == .head,
              isPage || MediaType.negotiate(accept: request.headers["Accept"], offered: ["application/json", "text/html"]) == "text/html"
        else { return nil }
        let context = RequestContext(environment: environment, caller: nil)
        defer { context.finish() }
        return try? Page.answer(request, context) { _ in throw problem }
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
            throw Problem.unauthorized("problem.token_missing")
        }
        guard let presented = AccessTokens.bearer(in: header), let token = tokens.authenticate(presented) else {
            throw Problem.unauthorized("problem.token_unknown", invalidToken: true)
        }
        guard token.role.permits(access) else {
            throw Problem.forbidden("problem.route_role", ["needed": access.tokenRole.rawValue, "name": token.name, "role": token.role.rawValue],
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
            return finished(.problem(problem, language: admitted.language))
        }
    }

    /// The answer to a request no worker ran: 503 with `Retry-After`, in the request's language.
    func refused(_ refusal: RequestQueue.Refusal, for admitted: Admitted) -> HTTPResponse {
        let problem: Problem
        switch refusal {
        case let .waitedTooLong(seconds):
            environment.metrics.refusedForWaiting()
            problem = Problem(status: 503, slug: "unavailable",
                              message: Problem.Message("problem.busy", ["milliseconds": String(Int((seconds * 1000).rounded()))]),
                              headers: ["Retry-After": "5"])
        case .shuttingDown:
            problem = .unavailable("problem.shutting_down")
        }
        // A browser waiting for a page gets the error page (with the same status and headers).
        if var page = errorPage(problem, for: admitted.request, isPage: admitted.route.isPage) {
            for (name, value) in problem.headers { page.headers.set(name, value) }
            return finished(page)
        }
        return finished(.problem(problem, language: admitted.language))
    }

    /// The answer to a body over the limit, in `language`.
    func bodyTooLarge(language: Language) -> HTTPResponse {
        finished(.problem(Problem.contentTooLarge(limit: maximumBodyBytes), language: language))
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
