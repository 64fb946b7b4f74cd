import Foundation
import KBServer
import Testing

/// Requests wait for a worker in arrival order, never cut by the idle timeout, and bounded in time: one that waited
/// too long is answered 503, and a stopping server answers every queued request before it stops.
@Suite("Request queue")
struct RequestQueueTests {
    /// A server with one worker and a route, `GET /test/held`, that holds it until `gate` releases it.
    static func oneWorkerServer(_ gate: Gate, configure: (inout ServerConfiguration) -> Void) throws -> ServerFixture {
        try ServerFixture(configure: { configuration in
            configuration.threads = 1
            configure(&configuration)
        }, routes: { router in
            router.get("/test/held", access: .read) { _, _ in
                gate.entered.signal()
                gate.release.wait()
                return .text("done")
            }
        })
    }

    /// Sends `GET /test/held` and returns once the worker holds it; its answer comes when `gate` releases it.
    static func holdTheWorker(_ client: RawHTTPClient, _ gate: Gate) -> Mailbox<RawHTTPClient.Response?> {
        let answer = send(client, "/test/held")
        gate.entered.wait()
        return answer
    }

    /// Sends `GET target` on a thread of its own; the answer (nil: none) arrives in the mailbox.
    static func send(_ client: RawHTTPClient, _ target: String) -> Mailbox<RawHTTPClient.Response?> {
        let answer = Mailbox<RawHTTPClient.Response?>()
        Thread { answer.deliver(try? client.request("GET", target)) }.start()
        return answer
    }

    /// A server with one worker, a 1 s idle timeout and a route, `GET /test/slow`, that reads the store and takes 0.4 s.
    static func slowServer() throws -> ServerFixture {
        try ServerFixture(configure: { configuration in
            configuration.threads = 1
            configuration.connectionTimeoutSeconds = 1
        }, routes: { router in
            router.get("/test/slow", access: .read) { _, context in
                let count = try context.read { try $0.ticketCount() }
                usleep(400_000)
                return .text("\(count) tickets")
            }
        })
    }

    /// Sends `target` on `count` connections at once; the answers (nil: the connection closed without one) by connection.
    static func concurrently(_ count: Int, _ client: RawHTTPClient, _ target: String) -> [RawHTTPClient.Response?] {
        let answers = (0..<count).map { _ in send(client, target) }
        return answers.map { $0.receive() }
    }

    /// Sends `count` GETs of `target` one after the other on one kept-alive connection, each as soon as the previous
    /// answer is in (as wrk does); the statuses, until the server closes the connection.
    static func keptAlive(_ client: RawHTTPClient, _ target: String, count: Int) throws -> [Int] {
        let descriptor = try client.connect(timeoutSeconds: 20)
        defer { close(descriptor) }
        var statuses: [Int] = []
        var pending: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 65_536)
        for _ in 0..<count {
            RawHTTPClient.send(descriptor, Array("GET \(target) HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n".utf8))
            // One answer: the head, then Content-Length bytes of body.
            while true {
                let text = String(decoding: pending, as: UTF8.self)
                if let end = text.range(of: "\r\n\r\n") {
                    let head = String(text[..<end.lowerBound])
                    let length = head.split(separator: "\r\n").first { $0.lowercased().hasPrefix("content-length:") }
                        .flatMap { Int($0.split(separator: ":")[1].trimmingCharacters(in: .whitespaces)) } ?? 0
                    let headBytes = head.utf8.count + 4
                    if pending.count >= headBytes + length {
                        statuses.append(Int(head.split(separator: " ")[1]) ?? 0)
                        pending.removeFirst(headBytes + length)
                        break
                    }
                }
                let received = recv(descriptor, &buffer, buffer.count, 0)
                if received <= 0 { return statuses }
                pending.append(contentsOf: buffer[..<received])
            }
        }
        return statuses
    }

    @Test func keptAliveClientsWaitingTheirTurnAreNotCutByTheIdleTimeout() throws {
        // One worker, 4 clients each sending 3 requests of 0.4 s back to back: each next request waits ≈ 1.2 s behind
        // the other clients', past the 1 s idle timeout. With the handlers on libmicrohttpd's own thread such a request
        // sat unread and its connection was closed as idle; queued, it is suspended and waits its turn.
        let fixture = try Self.slowServer()
        let client = fixture.client
        let answers = (0..<4).map { _ in Mailbox<[Int]>() }
        for answer in answers {
            Thread { answer.deliver((try? Self.keptAlive(client, "/test/slow", count: 3)) ?? []) }.start()
        }
        #expect(answers.map { $0.receive() } == Array(repeating: [200, 200, 200], count: 4))
    }

    @Test func requestsWaitingForTheWorkerAreNotCutByTheIdleTimeout() throws {
        // One worker, 6 requests of 0.4 s each: the last waits ≈ 2 s, twice the idle timeout, and is still answered.
        let fixture = try Self.slowServer()
        let answers = Self.concurrently(6, fixture.client, "/test/slow")
        #expect(answers.map { $0?.status } == Array(repeating: 200, count: 6))
        #expect(fixture.server.environment.stores.readerCount == 1, "one worker, one read connection")
        #expect(!fixture.log.all.contains { $0.contains(" 408 ") })
        // A slow client is still cut: ServerLimitsTests.slowClientIsCutOffByTheTimeout.
    }

    @Test func aRequestThatWaitedTooLongIsAnswered503() throws {
        let gate = Gate()
        let fixture = try Self.oneWorkerServer(gate) { $0.queueWaitSeconds = 0.2 }
        let client = fixture.client
        let first = Self.holdTheWorker(client, gate)
        let second = Self.send(client, "/healthz")
        let page = Self.send(client, "/buscar?q=login&lang=en")
        // Refused while the only worker is still busy: the wait is bounded even behind a request that does not end.
        let refused = try #require(second.receive())
        let busyPage = try #require(page.receive())
        gate.release.signal()
        #expect(first.receive()?.status == 200)
        #expect(refused.status == 503)
        #expect(refused.header("Retry-After") == "5")
        #expect(refused.header("Content-Type")?.hasPrefix("application/problem+json") == true)
        #expect(refused.text.contains("el servidor está ocupado"), "Spanish by default: \(refused.text)")
        // A page waited for gets the error page, in the page's language, with the same status and Retry-After.
        #expect(busyPage.status == 503)
        #expect(busyPage.header("Retry-After") == "5")
        #expect(busyPage.header("Content-Type")?.hasPrefix("text/html") == true)
        #expect(busyPage.text.contains("the server is busy"), "\(busyPage.text)")
        let metrics = try client.request("GET", "/metrics").text
        #expect(metrics.contains("kb_http_queue_timeouts_total 2"))
        #expect(metrics.contains("kb_http_requests_queued 0"))
    }

    @Test func stoppingAnswersTheQueuedRequestsAndLetsTheRunningOneFinish() throws {
        let gate = Gate()
        let fixture = try Self.oneWorkerServer(gate) { $0.shutdownGraceSeconds = 0.3 }
        let client = fixture.client
        let first = Self.holdTheWorker(client, gate)
        let queued = Self.send(client, "/healthz?lang=en")
        usleep(200_000)
        let stopped = DispatchSemaphore(value: 0)
        let server = fixture.server
        Thread {
            try? server.shutdown()
            stopped.signal()
        }.start()
        // After the grace period the queued request is answered at once, while the running one still holds its worker.
        let refused = try #require(queued.receive())
        #expect(refused.status == 503)
        #expect(refused.text.contains("shutting down"))
        #expect(stopped.wait(timeout: .now() + 0.2) == .timedOut)
        gate.release.signal()
        stopped.wait()
        #expect(first.receive()?.status == 200)
    }
}
