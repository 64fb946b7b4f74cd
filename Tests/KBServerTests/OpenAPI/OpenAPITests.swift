import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

@Suite("docs/openapi.yaml describes the server")
struct OpenAPITests {
    static func specification() throws -> JSONValue {
        let url = SharedTestData.packageRoot.appendingPathComponent("docs/openapi.yaml")
        return try YAMLSubset.parse(String(contentsOf: url, encoding: .utf8))
    }

    static let methods = ["get", "post", "put", "patch", "delete"]

    @Test func specificationParsesAndEveryReferenceResolves() throws {
        let spec = try Self.specification()
        #expect(spec["openapi"]?.stringValue == "3.1.0")
        #expect(spec["components"]?["securitySchemes"]?["bearerAuth"]?["scheme"]?.stringValue == "bearer")
        let validator = SchemaValidator(document: spec)
        var references: [String] = []
        func walk(_ node: JSONValue) {
            switch node {
            case let .object(members):
                for (key, value) in members {
                    if key == "$ref", let reference = value.stringValue { references.append(reference) }
                    walk(value)
                }
            case let .array(items):
                items.forEach(walk)
            default:
                break
            }
        }
        walk(spec)
        #expect(references.count > 20)
        for reference in references {
            #expect(validator.resolve(reference) != nil, "\(reference)")
        }
        // Every schema uses only keywords the validator checks.
        for (name, schema) in spec["components"]?["schemas"]?.objectValue ?? [] {
            let problems = validator.errors(.null, schema: schema).filter { $0.contains("unsupported") }
            #expect(problems.isEmpty, "\(name): \(problems)")
        }
    }

    @Test func everyRouteIsDocumentedAndEveryDocumentedRouteExists() throws {
        let spec = try Self.specification()
        var documented: Set<String> = []
        for (path, item) in spec["paths"]?.objectValue ?? [] {
            for method in Self.methods where item[method] != nil { documented.insert("\(method.uppercased()) \(path)") }
        }
        let served = Set(KBRoutes.router().routes.map { "\($0.method.rawValue) \($0.pattern.text)" })
        #expect(served == documented)
    }

    @Test func operationsDeclareTheirSecurity() throws {
        let spec = try Self.specification()
        let router = KBRoutes.router()
        for route in router.routes {
            let operation = try #require(spec["paths"]?[route.pattern.text]?[route.method.rawValue.lowercased()])
            let open = operation["security"]?.arrayValue?.isEmpty == true
            #expect(open == (route.access == .open), "\(route.method) \(route.pattern)")
            if route.access != .open {
                #expect(Self.response(spec, operation, status: 401) != nil, "\(route.pattern) documents 401")
            }
        }
    }

    /// The documented response for `status` (a `$ref` followed).
    static func response(_ spec: JSONValue, _ operation: JSONValue, status: Int) -> JSONValue? {
        guard let node = operation["responses"]?[String(status)] else { return nil }
        return SchemaValidator(document: spec).dereferenced(node)
    }

    /// Checks one live answer against the operation the router resolves it to.
    static func check(_ response: RawHTTPClient.Response, method: String, target: String, spec: JSONValue) throws {
        let validator = SchemaValidator(document: spec)
        var documented: JSONValue?
        let request: HTTPRequest
        do {
            request = try HTTPRequest(method: HTTPMethod(rawValue: method), target: target)
        } catch {
            // A target no route can see (a bad escape, a dot segment) is answered before routing.
            let name = error.status == 400 ? "BadRequest" : "NotFound"
            #expect(response.status == error.status)
            try checkBody(response, documented: try #require(validator.resolve("#/components/responses/\(name)")), method: method,
                          target: target, validator: validator)
            return
        }
        switch KBRoutes.router().resolve(request.method, path: request.pathSegments) {
        case let .matched(route, _):
            let operation = try #require(spec["paths"]?[route.pattern.text]?[method.lowercased()], "\(method) \(route.pattern)")
            documented = Self.response(spec, operation, status: response.status)
            #expect(documented != nil, "\(method) \(target): status \(response.status) is not documented")
        case .methodNotAllowed:
            documented = validator.resolve("#/components/responses/MethodNotAllowed")
        case .notFound:
            documented = validator.resolve("#/components/responses/NotFound")
        }
        guard let documented else { return }
        try checkBody(response, documented: documented, method: method, target: target, validator: validator)
    }

    static func checkBody(_ response: RawHTTPClient.Response, documented: JSONValue, method: String, target: String,
                          validator: SchemaValidator) throws {
        for (header, _) in documented["headers"]?.objectValue ?? [] {
            #expect(response.header(header) != nil, "\(method) \(target): documented header \(header) missing")
        }
        // A redirect documents its Location and no body.
        if documented["content"] == nil {
            #expect(response.body.isEmpty, "\(method) \(target) \(response.status): a body where none is documented")
            return
        }
        let contentType = try #require(response.header("Content-Type"), "\(target) has no Content-Type")
        let essence = MediaType.essence(of: contentType)
        let media = try #require(documented["content"]?[essence], "\(method) \(target): \(essence) is not documented for \(response.status)")
        let schema = try #require(media["schema"])
        let body: JSONValue
        if essence.hasSuffix("json") {
            body = try JSONParser().parse(response.text)
        } else {
            body = .string(response.text)
        }
        let errors = validator.errors(body, schema: schema)
        #expect(errors.isEmpty, "\(method) \(target) \(response.status): \(errors)")
    }

    @Test func answersMatchTheirDocumentedSchemas() throws {
        let spec = try Self.specification()
        let fixture = try ServerFixture()
        let requests: [(String, String, Int)] = [
            ("GET", "/healthz", 200),
            ("GET", "/metrics", 200),
            ("GET", "/api/tickets/T-1", 200),
            ("GET", "/api/tickets/T-2", 200),
            ("GET", "/api/tickets/T%203%2F%C3%A4", 200),
            ("GET", "/api/tickets/T-2?now=2026-03-02T10:00:00-03:00", 200),
            ("GET", "/api/tickets/T-404", 404),
            ("GET", "/api/tickets/%zz", 400),
            ("GET", "/api/tickets/T-1?now=ayer", 422),
            ("GET", "/api/articles/KB-0007", 200),
            ("GET", "/api/articles/KB-404", 404),
            ("POST", "/api/tickets/T-1", 405),
            ("GET", "/nothing/here", 404),
        ]
        for (method, target, status) in requests {
            let response = try fixture.client.request(method, target)
            #expect(response.status == status, "\(method) \(target)")
            try Self.check(response, method: method, target: target, spec: spec)
        }
    }

    @Test func authenticationAnswersMatchTheSpec() throws {
        let spec = try Self.specification()
        let fixture = try ServerFixture(configure: {
            $0.tokens = AccessTokens([AccessToken(role: .read, token: "read-token-0123456789")])
        })
        for target in ["/metrics", "/api/tickets/T-1", "/api/articles/KB-0007"] {
            let response = try fixture.client.request("GET", target)
            #expect(response.status == 401)
            try Self.check(response, method: "GET", target: target, spec: spec)
        }
    }

    @Test func theValidatorCatchesDrift() throws {
        let spec = try Self.specification()
        let validator = SchemaValidator(document: spec)
        let problem = try #require(validator.resolve("#/components/schemas/Problem"))
        #expect(validator.errors(try JSONParser().parse(#"{"type":"tag:kb,2026:problem/x","title":"t","status":404,"detail":"d"}"#), schema: problem).isEmpty)
        #expect(!validator.errors(try JSONParser().parse(#"{"type":"about:blank","title":"t","status":404,"detail":"d"}"#), schema: problem).isEmpty)
        #expect(!validator.errors(try JSONParser().parse(#"{"type":"tag:kb,2026:problem/x","title":"t","status":404}"#), schema: problem).isEmpty)
        #expect(!validator.errors(try JSONParser().parse(#"{"type":"tag:kb,2026:problem/x","title":"t","status":404.5,"detail":"d"}"#), schema: problem).isEmpty)
        #expect(!validator.errors(try JSONParser().parse(#"{"type":"tag:kb,2026:problem/x","title":"t","status":404,"detail":"d","extra":1}"#), schema: problem).isEmpty)
        #expect(!validator.errors(.null, schema: .object([("oneOf", .array([]))])).isEmpty)
    }

    @Test func yamlSubsetReadsWhatTheSpecUses() throws {
        let text = """
            # comment
            a: 1
            b: "two: 2 # not a comment"
            c:
              - x
              - name: n
                in: path
              - [p, "q, r"]
            d: {}
            e: 3.1.0
            "200":
              f: 'it''s'
            g: [string, "null"]
            """
        let value = try YAMLSubset.parse(text)
        #expect(value["a"] == .number(1))
        #expect(value["b"] == .string("two: 2 # not a comment"))
        #expect(value["c"] == .array([.string("x"), .object([("name", .string("n")), ("in", .string("path"))]),
                                      .array([.string("p"), .string("q, r")])]))
        #expect(value["d"] == .object([]))
        #expect(value["e"] == .string("3.1.0"))
        #expect(value["200"]?["f"] == .string("it's"))
        #expect(value["g"] == .array([.string("string"), .string("null")]))
        #expect(throws: YAMLSubset.ParseError.self) { try YAMLSubset.parse("a: |\n  block") }
        #expect(throws: YAMLSubset.ParseError.self) { try YAMLSubset.parse("a: 1\na: 2") }
        #expect(throws: YAMLSubset.ParseError.self) { try YAMLSubset.parse("a:\n  b: 1\n    c: 2") }
    }
}
