import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

@Suite("Security: exposure, tokens, CSRF")
struct ServerSecurityTests {
    static let readToken = "read-token-0123456789abcdef"
    static let writeToken = "write-token-0123456789abcdef"

    private func fixture() throws -> ServerFixture {
        try ServerFixture(configure: {
            $0.tokens = AccessTokens([
                AccessToken(role: .read, token: Self.readToken, name: "agents"),
                AccessToken(role: .write, token: Self.writeToken, name: "helpdesk"),
            ])
        }, routes: {
            TestRoutes.addEcho(to: &$0)
            TestRoutes.addForm(to: &$0)
        })
    }

    @Test(arguments: ["0.0.0.0", "::", "192.0.2.10", "10.1.2.3"])
    func refusesANonLoopbackAddressWithoutTokens(host: String) throws {
        let directory = try TemporaryDirectory()
        try directory.makeWorkspace()
        var configuration = ServerConfiguration()
        configuration.host = host
        configuration.port = 0
        #expect(throws: ServerError.tokensRequired(host: host)) {
            _ = try WorkspaceServer(workspace: Workspace(root: directory.url), configuration: configuration, log: { _ in })
        }
        #expect(ServerError.tokensRequired(host: host).description.contains("--tokens"))
        // Nothing was created: the refusal comes before the store is opened.
        #expect(!FileManager.default.fileExists(atPath: directory.url.appendingPathComponent(".kb/kb.sqlite").path))
    }

    @Test(arguments: ["127.0.0.1", "127.8.9.1", "::1", "localhost"])
    func loopbackNeedsNoTokens(host: String) throws {
        var configuration = ServerConfiguration()
        configuration.host = host
        #expect(configuration.isLoopback)
        try configuration.validate()
    }

    @Test func invalidHostIsAClearError() {
        var configuration = ServerConfiguration()
        configuration.host = "example.com"
        #expect(throws: ServerError.invalidHost("example.com")) { try configuration.validate() }
    }

    @Test func readTokenCannotCallAWriteRoute() throws {
        let fixture = try fixture()
        let response = try fixture.client.request("POST", "/test/echo", headers: [("Authorization", "Bearer \(Self.readToken)")], body: Array("x".utf8))
        #expect(response.status == 403)
        let problem = try JSONParser().parse(response.text)
        #expect(problem["field"]?.stringValue == "Authorization")
        #expect(problem["detail"]?.stringValue?.contains("token write") == true)
        let english = try fixture.client.request("POST", "/test/echo?lang=en", headers: [("Authorization", "Bearer \(Self.readToken)")],
                                                 body: Array("x".utf8))
        #expect(try JSONParser().parse(english.text)["detail"]?.stringValue?.contains("write token") == true)
        let allowed = try fixture.client.request("POST", "/test/echo", headers: [("Authorization", "Bearer \(Self.writeToken)")], body: Array("x".utf8))
        #expect(allowed.status == 200)
    }

    @Test func readTokenReadsAndWriteTokenReadsToo() throws {
        let fixture = try fixture()
        for token in [Self.readToken, Self.writeToken] {
            let response = try fixture.client.request("GET", "/api/tickets/T-1", headers: [("Authorization", "Bearer \(token)")])
            #expect(response.status == 200)
        }
    }

    @Test(arguments: [nil, "Bearer wrong-token-0123456789abcdef", "Basic dXNlcjpwYXNz", "Bearer", "bearer " + ServerSecurityTests.readToken + "x"])
    func missingOrWrongTokensGet401(authorization: String?) throws {
        let fixture = try fixture()
        let headers = authorization.map { [("Authorization", $0)] } ?? []
        let response = try fixture.client.request("GET", "/api/tickets/T-1", headers: headers)
        #expect(response.status == 401)
        #expect(response.header("WWW-Authenticate")?.hasPrefix("Bearer realm=\"kb\"") == true)
        #expect(!response.text.contains("T-1\""))
    }

    @Test func schemeIsCaseInsensitive() throws {
        let fixture = try fixture()
        let response = try fixture.client.request("GET", "/api/tickets/T-1", headers: [("Authorization", "bearer \(Self.readToken)")])
        #expect(response.status == 200)
    }

    @Test func healthzIsOpenAndMetricsNeedAToken() throws {
        let fixture = try fixture()
        #expect(try fixture.client.request("GET", "/healthz").status == 200)
        #expect(try fixture.client.request("GET", "/metrics").status == 401)
        #expect(try fixture.client.request("GET", "/metrics", headers: [("Authorization", "Bearer \(Self.readToken)")]).status == 200)
    }

    @Test func unauthorisedBodiesAreNeverRead() throws {
        let fixture = try fixture()
        // A huge announced body without a token: 401 from the head alone, not 413 after reading.
        var raw = "POST /test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Length: 100000000\r\n\r\n"
        raw += "partial"
        let response = try fixture.client.exchange(raw: Array(raw.utf8))
        #expect(response.status == 401)
    }

    @Test func logNamesTheTokenHolderNeverTheToken() throws {
        let fixture = try fixture()
        _ = try fixture.client.request("GET", "/api/tickets/T-1", headers: [("Authorization", "Bearer \(Self.readToken)")])
        try fixture.stop()
        let lines = fixture.log.all
        #expect(lines.contains { $0.hasPrefix("127.0.0.1 - agents [") })
        #expect(!lines.contains { $0.contains(Self.readToken) })
    }

    @Test func csrfTokenRoundTripsAndForgeriesAreRefused() throws {
        let fixture = try fixture()
        let auth = ("Authorization", "Bearer \(Self.readToken)")
        let page = try fixture.client.request("GET", "/test/form", headers: [auth])
        let setCookie = try #require(page.header("Set-Cookie"))
        #expect(setCookie.contains("SameSite=Strict"))
        #expect(setCookie.contains("HttpOnly"))
        let cookie = String(setCookie.split(separator: ";")[0])
        let field = try #require(page.text.range(of: #"value="[A-Za-z0-9_-]+""#, options: .regularExpression).map { String(page.text[$0].dropFirst(7).dropLast()) })
        let form = ("Content-Type", "application/x-www-form-urlencoded")
        let body = Array("csrf_token=\(field)&q=portal".utf8)

        let accepted = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", cookie)], body: body)
        #expect(accepted.status == 303)
        let sameOrigin = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", cookie), ("Origin", "http://127.0.0.1:\(fixture.server.port)"), ("Sec-Fetch-Site", "same-origin")], body: body)
        #expect(sameOrigin.status == 303)

        let noCookie = try fixture.client.request("POST", "/test/form", headers: [auth, form], body: body)
        #expect(noCookie.status == 403)
        let otherCookie = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", "kb_csrf=AAAAAAAAAAAAAAAAAAAAAA")], body: body)
        #expect(otherCookie.status == 403)
        let noField = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", cookie)], body: Array("q=portal".utf8))
        #expect(noField.status == 403)
        #expect(try JSONParser().parse(noField.text)["field"]?.stringValue == "csrf_token")
        let crossSite = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", cookie), ("Sec-Fetch-Site", "cross-site")], body: body)
        #expect(crossSite.status == 403)
        let otherOrigin = try fixture.client.request("POST", "/test/form", headers: [auth, form, ("Cookie", cookie), ("Origin", "http://evil.example")], body: body)
        #expect(otherOrigin.status == 403)

        // A page requested with the cookie reuses it, so several open tabs keep working.
        let again = try fixture.client.request("GET", "/test/form", headers: [auth, ("Cookie", cookie)])
        #expect(again.header("Set-Cookie") == nil)
        #expect(again.text.contains(field))
    }
}
