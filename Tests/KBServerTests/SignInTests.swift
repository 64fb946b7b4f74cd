import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// Pages on a server with tokens: a browser signs in once with a token and keeps a server-side session in a cookie;
/// the JSON API keeps bearer tokens.
@Suite("signing in to the pages")
struct SignInTests {
    static let readToken = "read-token-0123456789abcdef"
    static let writeToken = "write-token-0123456789abcdef"
    static let form = [("Content-Type", "application/x-www-form-urlencoded")]

    static func fixture() throws -> ServerFixture {
        try ServerFixture(configure: {
            $0.tokens = AccessTokens([AccessToken(role: .read, token: readToken, name: "agents"),
                                      AccessToken(role: .write, token: writeToken, name: "helpdesk")])
        })
    }

    /// The sign-in form's CSRF cookie and field value.
    static func csrf(_ client: RawHTTPClient, lang: String = "") throws -> (cookie: String, token: String) {
        let page = try client.request("GET", "/entrar" + lang)
        #expect(page.status == 200)
        let cookie = try #require(page.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(page.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        return (cookie, String(token))
    }

    /// Signs in with `token`; returns the answer and the session cookie (`kb_session=…`) when one was set.
    static func signIn(_ client: RawHTTPClient, token: String, next: String = "/tickets/T-1") throws
        -> (response: RawHTTPClient.Response, session: String?, csrf: (cookie: String, token: String))
    {
        let csrf = try csrf(client)
        let body = "csrf_token=\(csrf.token)&next=\(next.queryEncoded)&token=\(token.queryEncoded)"
        let response = try client.request("POST", "/entrar", headers: form + [("Cookie", csrf.cookie)], body: Array(body.utf8))
        let session = response.headers("Set-Cookie").first { $0.hasPrefix(SessionStore.cookieName + "=") }
            .flatMap { $0.split(separator: ";").first.map(String.init) }
        return (response, session, csrf)
    }

    @Test func aPageWithoutASessionSendsTheBrowserToSignIn() throws {
        let fixture = try Self.fixture()
        let page = try fixture.client.request("GET", "/tickets/T-1?lang=en")
        #expect(page.status == 303)
        #expect(page.header("Location") == "/entrar?lang=en&next=%2Ftickets%2FT-1%3Flang%3Den")
        #expect(try fixture.client.request("GET", "/buscar").status == 303)
        // A browser's session does not open the API, and the API's answer is still a 401 problem.
        #expect(try fixture.client.request("GET", "/api/tickets/T-1").status == 401)
        // A bearer token still works on pages (a proxy that adds it).
        let proxied = try fixture.client.request("GET", "/tickets/T-1", headers: [("Authorization", "Bearer " + Self.readToken)])
        #expect(proxied.status == 200)
    }

    @Test func aWrongTokenIsA401PageAndStartsNoSession() throws {
        let fixture = try Self.fixture()
        let wrong = try Self.signIn(fixture.client, token: "not-a-token-of-this-server")
        #expect(wrong.response.status == 401)
        #expect(wrong.response.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(wrong.response.text.contains("role=\"alert\"") && wrong.response.text.contains("type=\"password\""))
        #expect(wrong.session == nil)
        #expect(fixture.server.environment.sessions.count == 0)
        // The sign-in form needs its CSRF token: another site cannot sign a browser in to its own session.
        let forged = try fixture.client.request("POST", "/entrar", headers: Self.form,
                                                body: Array("token=\(Self.readToken)&next=%2F".utf8))
        #expect(forged.status == 403)
    }

    @Test func theSessionCookieIsHttpOnlyStrictAndHoldsNoToken() throws {
        let fixture = try Self.fixture()
        let signedIn = try Self.signIn(fixture.client, token: Self.readToken)
        #expect(signedIn.response.status == 303)
        #expect(signedIn.response.header("Location") == "/tickets/T-1")
        let setCookie = try #require(signedIn.response.headers("Set-Cookie").first { $0.hasPrefix("kb_session=") })
        let attributes = Set(setCookie.split(separator: ";").dropFirst().map { $0.trimmingCharacters(in: .whitespaces) })
        #expect(attributes.isSuperset(of: ["HttpOnly", "SameSite=Strict", "Path=/", "Max-Age=\(SessionStore.lifetimeSeconds)"]))
        #expect(!attributes.contains("Secure"), "plain HTTP: a Secure cookie would never come back")
        let session = try #require(signedIn.session)
        #expect(!session.contains(Self.readToken) && session.count == "kb_session=".count + 43)
        // Behind an HTTPS proxy the cookie is Secure.
        let csrf = try Self.csrf(fixture.client)
        let secure = try fixture.client.request(
            "POST", "/entrar", headers: Self.form + [("Cookie", csrf.cookie), ("X-Forwarded-Proto", "https")],
            body: Array("csrf_token=\(csrf.token)&token=\(Self.readToken)".utf8))
        #expect(secure.headers("Set-Cookie").contains { $0.hasPrefix("kb_session=") && $0.hasSuffix("; Secure") })
        #expect(secure.header("Location") == "/buscar", "no next: the search page")
    }

    @Test func aReadSessionReadsPagesButCannotImport() throws {
        let fixture = try Self.fixture()
        let signedIn = try Self.signIn(fixture.client, token: Self.readToken)
        let session = try #require(signedIn.session)
        let cookies = session + "; " + signedIn.csrf.cookie
        let page = try fixture.client.request("GET", "/tickets/T-1", headers: [("Cookie", cookies)])
        #expect(page.status == 200)
        #expect(page.text.contains("action=\"/salir\""), "a signed-in page offers to sign out")
        // The new-ticket form works with the session and its CSRF token.
        let token = try #require(page.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let intake = try fixture.client.request("POST", "/nuevo-ticket", headers: Self.form + [("Cookie", cookies)],
                                                body: Array("csrf_token=\(token)&title=No+carga+el+login".utf8))
        #expect(intake.status == 200)
        // Imports are the API's, which takes bearer tokens only: the session cookie is no credential there.
        let ticket = Array(TicketFixtures.line(id: "T-77").utf8)
        let imported = try fixture.client.request("POST", "/api/tickets", headers: [("Content-Type", "application/json"), ("Cookie", cookies)],
                                                  body: ticket)
        #expect(imported.status == 401)
        #expect(try fixture.client.request("GET", "/api/tickets/T-77", headers: [("Authorization", "Bearer " + Self.readToken)]).status == 404)
        #expect(fixture.log.all.contains { $0.contains("\"GET /tickets/T-1 HTTP/1.1\" 200") && $0.contains(" agents ") },
                "the request log names the session's token")
    }

    @Test func signingOutEndsTheSessionOnTheServer() throws {
        let fixture = try Self.fixture()
        let signedIn = try Self.signIn(fixture.client, token: Self.writeToken)
        let session = try #require(signedIn.session)
        let cookies = session + "; " + signedIn.csrf.cookie
        #expect(try fixture.client.request("GET", "/sla", headers: [("Cookie", cookies)]).status == 200)
        let noToken = try fixture.client.request("POST", "/salir", headers: Self.form + [("Cookie", cookies)], body: [])
        #expect(noToken.status == 403, "signing out needs the CSRF token too")
        let out = try fixture.client.request("POST", "/salir", headers: Self.form + [("Cookie", cookies)],
                                             body: Array("csrf_token=\(signedIn.csrf.token)".utf8))
        #expect(out.status == 303 && out.header("Location") == "/entrar")
        #expect(out.headers("Set-Cookie").contains { $0.hasPrefix("kb_session=;") && $0.contains("Max-Age=0") })
        // The old cookie, replayed, is no session any more.
        #expect(try fixture.client.request("GET", "/sla", headers: [("Cookie", cookies)]).status == 303)
    }

    @Test(arguments: ["//evil.example/x", "/\\evil.example", "https://evil.example/", "javascript:alert(1)", "/ok/../x"])
    func signInNeverSendsTheBrowserElsewhere(next: String) throws {
        let fixture = try Self.fixture()
        let signedIn = try Self.signIn(fixture.client, token: Self.readToken, next: next)
        #expect(signedIn.response.status == 303)
        #expect(signedIn.response.header("Location") == "/buscar")
    }

    @Test func sessionsExpire() {
        let store = SessionStore(tokens: AccessTokens([AccessToken(role: .read, token: Self.readToken)]))
        let start = Timestamp(seconds: 1_000_000)
        let id = store.signIn(presented: Self.readToken, now: start)?.id ?? ""
        #expect(store.signIn(presented: "wrong-token-0123456789", now: start)?.id == nil)
        #expect(store.caller(sessionID: id, now: Timestamp(seconds: start.seconds + SessionStore.lifetimeSeconds - 1))?.role == .read)
        #expect(store.caller(sessionID: id, now: Timestamp(seconds: start.seconds + SessionStore.lifetimeSeconds)) == nil)
        #expect(store.caller(sessionID: "x", now: start) == nil)
    }

    @Test func withoutTokensTheSignInPageSendsTheBrowserOn() throws {
        let fixture = try ServerFixture()
        let page = try fixture.client.request("GET", "/entrar?next=%2Fsla")
        #expect(page.status == 303 && page.header("Location") == "/sla")
        #expect(try fixture.client.request("GET", "/sla").status == 200)
    }
}
