import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A bulk write's postings go through sorted runs in a temporary file and reach the table once, merged; the table ends
/// as the same postings whatever the runs were.
@Suite struct TicketPostingRunsTests {
    typealias Postings = TicketPostingsTests

    /// Buffer limits from a run per ticket (700 runs: merged into the table whenever 128 are held) to one run at the end.
    @Test(arguments: [300, 4_000, 60_000, TicketPostingsWriter.flushBytes])
    func importThroughRunsHoldsWhatFTS5Holds(bufferLimit: Int) throws {
        let reference = try TemporaryDirectory()
        let expected: [String: [Int64: TicketPostingsTests.Entry]]
        do {
            let store = try Postings.makeStore(reference)
            defer { try? store.close() }
            store.ticketPostingsWriter.bufferLimit = .max
            _ = try Postings.importLines(Postings.lines(count: 700), into: store, in: reference)
            expected = try Postings.storedPostings(store)
        }
        let directory = try TemporaryDirectory()
        let store = try Postings.makeStore(directory)
        defer { try? store.close() }
        store.ticketPostingsWriter.bufferLimit = bufferLimit
        let report = try Postings.importLines(Postings.lines(count: 700), into: store, in: directory)
        #expect(report.inserted == 700)
        #expect(try Postings.storedPostings(store) == expected)
        try Postings.expectInStep(store)
        // Blocks are filled as an import in one piece fills them: every term's blocks but its last hold `capacity`.
        var counts: [String: [Int]] = [:]
        try store.connection.prepare("SELECT term, data FROM ticket_postings ORDER BY term, last_rowid").forEachRow { row in
            counts[row.text(0), default: []].append(try row.withBlob(1) { try TicketPostingBlock.count($0) })
        }
        #expect(counts.values.allSatisfy { $0.dropLast().allSatisfy { $0 == TicketPostingBlock.capacity } })
        #expect(counts.values.contains { $0.count > 2 })
        #expect(try Self.leftovers(directory).isEmpty)
    }

    /// A ticket sent twice in a first import is replaced in place: the runs reach the table before its old postings are
    /// taken out, and the import goes on through new runs.
    @Test func ticketSentTwiceInAFirstImport() throws {
        let directory = try TemporaryDirectory()
        let store = try Postings.makeStore(directory)
        defer { try? store.close() }
        store.ticketPostingsWriter.bufferLimit = 2_000
        let lines = Postings.lines(count: 500)
        let again = TicketFixtures.line(id: TicketGenerator.ticketID(at: 10), title: "Zanahoria morada en la centralita",
                                        extra: #""resolution":"Cambiamos la zanahoria""#)
        // One id twice in a file is refused; in two files of one import, the second replaces the first.
        let first = try directory.write("a.jsonl", lines[..<300].joined(separator: "\n") + "\n")
        let second = try directory.write("b.jsonl", ([again] + lines[300...]).joined(separator: "\n") + "\n")
        let report = try TicketImporter(store: store).importFiles([first.path, second.path])
        #expect(report.inserted == 500 && report.updated == 1)
        try Postings.expectInStep(store)
        let carrot = try Postings.term("zanahoria", store)
        let rowid = try store.connection.scalarInt("SELECT rowid FROM tickets WHERE id = ?", [TicketGenerator.ticketID(at: 10)])
        #expect(try store.ticketPostings(of: carrot).map(\.rowid) == [Int64(rowid)])
    }

    /// `kb import --strict` with a bad line after many runs writes no posting, and leaves no file behind.
    @Test func rolledBackImportLeavesNoPostingsNorFile() throws {
        let directory = try TemporaryDirectory()
        let store = try Postings.makeStore(directory)
        defer { try? store.close() }
        _ = try Postings.importLines(Postings.lines(count: 100), into: store, in: directory)
        let before = try Postings.storedPostings(store)
        store.ticketPostingsWriter.bufferLimit = 1_000
        var bad = Postings.lines(count: 400, seed: 5, variant: 3)
        bad.insert("{not json", at: 390)
        let report = try Postings.importLines(bad, into: store, in: directory, name: "bad.jsonl", strict: true)
        #expect(report.rolledBack)
        #expect(try Postings.storedPostings(store) == before)
        #expect(try Self.leftovers(directory).isEmpty)
        // The next import, into a store that holds tickets, appends through runs of its own.
        _ = try Postings.importLines(Postings.lines(count: 400, seed: 5), into: store, in: directory, name: "good.jsonl")
        try Postings.expectInStep(store)
    }

    /// Runs merge term by term in byte order, each term's entries in the order their runs were written, whatever the
    /// size of an entry against the reading buffer; the file is gone from its folder from the start.
    @Test func runsMergeInTermOrderAndRunOrder() throws {
        let directory = try TemporaryDirectory()
        let runs = try TicketPostingRuns(directory: directory.url.path)
        #expect(try Self.leftovers(directory).isEmpty)
        let large = [UInt8](repeating: 7, count: 3 * TicketPostingRuns.readBytes + 5)
        let written: [[(String, Int64, [UInt8])]] = [
            [("a", 3, [1, 2, 3]), ("c", 4, large), ("ñu", 4, [9])],
            [("a", 10, [4]), ("b", 11, [5, 6])],
            [("c", 20, [8]), ("ñ", 21, [])],
        ]
        for run in written {
            for (term, lastRowid, body) in run {
                var term = term
                try term.withUTF8 { term in
                    try body.withUnsafeBufferPointer { try runs.append(term: term, count: body.count, lastRowid: lastRowid, body: $0) }
                }
            }
            try runs.endRun()
        }
        #expect(runs.count == 3 && runs.highestRowid == 21)
        var merged: [(String, [Int64])] = []
        try runs.merge { term, entries in
            merged.append((String(decoding: term, as: UTF8.self), entries.map(\.lastRowid)))
            #expect(entries.allSatisfy { $0.body.count == $0.count })
            if term == Array("c".utf8) { #expect(entries[0].body == large) }
        }
        #expect(merged.map(\.0) == ["a", "b", "c", "ñ", "ñu"])
        #expect(merged.map(\.1) == [[3, 10], [11], [4, 20], [21], [4]])
        runs.clear()
        #expect(runs.isEmpty && runs.highestRowid == .min)
        var nothing = 0
        try runs.merge { _, _ in nothing += 1 }
        #expect(nothing == 0)
    }

    /// A folder where no temporary file can be made is named with the reason and what to do.
    @Test func unusableFolderIsASentence() throws {
        let directory = try TemporaryDirectory()
        let missing = directory.url.appendingPathComponent("no-such-folder").path
        #expect(throws: StoreError.scratchFile(directory: missing, reason: "No such file or directory")) {
            _ = try TicketPostingRuns(directory: missing)
        }
        let message = StoreError.scratchFile(directory: missing, reason: "No space left on device").diagnostic.message
        #expect(message.hasPrefix("cannot use a temporary file in \(missing) while writing the posting lists: No space left on device"))
        #expect(message.contains("nothing was written") && message.contains("run the command again"))
    }

    /// Files in `directory` other than the database's own.
    static func leftovers(_ directory: TemporaryDirectory) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.url.path).sorted()
            .filter { !$0.hasPrefix("kb.sqlite") && !$0.hasSuffix(".jsonl") }
    }
}
