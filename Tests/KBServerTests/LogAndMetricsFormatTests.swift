import KBCore
@testable import KBServer
import Testing

@Suite("Request log and metrics formats")
struct LogAndMetricsFormatTests {
    private func record(target: String, method: String? = "GET", user: String? = nil, status: Int = 200,
                        userAgent: String? = "curl/8", abortReason: String? = nil) -> RequestRecord {
        RequestRecord(remoteAddress: "::1", user: user, startedAt: Timestamp(iso8601: "2026-03-02T09:04:05-03:00")!,
                      method: method, target: target, version: "HTTP/1.1", status: status, bodyBytes: status == 0 ? 0 : 512,
                      referer: nil, userAgent: userAgent, durationSeconds: 0.004, route: "/api/tickets/{id}", abortReason: abortReason)
    }

    @Test func combinedLogFormatLine() {
        #expect(CombinedLogFormat.line(record(target: "/api/tickets/T-1", user: "agents"))
            == #"::1 - agents [02/Mar/2026:12:04:05 +0000] "GET /api/tickets/T-1 HTTP/1.1" 200 512 "-" "curl/8""#)
    }

    @Test func hostileFieldsCannotForgeLines() {
        let line = CombinedLogFormat.line(record(target: "/x\" 200 1 \"-\" \"-\"\n1.2.3.4 - - [x] \"GET /", user: "a b",
                                                 userAgent: "evil\u{1B}[31m\\\"ua"))
        #expect(!line.contains("\n"))
        #expect(!line.contains("\u{1B}"))
        #expect(line.contains(#""GET /x\" 200 1 \"-\" \"-\"\x0a1.2.3.4"#))
        #expect(line.contains(#" - a\x20b ["#))
        #expect(line.hasSuffix(#""evil\x1b[31m\\\"ua""#))
    }

    @Test func abandonedExchangesLogDashes() {
        #expect(CombinedLogFormat.line(record(target: "/slow", method: nil, status: 0, userAgent: nil, abortReason: "client_abort"))
            == #"::1 - - [02/Mar/2026:12:04:05 +0000] "- /slow HTTP/1.1" - - "-" "-""#)
    }

    @Test func metricsExpositionIsDeterministicAndCumulative() {
        let metrics = ServerMetrics()
        for (status, seconds) in [(200, 0.0004), (200, 0.003), (500, 2.0)] {
            metrics.requestStarted()
            var entry = record(target: "/api/tickets/T-1", status: status)
            entry.durationSeconds = seconds
            metrics.record(entry)
        }
        metrics.requestStarted()
        metrics.record(record(target: "/x", method: "BREW", status: 0, abortReason: "timeout"))
        let figures = ServerMetrics.StoreFigures(databaseBytes: 4096, walBytes: 0, tickets: 600, articles: 20, readConnections: 2)
        let text = metrics.exposition(store: figures)
        let samples = PrometheusSamples(text)
        #expect(samples[#"kb_http_requests_total{method="GET",route="/api/tickets/{id}",status="200"}"#] == 2)
        #expect(samples[#"kb_http_requests_total{method="GET",route="/api/tickets/{id}",status="500"}"#] == 1)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="0.001"}"#] == 1)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="0.005"}"#] == 2)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="1"}"#] == 2)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="2.5"}"#] == 3)
        #expect(samples[#"kb_http_request_duration_seconds_bucket{route="/api/tickets/{id}",le="+Inf"}"#] == 3)
        #expect(samples[#"kb_http_request_duration_seconds_sum{route="/api/tickets/{id}"}"#] == 2.0034)
        #expect(samples[#"kb_http_server_errors_total{route="/api/tickets/{id}"}"#] == 1)
        #expect(samples[#"kb_http_aborted_total{reason="timeout"}"#] == 1)
        #expect(samples["kb_http_requests_in_flight"] == 0)
        #expect(samples["kb_tickets"] == 600)
        #expect(!text.contains("BREW"))
        #expect(text.contains("# TYPE kb_http_request_duration_seconds histogram\n"))
    }
}
