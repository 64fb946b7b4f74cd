import Foundation

/// The server's counters for `GET /metrics`: requests by method, route and status, a latency histogram per
/// route, server errors, exchanges that ended abnormally, and the requests in flight.
///
/// Crosses threads (`@unchecked Sendable`): every worker records into it under one lock, held for a few
/// dictionary updates per request.
public final class ServerMetrics: @unchecked Sendable {
    private struct RequestKey: Hashable {
        let method: String
        let route: String
        let status: Int
    }

    private let lock = NSLock()
    private var requests: [RequestKey: Int] = [:]
    private var latency: [String: LatencyHistogram] = [:]
    private var serverErrors: [String: Int] = [:]
    private var aborted: [String: Int] = [:]
    private var inFlight = 0
    private var queued = 0
    private var refusedWaiting = 0
    private let startedAt = Date()

    public init() {}

    /// Methods outside this set are counted as `other`, so a client cannot grow the label set at will.
    private static let knownMethods: Set<String> = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]

    func requestStarted() {
        lock.lock()
        inFlight += 1
        lock.unlock()
    }

    /// Requests waiting for a worker: `change` is 1 when one is queued, -1 when a worker takes it.
    func queued(_ change: Int) {
        lock.lock()
        queued += change
        lock.unlock()
    }

    /// Counts a request answered 503 because it waited too long for a worker.
    func refusedForWaiting() {
        lock.lock()
        refusedWaiting += 1
        lock.unlock()
    }

    /// Counts a finished exchange.
    func record(_ record: RequestRecord) {
        let method = record.method.map { Self.knownMethods.contains($0) ? $0 : "other" } ?? "-"
        lock.lock()
        defer { lock.unlock() }
        inFlight -= 1
        if let reason = record.abortReason {
            aborted[reason, default: 0] += 1
            if record.status == 0 { return }
        }
        requests[RequestKey(method: method, route: record.route, status: record.status), default: 0] += 1
        latency[record.route, default: LatencyHistogram()].observe(record.durationSeconds)
        if record.status >= 500 { serverErrors[record.route, default: 0] += 1 }
    }

    /// Requests received and not yet answered.
    public var requestsInFlight: Int {
        lock.lock()
        defer { lock.unlock() }
        return inFlight
    }

    /// Figures about the store, read by the metrics handler in its snapshot.
    public struct StoreFigures: Sendable {
        public var databaseBytes: Int
        public var walBytes: Int
        public var tickets: Int
        public var articles: Int
        public var readConnections: Int

        public init(databaseBytes: Int, walBytes: Int, tickets: Int, articles: Int, readConnections: Int) {
            self.databaseBytes = databaseBytes
            self.walBytes = walBytes
            self.tickets = tickets
            self.articles = articles
            self.readConnections = readConnections
        }
    }

    /// Everything in Prometheus' text format, families and samples in a fixed order.
    public func exposition(store: StoreFigures) -> String {
        lock.lock()
        let requests = self.requests
        let latency = self.latency
        let serverErrors = self.serverErrors
        let aborted = self.aborted
        let inFlight = self.inFlight
        let queued = self.queued
        let refusedWaiting = self.refusedWaiting
        lock.unlock()
        var text = PrometheusText()
        text.family("kb_http_requests_total", type: "counter", help: "HTTP requests answered, by method, route pattern and status.")
        for (key, count) in requests.sorted(by: { ($0.key.route, $0.key.method, $0.key.status) < ($1.key.route, $1.key.method, $1.key.status) }) {
            text.sample("kb_http_requests_total", [("method", key.method), ("route", key.route), ("status", String(key.status))], count)
        }
        text.family("kb_http_request_duration_seconds", type: "histogram", help: "Time from the request line to the end of the response, by route pattern.")
        for (route, histogram) in latency.sorted(by: { $0.key < $1.key }) {
            for (bound, count) in histogram.cumulativeBuckets {
                text.sample("kb_http_request_duration_seconds_bucket", [("route", route), ("le", bound)], count)
            }
            text.sample("kb_http_request_duration_seconds_sum", [("route", route)], histogram.sum)
            text.sample("kb_http_request_duration_seconds_count", [("route", route)], histogram.count)
        }
        text.family("kb_http_server_errors_total", type: "counter", help: "Responses with a 5xx status, by route pattern.")
        for (route, count) in serverErrors.sorted(by: { $0.key < $1.key }) {
            text.sample("kb_http_server_errors_total", [("route", route)], count)
        }
        text.family("kb_http_aborted_total", type: "counter", help: "Exchanges that ended abnormally: timeout, client_abort, read_error, error, shutdown.")
        for (reason, count) in aborted.sorted(by: { $0.key < $1.key }) {
            text.sample("kb_http_aborted_total", [("reason", reason)], count)
        }
        text.family("kb_http_requests_in_flight", type: "gauge", help: "Requests received and not yet answered.")
        text.sample("kb_http_requests_in_flight", [], inFlight)
        text.family("kb_http_requests_queued", type: "gauge", help: "Requests read and waiting for a worker thread.")
        text.sample("kb_http_requests_queued", [], queued)
        text.family("kb_http_queue_timeouts_total", type: "counter", help: "Requests answered 503 because they waited too long for a worker.")
        text.sample("kb_http_queue_timeouts_total", [], refusedWaiting)
        text.family("kb_store_size_bytes", type: "gauge", help: "Size of the SQLite database and its write-ahead log.")
        text.sample("kb_store_size_bytes", [("file", "database")], store.databaseBytes)
        text.sample("kb_store_size_bytes", [("file", "wal")], store.walBytes)
        text.family("kb_tickets", type: "gauge", help: "Tickets in the store.")
        text.sample("kb_tickets", [], store.tickets)
        text.family("kb_articles", type: "gauge", help: "Articles indexed.")
        text.sample("kb_articles", [], store.articles)
        text.family("kb_store_read_connections", type: "gauge", help: "Read connections open (at most one per worker thread).")
        text.sample("kb_store_read_connections", [], store.readConnections)
        text.family("kb_uptime_seconds", type: "gauge", help: "Seconds since the server started.")
        text.sample("kb_uptime_seconds", [], Date().timeIntervalSince(startedAt).rounded())
        return text.text
    }
}
