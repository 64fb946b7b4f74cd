import Foundation
import KBServer
import Testing

@Suite("Graceful shutdown")
struct ShutdownTests {
    @Test func inFlightRequestFinishesAndNewConnectionsAreRefused() throws {
        let gate = Gate()
        let fixture = try ServerFixture(routes: { router in
            router.get("/test/slow", access: .read) { _, context in
                // Read first, so the request holds a snapshot while the server stops.
                let count = try context.read { try $0.ticketCount() }
                gate.entered.signal()
                gate.release.wait()
                return .text("\(count) tickets")
            }
        })
        let port = fixture.server.port
        let client = RawHTTPClient(port: port)
        let answer = Mailbox<RawHTTPClient.Response?>()
        let requester = Thread {
            answer.deliver(try? client.request("GET", "/test/slow"))
        }
        requester.start()
        gate.entered.wait()

        let stopped = DispatchSemaphore(value: 0)
        let server = fixture.server
        let stopper = Thread {
            try? server.shutdown()
            stopped.signal()
        }
        stopper.start()
        // Shutdown waits for the request in flight; meanwhile the listening socket is closed.
        var refused = false
        for _ in 0..<200 where !refused {
            do {
                let descriptor = try client.connect(timeoutSeconds: 1)
                close(descriptor)
                usleep(10_000)
            } catch {
                refused = true
            }
        }
        #expect(refused)
        #expect(stopped.wait(timeout: .now()) == .timedOut, "shutdown is still waiting for the request")
        gate.release.signal()
        stopped.wait()
        let response = try #require(answer.receive())
        #expect(response.status == 200)
        #expect(response.text == "3 tickets")
        #expect(response.header("Connection")?.lowercased() == "close")
        #expect(fixture.server.environment.stores.readerCount == 0)
        #expect(fixture.log.all.contains { $0.contains("\"GET /test/slow HTTP/1.1\" 200") })
    }
}

/// A value handed from one thread to another, once: `receive` waits until it is delivered.
final class Mailbox<Value>: @unchecked Sendable {
    private let lock = NSLock()
    private let delivered = DispatchSemaphore(value: 0)
    private var value: Value?

    func deliver(_ value: Value) {
        lock.lock()
        self.value = value
        lock.unlock()
        delivered.signal()
    }

    func receive() -> Value {
        delivered.wait()
        lock.lock()
        defer { lock.unlock() }
        return value!
    }
}
