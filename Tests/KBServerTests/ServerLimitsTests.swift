import Foundation
import KBCore
import KBServer
import Testing

@Suite("Limits: body, headers, slow clients")
struct ServerLimitsTests {
    private func fixture(timeout: UInt32 = 15) throws -> ServerFixture {
        try ServerFixture(configure: {
            $0.maximumBodyBytes = 1024
            $0.connectionTimeoutSeconds = timeout
        }, routes: { TestRoutes.addEcho(to: &$0) })
    }

    @Test func bodyWithinTheLimitArrivesWhole() throws {
        let fixture = try fixture()
        let response = try fixture.client.request("POST", "/test/echo", body: [UInt8](repeating: 65, count: 1024))
        #expect(response.status == 200)
        #expect(response.text == "1024 bytes")
    }

    @Test func announcedBodyOverTheLimitIs413BeforeItIsRead() throws {
        let fixture = try fixture()
        let response = try fixture.client.request("POST", "/test/echo", body: [UInt8](repeating: 65, count: 1025))
        #expect(response.status == 413)
        let problem = try JSONParser().parse(response.text)
        #expect(problem["type"]?.stringValue == Problem.typePrefix + "content-too-large")
        #expect(problem["detail"]?.stringValue?.contains("1024 bytes") == true)
    }

    @Test func chunkedBodyOverTheLimitIs413() throws {
        let fixture = try fixture()
        var raw = "POST /test/echo HTTP/1.1\r\nHost: x\r\nConnection: close\r\nTransfer-Encoding: chunked\r\n\r\n"
        for _ in 0..<3 { raw += "200\r\n" + String(repeating: "b", count: 512) + "\r\n" }
        raw += "0\r\n\r\n"
        let response = try fixture.client.exchange(raw: Array(raw.utf8))
        #expect(response.status == 413)
    }

    @Test func oversizedHeadersAreRefused() throws {
        let fixture = try fixture()
        let response = try fixture.client.request("GET", "/healthz", headers: [("X-Filler", String(repeating: "x", count: 100_000))])
        #expect(response.status == 431)
    }

    @Test func slowClientIsCutOffByTheTimeout() throws {
        let fixture = try fixture(timeout: 1)
        let descriptor = try fixture.client.connect()
        defer { close(descriptor) }
        // The request line and one header, then nothing: a slow-loris client.
        RawHTTPClient.send(descriptor, Array("GET /healthz HTTP/1.1\r\nHost: x\r\n".utf8))
        let answer = RawHTTPClient.readToEnd(descriptor)
        #expect(answer.isEmpty, "the server closes the connection without answering")
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(recv(descriptor, &buffer, buffer.count, 0) == 0, "the connection is closed (EOF), not timed out on our side")
        let metrics = try fixture.client.request("GET", "/metrics")
        #expect(PrometheusSamples(metrics.text)[#"kb_http_aborted_total{reason="timeout"}"#] == 1)
    }

    @Test func idleConnectionWithoutAnyRequestIsClosedToo() throws {
        let fixture = try fixture(timeout: 1)
        let descriptor = try fixture.client.connect()
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: 16)
        #expect(recv(descriptor, &buffer, buffer.count, 0) == 0)
    }
}
