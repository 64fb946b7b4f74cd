import Foundation
import Testing
import KBCore
import KBTestSupport

/// kb processes and connections at work on one database at once (WAL): readers never see half an import or
/// half an index run and never fail with "database is locked"; two imports serialise and both apply.
@Suite(.serialized, .enabled(if: BuiltBinary.kbURL != nil, "needs the built kb executable"))
struct ConcurrencyTests {
    static func writeTickets(prefix: String, count: Int, to url: URL) throws {
        var text = ""
        text.reserveCapacity(count * 420)
        for index in 0..<count {
            text += TicketFixtures.line(id: "\(prefix)-\(index)", title: "Incidente \(index) del portal caído") + "\n"
        }
        try Data(text.utf8).write(to: url)
    }

    /// Runs `body` repeatedly while `process` runs; returns how many times it ran.
    static func whileRunning(_ process: Process, _ body: () throws -> Void) rethrows -> Int {
        var rounds = 0
        while process.isRunning {
            try body()
            rounds += 1
        }
        process.waitUntilExit()
        return rounds
    }

    @Test func searchesDuringImportSeeBeforeOrAfter() throws {
        let directory = try TemporaryDirectory(prefix: "kb-concurrency")
        try directory.makeWorkspace()
        try directory.write("seed.jsonl", TicketFixtures.line(id: "SEED-1") + "\n")
        #expect(try BuiltBinary.run(["import", "seed.jsonl"], in: directory.url).code == 0)
        let count = 20_000
        try Self.writeTickets(prefix: "T", count: count, to: directory.url.appendingPathComponent("tickets.jsonl"))

        // Not `.read`, which would hold one snapshot throughout: each statement here sees the latest commit.
        let reader = try Workspace(root: directory.url).openStore(.write)
        defer { try? reader.close() }
        let engine = try SearchEngine(store: reader, builder: try Workspace(root: directory.url).queryBuilder(for: reader))
        var seen = Set<Int>()
        var failures: [String] = []
        var children = 0
        let process = try BuiltBinary.start(["import", "tickets.jsonl"], in: directory.url)
        let rounds = try Self.whileRunning(process) {
            do {
                let stored = try reader.ticketCount()
                let matches = try reader.ticketMatchCount(Self.incidente, limit: .max)
                seen.insert(stored)
                if ![1, count + 1].contains(stored) || ![0, count].contains(matches) {
                    failures.append("saw \(stored) tickets and \(matches) index entries")
                }
                _ = try engine.search("portal caído incidente")
                // A fresh connection opens (WAL pragma, schema check) while the import holds the write lock.
                try Workspace(root: directory.url).openStore(.read).close()
            } catch {
                failures.append("\(error)")
            }
            if children < 4 {
                children += 1
                let search = try BuiltBinary.run(["search", "--json", "incidente", "portal"], in: directory.url)
                if search.code != 0 { failures.append("kb search exited \(search.code): \(search.stderr)") }
            }
        }
        #expect(process.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(rounds > 3, "the reader should have run during the import")
        #expect(seen.contains(1), "the import ended before any read; nothing was tested")
        #expect(try reader.ticketCount() == count + 1)
    }

    /// Two imports started together on a new workspace (both create the database): one waits for the other,
    /// both succeed, and both files are in the database.
    @Test func twoImportsSerialise() throws {
        let directory = try TemporaryDirectory(prefix: "kb-concurrency")
        try directory.makeWorkspace()
        try Self.writeTickets(prefix: "A", count: 8_000, to: directory.url.appendingPathComponent("a.jsonl"))
        try Self.writeTickets(prefix: "B", count: 8_000, to: directory.url.appendingPathComponent("b.jsonl"))
        let group = DispatchGroup()
        let results = ResultBox()
        let root = directory.url
        for name in ["a.jsonl", "b.jsonl"] {
            group.enter()
            Thread {
                let result = try? BuiltBinary.run(["import", name], in: root)
                results.add(name, result.map { ($0.code, $0.stderr) } ?? (-1, "did not start"))
                group.leave()
            }.start()
        }
        group.wait()
        for (name, result) in results.all {
            #expect(result.code == 0, "\(name): \(result.stderr)")
        }
        let store = try Workspace(root: directory.url).openStore(.read)
        defer { try? store.close() }
        try store.checkIntegrity()
        #expect(try store.ticketCount() == 16_000)
        #expect(try store.ticketMatchCount(Self.incidente, limit: .max) == 16_000)
    }

    /// The tickets holding "incidente", as a search matches them.
    static let incidente = MatchExpression(text: #""incidente""#, phrases: [.init(text: "incidente", isPrefix: false)])

    /// `kb index` over 3,000 articles while searches run: each search sees the old or the new version of
    /// the articles, never a mixture, and none fails.
    @Test func indexDuringSearch() throws {
        let corpus = try ArticleCorpus(count: 3_000)
        #expect(try BuiltBinary.run(["index"], in: corpus.root).code == 0)
        for index in stride(from: 0, to: 3_000, by: 3) { try corpus.write(index, word: "cambiado") }

        // A live connection (not `.read`): each statement sees the latest commit.
        let store = try Workspace(root: corpus.root).openStore(.write)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try Workspace(root: corpus.root).queryBuilder(for: store))
        var failures: [String] = []
        var seen = Set<Int>()
        let process = try BuiltBinary.start(["index"], in: corpus.root)
        let rounds = Self.whileRunning(process) {
            do {
                let changed = try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'cambiado'")
                let original = try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'original'")
                seen.insert(changed)
                if !((changed == 0 && original == 3_000) || (changed == 1_000 && original == 2_000)) {
                    failures.append("saw \(changed) changed and \(original) original articles")
                }
                var filters = SearchFilters()
                filters.type = .article
                _ = try engine.search("portal cambiado", filters: filters)
            } catch {
                failures.append("\(error)")
            }
        }
        #expect(process.terminationStatus == 0)
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(rounds > 3 && seen.contains(0), "the searches should have run during the index")
        #expect(try store.connection.scalarInt("SELECT count(*) FROM articles_fts WHERE articles_fts MATCH 'cambiado'") == 1_000)
    }
}

/// Results handed back from the threads that run the imports.
final class ResultBox: @unchecked Sendable {
    private let lock = NSLock()
    private var results: [String: (code: Int32, stderr: String)] = [:]

    func add(_ name: String, _ result: (Int32, String)) {
        lock.lock()
        results[name] = result
        lock.unlock()
    }

    var all: [(String, (code: Int32, stderr: String))] {
        lock.lock()
        defer { lock.unlock() }
        return results.sorted { $0.key < $1.key }
    }
}
