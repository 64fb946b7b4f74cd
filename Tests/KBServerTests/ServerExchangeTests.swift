import Foundation
import KBCore
import KBServer
import Testing

@Suite("kb serve answers over real sockets")
struct ServerExchangeTests {
    @Test func healthzAnswersOKWithSecurityHeaders() throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", "/healthz")
        #expect(response.status == 200)
        #expect(response.text == #"{"status":"ok"}"#)
        #expect(response.header("Content-Type") == "application/json; charset=utf-8")
        #expect(response.header("Content-Security-Policy") == SecurityHeaders.contentSecurityPolicy)
        #expect(response.header("X-Content-Type-Options") == "nosniff")
        #expect(response.header("Referrer-Policy") == "no-referrer")
        #expect(response.header("Cache-Control") == "no-store")
    }

    @Test(arguments: ["T-1", "T-2", "T 3/ä"])
    func ticketJSONEqualsTheCLIs(id: String) throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", "/api/tickets/" + PercentEncoding.encodePathSegment(id))
        #expect(response.status == 200)
        let cli = runKB(["show", id, "--json"], in: fixture.directory.url)
        #expect(cli.code == 0)
        let expected = try #require(try JSONParser().parse(cli.stdout).arrayValue?.first)
        #expect(try JSONParser().parse(response.text) == expected)
        // The same writer with the same members: compact bytes equal the CLI's value re-serialised compactly.
        var writer = JSONWriter()
        writer.value(expected)
        #expect(response.text == writer.text)
    }

    @Test func ticketSLAIsMeasuredAtTheRequestedTime() throws {
        let fixture = try ServerFixture()
        let at = "2026-03-02T12:00:00-03:00"
        let response = try fixture.client.request("GET", "/api/tickets/T-2?now=" + PercentEncoding.encodeQueryComponent(at))
        let cli = runKB(["show", "T-2", "--json", "--now", at], in: fixture.directory.url)
        let expected = try #require(try JSONParser().parse(cli.stdout).arrayValue?.first)
        #expect(try JSONParser().parse(response.text) == expected)
        let bad = try fixture.client.request("GET", "/api/tickets/T-2?now=yesterday")
        #expect(bad.status == 422)
        let problem = try JSONParser().parse(bad.text)
        #expect(problem["field"]?.stringValue == "now")
    }

    @Test func articleJSONEqualsTheCLIs() throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", "/api/articles/KB-0007")
        #expect(response.status == 200)
        let cli = runKB(["show", "KB-0007", "--json"], in: fixture.directory.url)
        let expected = try #require(try JSONParser().parse(cli.stdout).arrayValue?.first)
        #expect(try JSONParser().parse(response.text) == expected)
    }

    @Test func headAnswersTheGetHeadersWithoutABody() throws {
        let fixture = try ServerFixture()
        let get = try fixture.client.request("GET", "/api/tickets/T-1")
        let head = try fixture.client.request("HEAD", "/api/tickets/T-1")
        #expect(head.status == 200)
        #expect(head.body.isEmpty)
        #expect(head.header("Content-Length") == String(get.body.count))
    }

    @Test(arguments: ["/api/tickets/T-404", "/api/articles/KB-9999", "/nothing", "/api/ticket", "/api/tickets/T-1/extra"])
    func unknownResourcesAreProblem404s(target: String) throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", target)
        #expect(response.status == 404)
        #expect(response.header("Content-Type") == "application/problem+json; charset=utf-8")
        let problem = try JSONParser().parse(response.text)
        #expect(problem["type"]?.stringValue == Problem.typePrefix + "not-found")
        // Spanish unless the request asks for English (ProblemLanguageTests).
        #expect(problem["title"]?.stringValue == "No encontrado")
        #expect(response.header("Content-Language") == "es")
        #expect(problem["status"]?.intValue == 404)
        #expect(problem["detail"]?.stringValue?.isEmpty == false)
    }

    @Test(arguments: [
        "/../../etc/passwd", "/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/%2E%2E/%2E%2E/etc/passwd", "/api/tickets/..%2F..%2Fetc%2Fpasswd",
        "/api/../../etc/passwd", "/..", "/api/tickets/%2e%2e", "/api/tickets/.", "/api/articles/..%5c..%5cwindows",
        "/kb/policy.json", "/.kb/kb.sqlite", "/tickets.jsonl", "/kb/articles/portal/login.md", "//etc/passwd",
    ])
    func pathTraversalAndFilePathsGet404(target: String) throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", target)
        #expect(response.status == 404)
        #expect(!response.text.contains("root:"))
        #expect(!response.text.contains("SQLite format"))
        #expect(!response.text.contains("calendars"))
    }

    @Test(arguments: ["/api/tickets/%zz", "/api/tickets/%e2%28%a1", "/api/tickets/a%00b", "/healthz?x=%g1"])
    func malformedEscapesAre400s(target: String) throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("GET", target)
        #expect(response.status == 400)
        #expect(try JSONParser().parse(response.text)["type"]?.stringValue == Problem.typePrefix + "bad-request")
    }

    @Test func wrongMethodIs405WithAllow() throws {
        let fixture = try ServerFixture()
        let response = try fixture.client.request("POST", "/healthz")
        #expect(response.status == 405)
        #expect(response.header("Allow") == "GET, HEAD")
        #expect(try JSONParser().parse(response.text)["status"]?.intValue == 405)
    }

    @Test func metricsCountRequestsAndDescribeTheStore() throws {
        let fixture = try ServerFixture()
        _ = try fixture.client.request("GET", "/api/tickets/T-1")
        _ = try fixture.client.request("GET", "/api/tickets/T-1")
        _ = try fixture.client.request("GET", "/api/tickets/none")
        let response = try fixture.client.request("GET", "/metrics")
        #expect(response.status == 200)
        #expect(response.header("Content-Type") == MediaType.prometheus)
        let samples = PrometheusSamples(response.text)
        #expect(samples[#"kb_http_requests_total{method="GET",route="/api/tickets/{id}",status="200"}"#] == 2)
        #expect(samples[#"kb_http_requests_total{method="GET",route="/api/tickets/{id}",status="404"}"#] == 1)
        #expect(samples[#"kb_http_request_duration_seconds_count{route="/api/tickets/{id}"}"#] == 3)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="+Inf"}"#] == 3)
        #expect(samples["kb_tickets"] == 3)
        #expect(samples["kb_articles"] == 1)
        #expect((samples[#"kb_store_size_bytes{file="database"}"#] ?? 0) > 4096)
        // The metrics request itself is in flight while it is answered.
        #expect(samples["kb_http_requests_in_flight"] == 1)
        #expect(samples["kb_store_read_connections"].map { $0 >= 1 && $0 <= 2 } == true)
        for line in response.text.split(separator: "\n") where !line.hasPrefix("#") {
            #expect(line.range(of: #"^[a-z_]+(\{[a-z_]+="[^"]*"(,[a-z_]+="[^"]*")*\})? -?[0-9.]+$"#, options: .regularExpression) != nil, "\(line)")
        }
    }

    @Test func requestsAreLoggedInCombinedLogFormat() throws {
        let fixture = try ServerFixture()
        // An unknown parameter is a 422, logged like any answer.
        _ = try fixture.client.request("GET", "/api/tickets/T-1?x=%22quoted%22", headers: [("User-Agent", "kb-test \"agent\""), ("Referer", "http://x/")])
        try fixture.stop()
        let line = try #require(fixture.log.all.first { $0.contains("/api/tickets/T-1") })
        let pattern = #"^127\.0\.0\.1 - - \[\d{2}/[A-Z][a-z]{2}/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET /api/tickets/T-1\?x=%22quoted%22 HTTP/1\.1" 422 \d+ "http://x/" "kb-test \\"agent\\""$"#
        #expect(line.range(of: pattern, options: .regularExpression) != nil, "\(line)")
    }

    @Test func readsRunInOneSnapshotPerRequestAndConnectionsAreReused() throws {
        let fixture = try ServerFixture()
        for _ in 0..<20 { _ = try fixture.client.request("GET", "/api/tickets/T-1") }
        #expect(fixture.server.environment.stores.readerCount <= 2)
        #expect(fixture.server.environment.stores.readerCount >= 1)
    }
}

/// Samples of a Prometheus exposition, keyed by name and labels as written.
struct PrometheusSamples {
    private var values: [String: Double] = [:]

    init(_ text: String) {
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            guard let space = line.lastIndex(of: " ") else { continue }
            values[String(line[..<space])] = Double(line[line.index(after: space)...])
        }
    }

    subscript(key: String) -> Double? { values[key] }
}
