import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// JSON Lines import runs a reading thread beside the writer: order, counts and failures must be as on one thread.
@Suite struct JSONLinesPipelineTests {
    /// Many batches' worth of lines with rejections spread through them, including across batch boundaries and more
    /// than the queue holds at once (`JSONLinesDecoder.queuedBatches` of 128).
    @Test(arguments: [1, 127, 128, 129, 1_000, 4_500])
    func rejectionsComeInFileOrderWithTheirLines(count: Int) throws {
        let directory = try TemporaryDirectory()
        var lines: [String] = []
        var expectedLines: [Int] = []
        for index in 0..<count {
            switch index % 97 {
            case 13:
                lines.append("{not json")
                expectedLines.append(lines.count)
            case 41:
                lines.append("   ")
            case 60 where index > 0:
                lines.append(TicketFixtures.line(id: "T-\(index - 1)"))
                expectedLines.append(lines.count)
            default:
                lines.append(TicketFixtures.line(id: "T-\(index)"))
            }
        }
        let file = try directory.write("tickets.jsonl", lines.joined(separator: "\n") + "\n")
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let importer = TicketImporter(store: store)
        var streamed: [Int] = []
        importer.onReject = { streamed.append($0.line) }
        let report = try importer.importFiles([file.path], displayNames: ["tickets.jsonl"])
        #expect(report.rejected.map(\.line) == expectedLines)
        #expect(streamed == expectedLines)
        #expect(report.rejected.allSatisfy { $0.file == "tickets.jsonl" })
        let blank = lines.filter { $0.trimmingCharacters(in: .whitespaces).isEmpty }.count
        #expect(report.read == lines.count - blank)
        #expect(report.inserted == report.read - expectedLines.count)
        #expect(try store.ticketCount() == report.inserted)

        let again = try TicketImporter(store: store).importFiles([file.path])
        #expect(again.unchanged == report.inserted)
        #expect(again.inserted == 0 && again.updated == 0)
    }

    /// Long tickets fill a batch by bytes before they fill it by records (`JSONLinesDecoder.batchLineBytes`): every one
    /// still arrives, in order, with its whole text.
    @Test func longTicketsArriveInOrderThroughBatchesCutByBytes() throws {
        let directory = try TemporaryDirectory()
        let words = Array(repeating: "reinicio del servidor de correo", count: 10_000).joined(separator: " ")
        let lines = (0..<20).map { index in
            TicketFixtures.line(id: "T-\(index)", extra: "\"resolution\":\"caso \(index) \(words)\"")
        }
        #expect(lines.reduce(0) { $0 + $1.utf8.count } > 2 * JSONLinesDecoder.batchLineBytes)
        let file = try directory.write("long.jsonl", lines.joined(separator: "\n"))
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let report = try TicketImporter(store: store).importFiles([file.path])
        #expect(report.inserted == 20 && report.rejected.isEmpty)
        let stored = try store.connection.prepare("SELECT id FROM tickets ORDER BY rowid").map { $0.text(0) }
        #expect(stored == (0..<20).map { "T-\($0)" })
        #expect(try store.ticket(id: "T-13")?.resolution == "caso 13 \(words)")
    }

    @Test func duplicateNamesTheFirstLine() throws {
        let directory = try TemporaryDirectory()
        let text = [TicketFixtures.line(id: "T-1"), TicketFixtures.line(id: "T-2"), TicketFixtures.line(id: "T-1")]
            .joined(separator: "\n")
        let file = try directory.write("t.jsonl", text)
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let report = try TicketImporter(store: store).importFiles([file.path], displayNames: ["t.jsonl"])
        #expect(report.rejected == [ImportRejection(file: "t.jsonl", line: 3, reason: "duplicate id 'T-1' (first seen on line 1)", kind: "duplicate id")])
        #expect(report.inserted == 2)
    }

    /// A changed ticket is updated from its new line and the index forgets its old words.
    @Test func updatedTicketReplacesItsIndexedText() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let first = try directory.write("a.jsonl", TicketFixtures.line(id: "T-1", title: "Zanahoria perdida"))
        _ = try TicketImporter(store: store).importFiles([first.path])
        let second = try directory.write("b.jsonl", TicketFixtures.line(id: "T-1", title: "Berenjena perdida"))
        let report = try TicketImporter(store: store).importFiles([second.path])
        #expect(report.updated == 1)
        let terms = try store.connection.prepare("SELECT DISTINCT term FROM ticket_postings").map { $0.text(0) }
        #expect(!terms.contains { $0.hasPrefix("zanahori") })
        #expect(terms.contains { $0.hasPrefix("berenjen") })
        #expect(try store.ticket(id: "T-1")?.title == "Berenjena perdida")
    }

    /// An import into an empty store inserts before looking ids up: a ticket in two of its files, changed or not, is
    /// still inserted once, then updated or left unchanged, with the index holding only its last text.
    @Test(arguments: [false, true])
    func ticketInTwoFilesOfOneImportIntoAnEmptyStore(changed: Bool) throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let first = try directory.write("a.jsonl", [TicketFixtures.line(id: "T-1", title: "Zanahoria perdida"),
                                                    TicketFixtures.line(id: "T-2")].joined(separator: "\n"))
        let second = try directory.write("b.jsonl", TicketFixtures.line(id: "T-1", title: changed ? "Berenjena perdida" : "Zanahoria perdida"))
        let report = try TicketImporter(store: store).importFiles([first.path, second.path])
        #expect(report.inserted == 2)
        #expect(report.updated == (changed ? 1 : 0))
        #expect(report.unchanged == (changed ? 0 : 1))
        #expect(try store.ticketCount() == 2)
        let terms = try store.connection.prepare("SELECT DISTINCT term FROM ticket_postings").map { $0.text(0) }
        #expect(terms.contains { $0.hasPrefix("zanahori") } == !changed)
        #expect(terms.contains { $0.hasPrefix("berenjen") } == changed)
        #expect(try store.ticket(id: "T-1")?.title == (changed ? "Berenjena perdida" : "Zanahoria perdida"))
        try store.checkIntegrity()
        try TicketPostingsTests.expectInStep(store)
    }

    @Test func missingFileThrowsAndWritesNothing() throws {
        let directory = try TemporaryDirectory()
        let store = try Store(path: directory.url.appendingPathComponent("kb.sqlite").path)
        defer { try? store.close() }
        let good = try directory.write("good.jsonl", TicketFixtures.line(id: "T-1"))
        let missing = directory.url.appendingPathComponent("missing.jsonl").path
        #expect(throws: TicketError.self) {
            try TicketImporter(store: store).importFiles([good.path, missing], format: .jsonl)
        }
        #expect(try store.ticketCount() == 0)
        #expect(!store.connection.isInTransaction)
    }

    /// However many batches it may hold, no more than its byte budget waits at once — a larger batch goes in alone —,
    /// and the batches still come in order: a file of long tickets must not queue thousands of them.
    @Test func queueHoldsNoMoreBytesThanItsBudget() {
        let queue = ImportBatchQueue<Int>(capacity: 10, byteCapacity: 100)
        let sizes = (0..<40).map { $0 == 17 ? 250 : 60 }
        let producer = Thread {
            for (index, size) in sizes.enumerated() {
                guard queue.put([index], bytes: size) else { break }
            }
            queue.finish(failure: nil)
        }
        producer.start()
        var taken: [Int] = []
        while let batch = queue.take() {
            taken += batch
            // A slow consumer, so that the producer would fill all ten places if bytes did not stop it.
            Thread.sleep(forTimeInterval: 0.001)
        }
        #expect(queue.waitUntilFinished() == nil)
        #expect(taken == Array(0..<40))
        #expect(queue.peakQueuedBytes == 250)
    }

    @Test func queueHandsBatchesInOrderAndStopsWhenCancelled() {
        let queue = ImportBatchQueue<Int>(capacity: 2)
        let producer = Thread {
            var index = 0
            while queue.put([index]) { index += 1 }
            queue.finish(failure: nil)
        }
        producer.start()
        var taken: [Int] = []
        for _ in 0..<50 {
            guard let batch = queue.take() else { break }
            taken += batch
        }
        queue.cancel()
        #expect(queue.waitUntilFinished() == nil)
        #expect(taken == Array(0..<50))
    }
}
