import KBServer
import Testing

@Suite("Router and request parsing")
struct RoutingTests {
    private func router() -> Router {
        var router = Router()
        let ok: RouteHandler = { _, _ in .text("ok") }
        router.get("/api/tickets/{id}", ok)
        router.get("/api/tickets/search", ok)
        router.post("/api/tickets", ok)
        router.get("/api/reviews/{id}/{format}", ok)
        router.get("/", access: .open, ok)
        return router
    }

    private func resolve(_ method: HTTPMethod, _ target: String) throws -> Router.Resolution {
        let request = try HTTPRequest(method: method, target: target)
        return router().resolve(method, path: request.pathSegments)
    }

    @Test func parametersArePercentDecoded() throws {
        guard case let .matched(route, parameters) = try resolve(.get, "/api/tickets/T%203%2F%C3%A4") else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern.text == "/api/tickets/{id}")
        #expect(parameters == ["id": "T 3/ä"])
    }

    @Test func plusInAPathIsAPlus() throws {
        guard case let .matched(_, parameters) = try resolve(.get, "/api/tickets/a+b") else {
            Issue.record("no match")
            return
        }
        #expect(parameters["id"] == "a+b")
    }

    @Test func literalSegmentsBeatParameters() throws {
        guard case let .matched(route, parameters) = try resolve(.get, "/api/tickets/search") else {
            Issue.record("no match")
            return
        }
        #expect(route.pattern.text == "/api/tickets/search")
        #expect(parameters.isEmpty)
    }

    @Test func severalParameters() throws {
        guard case let .matched(_, parameters) = try resolve(.get, "/api/reviews/T-1/html?lang=en") else {
            Issue.record("no match")
            return
        }
        #expect(parameters == ["id": "T-1", "format": "html"])
    }

    @Test func headUsesGetRoutes() throws {
        guard case .matched = try resolve(.head, "/api/tickets/T-1") else {
            Issue.record("HEAD did not match the GET route")
            return
        }
    }

    @Test func otherMethodsOnAKnownPathAre405() throws {
        guard case let .methodNotAllowed(allowed) = try resolve(.delete, "/api/tickets") else {
            Issue.record("expected 405")
            return
        }
        #expect(allowed == [.post])
        guard case let .methodNotAllowed(getOnly) = try resolve(.post, "/api/tickets/T-1") else {
            Issue.record("expected 405")
            return
        }
        #expect(getOnly == [.get, .head])
    }

    @Test(arguments: ["/api/tickets/", "/api//tickets/T-1", "/api/tickets/T-1/", "/API/tickets/T-1", "/api"])
    func nearMissesAreNotFound(target: String) throws {
        guard case .notFound = try resolve(.get, target) else {
            Issue.record("\(target) matched")
            return
        }
    }

    @Test func rootPath() throws {
        guard case .matched = try resolve(.get, "/") else {
            Issue.record("/ did not match")
            return
        }
        guard case .matched = try resolve(.get, "/?lang=en") else {
            Issue.record("/?lang=en did not match")
            return
        }
    }

    @Test func queryKeepsRepeatedKeysInOrder() throws {
        let request = try HTTPRequest(method: .get, target: "/search?q=contrase%C3%B1a+caducada&service=portal&service=correo&empty&=x&flag=")
        #expect(request.query["q"] == "contraseña caducada")
        #expect(request.query.values("service") == ["portal", "correo"])
        #expect(request.query["empty"] == "")
        #expect(request.query["flag"] == "")
        #expect(request.query[""] == "x")
        #expect(request.query.keys == ["q", "service", "empty", "", "flag"])
        #expect(request.query.encoded == "q=contrase%C3%B1a+caducada&service=portal&service=correo&empty=&=x&flag=")
    }

    @Test func absoluteFormTargetsAreAccepted() throws {
        let request = try HTTPRequest(method: .get, target: "http://127.0.0.1:8080/api/tickets/T-1?lang=en")
        #expect(request.pathSegments == ["api", "tickets", "T-1"])
        #expect(request.query["lang"] == "en")
    }

    @Test(arguments: [
        "/..", "/../etc/passwd", "/a/../b", "/%2e%2e/x", "/%2E%2e/x", "/a/.", "/x/..%2f..%2fetc", "/x/%2e%2e%2f", "/x/..%5c..%5cwin",
        "/x/a%2f..%2fb",
    ])
    func dotSegmentsAreNotFound(target: String) {
        #expect(throws: Problem.notFound()) { try HTTPRequest(method: .get, target: target) }
    }

    @Test(arguments: ["/x/%", "/x/%4", "/x/%zz", "/x/%c3%28", "/x/%00", "/x/a%0ab", "x/relative", "*"])
    func malformedTargetsAreBadRequests(target: String) {
        #expect { try HTTPRequest(method: .get, target: target) } throws: { ($0 as? Problem)?.status == 400 }
    }

    @Test func dotsInsideNamesAreFine() throws {
        let request = try HTTPRequest(method: .get, target: "/api/articles/v2.3..final")
        #expect(request.pathSegments == ["api", "articles", "v2.3..final"])
    }

    @Test func cookiesAreParsed() throws {
        let request = try HTTPRequest(method: .get, target: "/", headers: ["Cookie": "a=1; kb_csrf=\"xyz\" ; b=2; a=3"])
        #expect(request.cookies == ["a": "1", "kb_csrf": "xyz", "b": "2"])
    }

    @Test func formBodiesNeedTheirContentType() throws {
        let form = try HTTPRequest(method: .post, target: "/f", headers: ["Content-Type": "application/x-www-form-urlencoded; charset=utf-8"],
                                   body: Array("title=No+carga&tags=a&tags=b".utf8))
        let fields = try form.formParameters()
        #expect(fields["title"] == "No carga")
        #expect(fields.values("tags") == ["a", "b"])
        let json = try HTTPRequest(method: .post, target: "/f", headers: ["Content-Type": "application/json"], body: Array("{}".utf8))
        #expect { try json.formParameters() } throws: { ($0 as? Problem)?.status == 415 }
    }

    @Test func percentEncodingRoundTrips() {
        for text in ["T-1", "T 3/ä", "a+b&c=d?", "contraseña", "👩‍💻", "100%"] {
            #expect(PercentEncoding.decode(Substring(PercentEncoding.encodePathSegment(text))) == text)
            #expect(PercentEncoding.decode(Substring(PercentEncoding.encodeQueryComponent(text)), plusAsSpace: true) == text)
        }
    }
}
