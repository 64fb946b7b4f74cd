import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

/// Every documented path and method, with good and bad input, answers with a documented status and body.
@Suite("the JSON API answers as docs/openapi.yaml says")
struct OpenAPIBodyTests {
    static let json = [("Content-Type", "application/json")]

    @Test func everyDocumentedOperationAnswersAsDocumented() throws {
        let spec = try OpenAPITests.specification()
        let fixture = try ServerFixture()
        let newTicket = TicketFixtures.line(id: "T-9", title: "Llamadas entrantes se cortan", severity: 2, status: "new")
        let webhook = #"{"type":"zen:event-type:ticket.created","time":"2026-11-01T11:59:00Z","detail":{"id":"4242","subject":"No carga el login del portal","description":"Pantalla en blanco","status":"NEW","priority":"HIGH","created_at":"2026-11-01T11:58:00Z"}}"#
        let requests: [(String, String, String?, Int)] = [
            ("GET", "/api/search?q=login+portal", nil, 200),
            ("GET", "/api/search?q=login&type=article&service=portal&limit=5", nil, 200),
            ("GET", "/api/search?q=correo&severity=2&status=in_progress&since=2026-01-01&until=2026-12-31&mode=all", nil, 200),
            ("GET", "/api/search?q=login&include_archived=true&customer=Acme", nil, 200),
            ("GET", "/api/search", nil, 422),
            ("GET", "/api/search?q=login&severity=9", nil, 422),
            ("GET", "/api/search?q=login&colour=red", nil, 422),
            ("GET", "/api/search?q=login&service=nada", nil, 422),
            ("GET", "/api/search?q=de+la", nil, 422),
            ("POST", "/api/suggest", #"{"title":"No carga el login del portal","description":"pantalla en blanco","customer":"Acme"}"#, 200),
            ("POST", "/api/suggest?lang=es", #"{"title":"No puedo acceder al portal","service":"portal"}"#, 200),
            ("POST", "/api/suggest?lang=fr", #"{"title":"login"}"#, 422),
            ("POST", "/api/suggest", #"{"description":"sin título"}"#, 422),
            ("POST", "/api/suggest", #"{"title":1}"#, 422),
            ("POST", "/api/suggest", #"{"title":"#, 400),
            ("GET", "/api/sla", nil, 200),
            ("GET", "/api/sla?all=true&severity=2&now=2026-03-02T10:00:00-03:00", nil, 200),
            ("GET", "/api/sla?customer=Nadie", nil, 422),
            ("GET", "/api/sla?since=2027-01-01", nil, 422),
            ("GET", "/api/reviews/T-1?format=md&force=true", nil, 200),
            ("GET", "/api/reviews/T-1?format=html&force=true&audience=customer&lang=en", nil, 200),
            ("GET", "/api/reviews/T-1?format=json&force=true", nil, 200),
            ("GET", "/api/reviews/T-1?format=md", nil, 409),
            ("GET", "/api/reviews/T-404?format=md", nil, 404),
            ("GET", "/api/reviews/T-1?format=pdf", nil, 422),
            ("POST", "/api/tickets", newTicket, 200),
            ("POST", "/api/tickets", "[" + newTicket + "," + TicketFixtures.line(id: "T-10") + "]", 200),
            ("POST", "/api/tickets", #"[{"id":"T-11","title":"x"}]"#, 422),
            ("POST", "/api/tickets", "[]", 400),
            ("POST", "/api/webhooks/zendesk", webhook, 201),
            ("POST", "/api/webhooks/zendesk", webhook, 200),
            ("POST", "/api/webhooks/zendesk", #"{"type":"zen:event-type:user.created","detail":{}}"#, 422),
        ]
        var called: Set<String> = []
        for (method, target, body, status) in requests {
            let response = try fixture.client.request(method, target, headers: body == nil ? [] : Self.json,
                                                      body: Array((body ?? "").utf8))
            #expect(response.status == status, "\(method) \(target): \(response.text.prefix(300))")
            try OpenAPITests.check(response, method: method, target: target, spec: spec)
            called.insert(Self.operation(method, target))
        }
        // The pages, health, metrics and reads by id; forms posted with their CSRF cookie and field.
        let form = try fixture.client.request("GET", "/nuevo-ticket")
        let cookie = try #require(form.header("Set-Cookie")?.split(separator: ";").first.map(String.init))
        let token = try #require(form.text.firstMatch(of: /name="csrf_token" value="([^"]+)"/)?.1)
        let pages: [(String, String, String?, Int)] = [
            ("GET", "/healthz", nil, 200), ("GET", "/metrics", nil, 200), ("GET", "/api/tickets/T-1", nil, 200),
            ("GET", "/api/articles/KB-0007", nil, 200), ("GET", "/", nil, 200), ("GET", "/buscar?q=login", nil, 200),
            ("GET", "/nuevo-ticket", nil, 200), ("POST", "/nuevo-ticket", "title=No+carga+el+login", 200),
            ("GET", "/tickets/T-1", nil, 200), ("GET", "/articulos/KB-0007", nil, 200), ("GET", "/sla", nil, 200),
            ("GET", "/revisiones/T-1?force=true", nil, 200), ("GET", "/guia", nil, 200), ("GET", "/entrar?next=%2Fsla", nil, 303),
            ("POST", "/entrar", "token=x&next=%2Fsla", 303), ("POST", "/salir", "", 303),
        ]
        for (method, target, body, status) in pages {
            let headers = body == nil ? [("Cookie", cookie)] : [("Content-Type", "application/x-www-form-urlencoded"), ("Cookie", cookie)]
            let response = try fixture.client.request(method, target, headers: headers,
                                                      body: body.map { Array(("csrf_token=\(token)&" + $0).utf8) } ?? [])
            #expect(response.status == status, "\(method) \(target): \(response.text.prefix(300))")
            try OpenAPITests.check(response, method: method, target: target, spec: spec)
            called.insert(Self.operation(method, target))
        }
        var documented: Set<String> = []
        for (path, item) in spec["paths"]?.objectValue ?? [] {
            for method in OpenAPITests.methods where item[method] != nil { documented.insert("\(method.uppercased()) \(path)") }
        }
        #expect(documented.subtracting(called).isEmpty, "documented but never called: \(documented.subtracting(called).sorted())")
        let unsupported = try fixture.client.request("POST", "/api/suggest", headers: [("Content-Type", "text/plain")], body: Array("x".utf8))
        #expect(unsupported.status == 415)
        try OpenAPITests.check(unsupported, method: "POST", target: "/api/suggest", spec: spec)
        let negotiated = try fixture.client.request("GET", "/api/reviews/T-1?force=true", headers: [("Accept", "text/markdown")])
        #expect(negotiated.status == 200)
        #expect(negotiated.header("Content-Type")?.hasPrefix("text/markdown") == true)
        let unacceptable = try fixture.client.request("GET", "/api/reviews/T-1?force=true", headers: [("Accept", "image/png")])
        #expect(unacceptable.status == 406)
        try OpenAPITests.check(unacceptable, method: "GET", target: "/api/reviews/T-1", spec: spec)
    }

    /// `METHOD /pattern` of the route a request reaches.
    static func operation(_ method: String, _ target: String) -> String {
        guard let request = try? HTTPRequest(method: HTTPMethod(rawValue: method), target: target),
              case let .matched(route, _) = KBRoutes.router().resolve(request.method, path: request.pathSegments)
        else { return "\(method) unmatched" }
        return "\(method) \(route.pattern.text)"
    }

    @Test func aBatchWithAnyInvalidTicketWritesNothingAndNamesEachField() throws {
        let fixture = try ServerFixture()
        let body = "[" + TicketFixtures.line(id: "T-20") + #",{"id":"T-21","title":"x","description":"","severity":7,"status":"new","created_at":"2026-03-02T09:14:00-03:00"},"#
            + TicketFixtures.line(id: "T-20") + "]"
        let response = try fixture.client.request("POST", "/api/tickets", headers: Self.json, body: Array(body.utf8))
        #expect(response.status == 422)
        let problem = try JSONParser().parse(response.text)
        let fields = problem["errors"]?.arrayValue?.compactMap { $0["field"]?.stringValue }
        #expect(fields == ["[1].severity", "[2].id"])
        #expect(problem["field"]?.stringValue == "[1].severity")
        #expect(try fixture.client.request("GET", "/api/tickets/T-20").status == 404)
        let written = try fixture.client.request("POST", "/api/tickets", headers: Self.json, body: Array(TicketFixtures.line(id: "T-20").utf8))
        #expect(try JSONParser().parse(written.text)["inserted"] == .number(1))
        let again = try fixture.client.request("POST", "/api/tickets", headers: Self.json, body: Array(TicketFixtures.line(id: "T-20").utf8))
        #expect(try JSONParser().parse(again.text)["unchanged"] == .number(1))
        #expect(try fixture.client.request("GET", "/api/tickets/T-20").status == 200)
    }

    @Test func writesNeedAWriteTokenAndTheWebhookAcceptsZendesksSignature() throws {
        let secret = "zendesk-signing-secret"
        let fixture = try ServerFixture(configure: {
            $0.tokens = AccessTokens([AccessToken(role: .read, token: "read-token-0123456789", name: "agents"),
                                      AccessToken(role: .write, token: "write-token-0123456789", name: "helpdesk")])
            $0.zendeskSigningSecret = secret
        })
        let ticket = Array(TicketFixtures.line(id: "T-30").utf8)
        let read = Self.json + [("Authorization", "Bearer read-token-0123456789")]
        let write = Self.json + [("Authorization", "Bearer write-token-0123456789")]
        #expect(try fixture.client.request("POST", "/api/tickets", headers: read, body: ticket).status == 403)
        #expect(try fixture.client.request("POST", "/api/tickets", headers: Self.json, body: ticket).status == 401)
        #expect(try fixture.client.request("POST", "/api/tickets", headers: write, body: ticket).status == 200)
        #expect(try fixture.client.request("POST", "/api/suggest", headers: read, body: Array(#"{"title":"login"}"#.utf8)).status == 200)

        let body = Array(#"{"ticket":{"id":77,"subject":"Correo rebota","description":"error 550","status":"open","priority":"normal","created_at":"2026-11-01T11:00:00Z"}}"#.utf8)
        let stamp = "2026-11-01T11:59:30Z"
        let signature = ZendeskWebhookSignature(secret: secret).signature(body: body, timestamp: stamp)
        let signed = Self.json + [(ZendeskWebhookSignature.signatureHeader, signature), (ZendeskWebhookSignature.timestampHeader, stamp)]
        let accepted = try fixture.client.request("POST", "/api/webhooks/zendesk?lang=en", headers: signed, body: body)
        #expect(accepted.status == 201, "\(accepted.text)")
        let answer = try JSONParser().parse(accepted.text)
        #expect(answer["ticket"]?.stringValue == "zd:77")
        #expect(answer["note"]?.stringValue?.hasPrefix("kb suggestions for this ticket") == true)
        let forged = Self.json + [(ZendeskWebhookSignature.signatureHeader, signature), (ZendeskWebhookSignature.timestampHeader, "2026-11-01T11:59:31Z")]
        #expect(try fixture.client.request("POST", "/api/webhooks/zendesk", headers: forged, body: body).status == 401)
        #expect(try fixture.client.request("POST", "/api/webhooks/zendesk", headers: Self.json, body: body).status == 401)
        #expect(try fixture.client.request("POST", "/api/webhooks/zendesk", headers: read, body: body).status == 403)
        let viaToken = try fixture.client.request("POST", "/api/webhooks/zendesk", headers: write, body: body)
        #expect(viaToken.status == 200)
        #expect(try JSONParser().parse(viaToken.text)["outcome"]?.stringValue == "unchanged")
    }
}
