import KBCore

/// `GET /entrar`, `POST /entrar`, `POST /salir`: signing a browser in to the pages of a server with tokens.
///
/// A browser cannot send a bearer token, so an agent pastes one into the sign-in form once. The token is checked in
/// constant time; a good one starts a server-side session (`SessionStore`) whose random id goes back in an
/// `HttpOnly; SameSite=Strict` cookie, and the browser goes on to the page it asked for. Both forms carry a CSRF
/// token, so another site can neither sign a browser in to its own session nor sign it out.
enum SignInPage {
    static let nextField = "next"

    @Sendable static func form(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters.union([nextField]))
            guard context.environment.sessions.isEnabled else { return .seeOther(safeNext(request.query[nextField], page: page)) }
            return try render(page, next: request.query[nextField], failed: false)
        }
    }

    @Sendable static func signIn(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters)
            let form = try request.formParameters()
            try context.environment.csrf.verify(request, form: form)
            let next = form[nextField]
            guard context.environment.sessions.isEnabled else { return .seeOther(safeNext(next, page: page)) }
            guard let session = context.environment.sessions.signIn(presented: form["token"] ?? "", now: context.now) else {
                return try render(page, next: next, failed: true)
            }
            var response = HTTPResponse.seeOther(safeNext(next, page: page))
            response.headers.add("Set-Cookie", SessionStore.cookie(id: session.id, secure: SessionStore.isSecure(request)))
            return response
        }
    }

    @Sendable static func signOut(_ request: HTTPRequest, _ context: RequestContext) throws -> HTTPResponse {
        try Page.answer(request, context) { page in
            try request.query.checkKnown(Page.commonParameters)
            try context.environment.csrf.verify(request, form: try request.formParameters())
            if let id = request.cookies[SessionStore.cookieName] { context.environment.sessions.signOut(sessionID: id) }
            var response = HTTPResponse.seeOther(page.link("/entrar"))
            response.headers.add("Set-Cookie", SessionStore.expiredCookie(secure: SessionStore.isSecure(request)))
            return response
        }
    }

    /// Where a browser without a session on a page goes: the sign-in form, which brings it back afterwards.
    static func redirect(for request: HTTPRequest) -> HTTPResponse {
        var query = QueryParameters()
        if let lang = request.query["lang"] { query.append("lang", lang) }
        query.append(nextField, request.method == .get || request.method == .head ? request.target : request.rawPath)
        return .seeOther("/entrar?" + query.encoded)
    }

    /// `next` when it is a path of this server (`/tickets/T-1?lang=en`), else the search page: the form never sends
    /// a browser to another site (`//evil.example`, `/\evil.example`, `https://…`).
    static func safeNext(_ next: String?, page: Page) -> String {
        let fallback = page.link("/buscar")
        guard let next, next.hasPrefix("/"), !next.hasPrefix("//"), !next.hasPrefix("/\\"),
              next.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "\\") }),
              (try? HTTPRequest(method: .get, target: next)) != nil
        else { return fallback }
        return next
    }

    private static func render(_ page: Page, next: String?, failed: Bool) throws -> HTTPResponse {
        var data = TemplateObject()
        data["action"] = .string(page.link("/entrar"))
        data["next"] = .string(next ?? "")
        data["failed"] = .bool(failed)
        return try page.render("signin", title: page.words["page.signin.title"], data: data, status: failed ? 401 : 200)
    }
}
