import Foundation
import KBCore
import KBServer
import KBTestSupport
import Testing

@Suite("Readers, snapshots and the writer")
struct StoreAccessTests {
    @Test(arguments: [0, 16])
    func readConnectionsMapTheFileAsConfigured(megabytes: Int) throws {
        let fixture = try ServerFixture(configure: { $0.readerMemoryMapMiB = megabytes }, routes: { router in
            router.get("/test/mmap", access: .read) { _, context in
                .text(String(try context.read { try $0.connection.scalarInt("PRAGMA mmap_size") }))
            }
        })
        #expect(try fixture.client.request("GET", "/test/mmap").text == String(megabytes << 20))
    }

    @Test func aRequestReadsOneSnapshotEvenWhenAnImportCommitsMeanwhile() throws {
        let gate = Gate()
        let fixture = try ServerFixture(routes: { router in
            router.get("/test/twice", access: .read) { _, context in
                let before = try context.read { try $0.ticketCount() }
                gate.entered.signal()
                gate.release.wait()
                let after = try context.read { try $0.ticketCount() }
                let title = try context.read { try $0.ticket(id: "T-1")?.title ?? "-" }
                return .text("\(before) \(after) \(title)")
            }
        })
        let client = fixture.client
        let answer = Mailbox<RawHTTPClient.Response?>()
        let requester = Thread { answer.deliver(try? client.request("GET", "/test/twice")) }
        requester.start()
        gate.entered.wait()
        try fixture.directory.write("more.jsonl", TicketFixtures.line(id: "T-9") + "\n"
            + TicketFixtures.line(id: "T-1", title: "Titulo cambiado") + "\n")
        let imported = runKB(["import", "more.jsonl"], in: fixture.directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        gate.release.signal()
        #expect(answer.receive()?.text == "3 3 No carga el login del portal")
        // The next request takes a new snapshot and sees the import.
        let next = try client.request("GET", "/api/tickets/T-1")
        #expect(try JSONParser().parse(next.text)["title"]?.stringValue == "Titulo cambiado")
    }

    @Test func readsGoOnWhileAnotherConnectionHoldsTheWriteLock() throws {
        let fixture = try ServerFixture()
        let writer = try Connection(path: Workspace(root: fixture.directory.url).databasePath)
        defer { try? writer.close() }
        try writer.beginImmediate()
        try writer.execute("UPDATE articles SET title = 'uncommitted' WHERE id = 'KB-0007'")
        // WAL: the server's readers neither wait for the writer nor see its uncommitted change.
        let response = try fixture.client.request("GET", "/api/articles/KB-0007")
        #expect(response.status == 200)
        #expect(try JSONParser().parse(response.text)["title"]?.stringValue == "No carga la pantalla de login del portal")
        try writer.execute("ROLLBACK")
    }

    @Test func writesAreSerialisedAndSeenByLaterRequests() throws {
        let fixture = try ServerFixture(routes: { router in
            router.post("/test/retitle", access: .write) { request, context in
                let title = try request.bodyText()
                try context.write { store in
                    try store.connection.transaction {
                        try store.connection.prepare("UPDATE articles SET title = ? WHERE id = 'KB-0007'").execute([title])
                    }
                }
                return .text("ok")
            }
        })
        let client = fixture.client
        let group = DispatchGroup()
        for index in 0..<8 {
            group.enter()
            Thread {
                _ = try? client.request("POST", "/test/retitle", body: Array("titulo \(index)".utf8))
                group.leave()
            }.start()
        }
        group.wait()
        let response = try client.request("GET", "/api/articles/KB-0007")
        #expect(try JSONParser().parse(response.text)["title"]?.stringValue?.hasPrefix("titulo ") == true)
        #expect(fixture.log.all.filter { $0.contains("\"POST /test/retitle HTTP/1.1\" 200") }.count == 8)
    }

    @Test func cachedObjectsAreRebuiltAfterAnotherConnectionCommits() throws {
        final class Built {
            let count: Int
            init(count: Int) { self.count = count }
        }
        let fixture = try ServerFixture(configure: { $0.threads = 1 }, routes: { router in
            router.get("/test/cached", access: .read) { _, context in
                let built = try context.snapshot().cached(Built.self) { store in Built(count: try store.ticketCount()) }
                return .text(String(built.count))
            }
        })
        // One worker thread: every request gets the same read connection, and its cache.
        let first = try fixture.client.request("GET", "/test/cached").text
        #expect(first == "3")
        try fixture.directory.write("one.jsonl", TicketFixtures.line(id: "T-10") + "\n")
        #expect(runKB(["import", "one.jsonl"], in: fixture.directory.url).code == 0)
        for _ in 0..<4 {
            #expect(try fixture.client.request("GET", "/test/cached").text == "4")
        }
    }
}
