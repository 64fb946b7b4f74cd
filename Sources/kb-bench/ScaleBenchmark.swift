import CSQLite
import Foundation
import KBCore

/// Speed at scale: kb against plain FTS5 (built-in `unicode61`, no kb logic) on the same generated tickets.
struct ScaleBenchmark {
    let tickets: Int
    let runs: Int
    let work: URL
    let kbBinary: URL
    /// Keep the work folder's generated tickets and databases from an earlier run with the same `--tickets`.
    let reuse: Bool
    /// Measure search only (latency, exactness, recall, tantivy), with `--reuse`: no review, automations or index runs.
    let searchOnly: Bool
    /// Measure only kb's exactness and planted-target recall (with the 50k reference), with `--reuse --search-only`: no
    /// latency runs, no raw FTS5 (which scores every match, seconds a query at 1M) and no tantivy.
    let exactnessOnly: Bool
    /// Measure only the import against raw FTS5 (`--import-only`), `--runs` times in turn whatever the size, on the
    /// work folder's tickets when it has them.
    let importOnly: Bool
    /// How many benchmark queries the exactness comparison runs (`--exactness-queries`, 500 by default): at 1M ranking
    /// every match takes seconds a query.
    let exactnessQueries: Int
    /// How many of the benchmark queries the exactness comparison skips first (`--exactness-skip`, 0 by default), so a
    /// long comparison can run in parts.
    let exactnessSkip: Int
    /// A synonyms file (`--synonyms FILE`) copied into the work folder's workspace before anything runs, so searches,
    /// suggestions and reviews expand its groups as a team's workspace would; without it the folder is left as it is.
    let synonyms: URL?

    init(arguments: [String]) throws {
        var arguments = arguments
        reuse = arguments.contains("--reuse")
        searchOnly = arguments.contains("--search-only")
        exactnessOnly = arguments.contains("--exactness-only")
        importOnly = arguments.contains("--import-only")
        arguments.removeAll { ["--reuse", "--search-only", "--exactness-only", "--import-only"].contains($0) }
        let parsed = try BenchArguments(arguments, allowed: ["--tickets", "--runs", "--work", "--exactness-queries", "--exactness-skip",
                                                             "--synonyms"])
        synonyms = parsed.value("--synonyms").map { URL(fileURLWithPath: $0) }
        tickets = try parsed.int("--tickets", 10_000)
        exactnessQueries = try parsed.int("--exactness-queries", 500)
        exactnessSkip = parsed.value("--exactness-skip") == "0" ? 0 : try parsed.int("--exactness-skip", 0)
        if exactnessOnly && !(reuse && searchOnly) {
            throw BenchError(description: "--exactness-only measures a store an earlier run left: add --reuse --search-only")
        }
        if importOnly && (reuse || searchOnly) {
            throw BenchError(description: "--import-only measures imports: it cannot be combined with --reuse or --search-only")
        }
        runs = try parsed.int("--runs", 3)
        work = URL(fileURLWithPath: parsed.value("--work") ?? FileManager.default.temporaryDirectory
            .appendingPathComponent("kb-bench-\(tickets)").path)
        kbBinary = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("kb")
    }

    /// Copies `--synonyms` into the workspace, and says which synonyms the run's searches expand (kb's, and tantivy's
    /// latency queries word by word; raw FTS5 expands none).
    private func useSynonyms() throws {
        let target = work.appendingPathComponent("kb/synonyms.txt")
        if let synonyms {
            guard FileManager.default.fileExists(atPath: synonyms.path) else {
                throw BenchError(description: "--synonyms: no file \(synonyms.path)")
            }
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.copyItem(at: synonyms, to: target)
        }
        let groups = (try? String(contentsOf: target, encoding: .utf8))?.split(separator: "\n")
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }.count
        print("synonyms: " + (groups.map { "\(target.path) (\($0) groups), kb and tantivy's latency queries" } ?? "none (\(target.path) absent)"))
        // A store kept from an earlier run lists the phrases of that run's synonyms: `kb index` lists these instead (an
        // import lists them itself).
        if FileManager.default.fileExists(atPath: work.appendingPathComponent(".kb/kb.sqlite").path) {
            let output = work.appendingPathComponent("kb-bench-index.txt")
            let seconds = try runKB(["index"], output: output).seconds
            let report = (try? String(contentsOf: output, encoding: .utf8)) ?? ""
            let phrases = report.split(separator: "\n").first { $0.hasPrefix("synonym phrases:") }.map(String.init) ?? "synonym phrases: unchanged"
            print("kb index: \(phrases) in \(fixed(seconds, 2)) s")
        }
    }

    func run() throws {
        if !(searchOnly && reuse), !FileManager.default.isExecutableFile(atPath: kbBinary.path) {
            // `swift run -c release kb-bench` builds only kb-bench; the import is timed with the real kb binary.
            try buildKB()
        }
        let dataFile = work.appendingPathComponent("tickets.jsonl")
        let databasePath = work.appendingPathComponent(".kb/kb.sqlite").path
        let rawPath = work.appendingPathComponent("raw.sqlite").path
        let reusable = reuse && [dataFile.path, databasePath].allSatisfy { FileManager.default.fileExists(atPath: $0) }
        if !reusable && !importOnly {
            try? FileManager.default.removeItem(at: work)
            try FileManager.default.createDirectory(at: work.appendingPathComponent("kb"), withIntermediateDirectories: true)
        }
        print("kb-bench: \(tickets) tickets, \(runs) runs, work folder \(work.path)")
        print("machine: \(ProcessInfo.processInfo.activeProcessorCount) cores, \(ProcessInfo.processInfo.physicalMemory / 1_073_741_824) GiB, SQLite \(String(cString: sqlite3_libversion()))")
        print("load average (1 min) at start: \(fixed(loadAverage(), 2))")
        try useSynonyms()

        var table = Table()
        if importOnly {
            // The tickets an earlier run generated are kept when there are as many as asked for: only the imports run.
            if try FileManager.default.fileExists(atPath: dataFile.path) && lineCount(dataFile) == tickets {
                print("importing the \(tickets) tickets already in \(dataFile.path)")
            } else {
                try FileManager.default.createDirectory(at: work.appendingPathComponent("kb"), withIntermediateDirectories: true)
                let generation = try measure { try generate(to: dataFile) }
                print("generated \(tickets) tickets in \(fixed(generation, 2)) s")
            }
            try importBenchmarks(dataFile: dataFile, databasePath: databasePath, rawPath: rawPath, table: &table)
            print()
            print(table.render())
            return
        }
        if reusable {
            let store = try Workspace(root: work).openStore(.read)
            let count = try store.ticketCount()
            try store.close()
            guard count == tickets else {
                throw BenchError(description: "--reuse: \(work.path) holds \(count) tickets, not \(tickets); run without --reuse")
            }
            print("reusing the tickets and databases in \(work.path): import not measured")
            if !exactnessOnly, !FileManager.default.fileExists(atPath: rawPath) { _ = try rawInsert(from: dataFile, into: rawPath) }
        } else {
            let generation = try measure { try generate(to: dataFile) }
            print("generated \(tickets) tickets in \(fixed(generation, 2)) s (\(Int(Double(tickets) / generation)) tickets/s)")
            try importBenchmarks(dataFile: dataFile, databasePath: databasePath, rawPath: rawPath, table: &table)
        }
        if !exactnessOnly { try queryBenchmarks(rawPath: rawPath, table: &table) }
        // Chosen once (two passes over the file): kb, raw FTS5 and tantivy look for the same targets.
        let targets = try plantedTargets(dataFile: dataFile)
        try exactnessBenchmarks(dataFile: dataFile, targets: targets, rawPath: exactnessOnly ? nil : rawPath, table: &table)
        if !exactnessOnly { try tantivyBenchmarks(dataFile: dataFile, targets: targets, table: &table) }
        if !searchOnly {
            // What each table of both files occupies: a full read of both files (minutes at 1M), not a search figure.
            try storeAccounting(databasePath: databasePath, rawPath: rawPath)
            try reviewBenchmarks(table: &table)
            try indexBenchmarks(table: &table)
        }
        print()
        print(table.render())
    }

    /// Builds the `kb` product next to this binary (same configuration) with SwiftPM.
    func buildKB() throws {
        let configuration = kbBinary.deletingLastPathComponent().lastPathComponent.hasPrefix("debug") ? "debug" : "release"
        print("building kb (swift build -c \(configuration) --product kb)…")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["swift", "build", "-c", configuration, "--product", "kb"]
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0, FileManager.default.isExecutableFile(atPath: kbBinary.path) else {
            throw BenchError(description: "could not build kb; run swift build -c release --product kb (expected \(kbBinary.path))")
        }
    }

    /// Import through the real CLI (a child process, so peak memory is kb's own) against raw FTS5 inserts, run by run
    /// in turn — kb, raw, raw with kb's tokenizer — so that a machine whose speed drifts slows both sides of a pair
    /// alike; the ratio is taken per run, then its median. Above 500,000 tickets one run unless `--import-only`.
    func importBenchmarks(dataFile: URL, databasePath: String, rawPath: String, table: inout Table) throws {
        var importTimes: [Double] = []
        var importCPU: [Double] = []
        var peakKB = 0
        var rawTimes: [Double] = []
        var rawCPU: [Double] = []
        var tokenizerTimes: [Double] = []
        var tokenizerCPU: [Double] = []
        var databaseBytes = 0
        var parsedRows: [[String]]?
        let tokenizerPath = work.appendingPathComponent("raw-kb-tokenizer.sqlite").path
        for run in 0..<runs {
            try removeDatabase()
            let (seconds, maxRSS, cpu) = try runKB(["import", dataFile.path])
            importTimes.append(seconds)
            importCPU.append(cpu)
            // Read from the first run, before this process parses and inserts the raw rows: a kb spawned after them
            // reported this process's peak as its own (1,497 MB at 1M; Linux keeps a spawned child's peak across `exec`).
            if run == 0 { peakKB = maxRSS }
            databaseBytes = try fileSize(databasePath)
            let rows = try parsedRows ?? rawRows(from: dataFile)
            parsedRows = rows
            let raw = try rawInsertTimes(rows: rows, into: rawPath, tokenizer: "unicode61 remove_diacritics 2")
            rawTimes.append(raw.seconds)
            rawCPU.append(raw.cpuSeconds)
            let withKB = try rawInsertTimes(rows: rows, into: tokenizerPath, tokenizer: "kb")
            tokenizerTimes.append(withKB.seconds)
            tokenizerCPU.append(withKB.cpuSeconds)
            print("import run \(run + 1): kb \(fixed(seconds, 2)) s, raw FTS5 \(fixed(raw.seconds, 2)) s, kb/raw rate "
                  + "\(fixed(raw.seconds / seconds, 2)), load average \(fixed(loadAverage(), 2))")
            if run == 0 && tickets >= 500_000 && !importOnly { break }
        }
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: tokenizerPath + suffix) }
        let rawBytes = try fileSize(rawPath)
        let kbRate = Double(tickets) / median(importTimes)
        let rawRate = Double(tickets) / median(rawTimes)
        let ratios = zip(rawTimes, importTimes).map { $0 / $1 }
        table.add("import rate (tickets/s)", kb: kbRate, raw: rawRate, spread: spread(importTimes.map { Double(tickets) / $0 }),
                  target: "")
        table.add("import rate, kb/raw of each run in turn (median)", kb: median(ratios), raw: nil, spread: spread(ratios),
                  target: "kb/raw >= 0.75 (#24)")
        // The same raw insert with kb's tokenizer (Snowball stemming, codes, accent folding) instead of unicode61.
        table.add("FTS5 insert with kb's tokenizer (tickets/s)", kb: Double(tickets) / median(tokenizerTimes), raw: rawRate,
                  spread: spread(tokenizerTimes.map { Double(tickets) / $0 }), target: "kb/raw >= 0.70 (#4)")
        // CPU time does not wait for a core: on a shared machine it compares the work done, where wall time also
        // counts the queue (kb's import is a child process of two threads: user + system time of both).
        table.add("import CPU time, whole process vs the raw insert (s)", kb: median(importCPU), raw: median(rawCPU),
                  spread: spread(importCPU), target: "")
        table.add("FTS5 insert with kb's tokenizer, CPU time (s)", kb: median(tokenizerCPU), raw: median(rawCPU),
                  spread: spread(tokenizerCPU), target: "")
        table.add("database size (MB)", kb: Double(databaseBytes) / 1e6, raw: Double(rawBytes) / 1e6, spread: nil)
        table.add("import peak memory (MB)", kb: Double(peakKB) / 1024, raw: nil, spread: nil, target: "< 200")
        print("import: kb \(Int(kbRate)) tickets/s (CPU \(fixed(median(importCPU), 2)) s), raw FTS5 \(Int(rawRate)) tickets/s "
              + "(CPU \(fixed(median(rawCPU), 2)) s), load average \(fixed(loadAverage(), 2))")
    }

    /// `kb review` of closed severity 1-2 incidents, `kb automations` and `kb gaps`, whole processes as a user runs them.
    func reviewBenchmarks(table: inout Table) throws {
        let store = try Workspace(root: work).openStore(.read)
        let incidents = try store.connection.prepare("""
            SELECT id FROM tickets WHERE status = 'closed' AND severity <= 2 ORDER BY rowid DESC LIMIT 20
            """).map { $0.text(0) }
        try store.close()
        guard !incidents.isEmpty else { throw BenchError(description: "no closed severity 1-2 ticket to review") }
        var reviewTimes: [Double] = []
        for _ in 0..<runs {
            for id in incidents { reviewTimes.append(try runKB(["review", id]).seconds * 1000) }
        }
        table.add("review p50 (ms)", kb: percentile(reviewTimes, 0.5), raw: nil, spread: spread(reviewTimes), target: "< 300")
        var automationTimes: [Double] = []
        for _ in 0..<runs { automationTimes.append(try runKB(["automations", "--json"]).seconds) }
        table.add("automations, all tickets (s)", kb: median(automationTimes), raw: nil, spread: spread(automationTimes), target: "< 30")
        // Knowledge gaps profile, check against the articles and cluster every solved ticket of the last 180 days.
        var gapTimes: [Double] = []
        for _ in 0..<runs { gapTimes.append(try runKB(["gaps", "--json"]).seconds) }
        table.add("gaps, the last 180 days (s)", kb: median(gapTimes), raw: nil, spread: spread(gapTimes), target: "")
        print("review, automations and gaps measured")
    }

    /// Search against kb and the raw table (the same 1,000 queries), then intake suggestions.
    func queryBenchmarks(rawPath: String, table: inout Table) throws {
        let queries = benchmarkQueries()
        let workspace = Workspace(root: work)
        let store = try workspace.openStore(.read)
        defer { try? store.close() }
        let builder = try workspace.queryBuilder(for: store)
        var kbLatencies: [[Double]] = []
        var rawLatencies: [[Double]] = []
        let raw = try Connection(path: rawPath, mode: .readOnly)
        defer { try? raw.close() }
        let rawQuery = try raw.prepare("SELECT rowid, bm25(raw) FROM raw WHERE raw MATCH ? ORDER BY bm25(raw) LIMIT 10")
        var coldLatencies: [[Double]] = []
        var cpuTimes: [[Double]] = []
        var loads: [Double] = []
        for _ in 0..<runs {
            // One engine for every query, as `kb serve` and `kb search --queries` keep theirs.
            let engine = try SearchEngine(store: store, builder: builder)
            var times: [Double] = []
            var cpu: [Double] = []
            for query in queries {
                let cpuStart = threadCPUSeconds()
                times.append(try measure { _ = try engine.search(query) } * 1000)
                cpu.append((threadCPUSeconds() - cpuStart) * 1000)
            }
            kbLatencies.append(times)
            cpuTimes.append(cpu)
            loads.append(loadAverage())
            // A new engine per query, as each `kb search` process starts with no cached term statistics.
            coldLatencies.append(try queries.map { query in
                try measure { _ = try SearchEngine(store: store, builder: builder).search(query) } * 1000
            })
            // Raw FTS5 ranks every match: on large stores a query takes seconds, so it runs a sample, once.
            guard rawLatencies.isEmpty || tickets <= 100_000 else { continue }
            var rawTimes: [Double] = []
            for query in tickets <= 100_000 ? queries : Array(queries.prefix(100)) {
                let expression = rawExpression(query)
                rawTimes.append(try measure { _ = try rawQuery.map([expression]) { $0.int64(0) } } * 1000)
            }
            rawLatencies.append(rawTimes)
        }
        table.add("search p50 (ms)", kb: median(kbLatencies.map { percentile($0, 0.5) }), raw: median(rawLatencies.map { percentile($0, 0.5) }),
                  spread: spread(kbLatencies.map { percentile($0, 0.5) }), target: "<= 12 (2 at 10k)")
        table.add("search p99 (ms)", kb: median(kbLatencies.map { percentile($0, 0.99) }), raw: median(rawLatencies.map { percentile($0, 0.99) }),
                  spread: spread(kbLatencies.map { percentile($0, 0.99) }), target: "<= 40")
        table.add("search CPU time p50 / query (ms)", kb: median(cpuTimes.map { percentile($0, 0.5) }), raw: nil,
                  spread: spread(cpuTimes.map { percentile($0, 0.5) }))
        table.add("search CPU time p99 / query (ms)", kb: median(cpuTimes.map { percentile($0, 0.99) }), raw: nil,
                  spread: spread(cpuTimes.map { percentile($0, 0.99) }))
        table.add("search p50, new engine per query (ms)", kb: median(coldLatencies.map { percentile($0, 0.5) }), raw: nil,
                  spread: spread(coldLatencies.map { percentile($0, 0.5) }))
        table.add("search p99, new engine per query (ms)", kb: median(coldLatencies.map { percentile($0, 0.99) }), raw: nil,
                  spread: spread(coldLatencies.map { percentile($0, 0.99) }))
        table.add("load average (1 min) after each search run", kb: median(loads), raw: nil, spread: spread(loads))

        // Intake suggestions for 200 new tickets of the same kinds.
        let policy = try workspace.loadPolicy()
        let requests = intakeRequests()
        var suggestLatencies: [[Double]] = []
        for _ in 0..<runs {
            suggestLatencies.append(try requests.map { request in
                try measure {
                    let engine = try SearchEngine(store: store, builder: builder)
                    _ = try Suggester(store: store, engine: engine, policy: policy).suggest(request)
                } * 1000
            })
        }
        table.add("suggest p50 (ms)", kb: median(suggestLatencies.map { percentile($0, 0.5) }), raw: nil,
                  spread: spread(suggestLatencies.map { percentile($0, 0.5) }), target: "< 100")
        table.add("suggest p99 (ms)", kb: median(suggestLatencies.map { percentile($0, 0.99) }), raw: nil,
                  spread: spread(suggestLatencies.map { percentile($0, 0.99) }))
        print("search and suggest measured")
    }

    /// `kb index` over 10,000 articles: first run, then a run with nothing changed.
    func indexBenchmarks(table: inout Table) throws {
        let articleRoot = work.appendingPathComponent("articles-workspace")
        try writeArticles(count: 10_000, root: articleRoot)
        var firstIndex: [Double] = []
        var unchangedIndex: [Double] = []
        for _ in 0..<runs {
            try? FileManager.default.removeItem(at: articleRoot.appendingPathComponent(".kb"))
            firstIndex.append(try runKB(["index", "--root", articleRoot.path]).seconds)
            unchangedIndex.append(try runKB(["index", "--root", articleRoot.path]).seconds)
        }
        table.add("index 10,000 articles, first (s)", kb: median(firstIndex), raw: nil, spread: spread(firstIndex))
        table.add("index 10,000 articles, no change (s)", kb: median(unchangedIndex), raw: nil, spread: spread(unchangedIndex), target: "< 0.5")
    }

    // MARK: - Data

    func generate(to url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        var buffer = ""
        buffer.reserveCapacity(1 << 22)
        TicketGenerator(seed: 42).writeJSONLines(count: tickets) { line in
            buffer += line
            buffer += "\n"
            if buffer.utf8.count > 1 << 22 {
                handle.write(Data(buffer.utf8))
                buffer.removeAll(keepingCapacity: true)
            }
        }
        handle.write(Data(buffer.utf8))
    }

    /// A fixed set of 1,000 queries as agents type them: ticket titles and short keyword queries from
    /// another seed (so they are not copies of indexed titles).
    func benchmarkQueries() -> [String] { Self.benchmarkQueries() }

    static func benchmarkQueries() -> [String] {
        let generator = TicketGenerator(seed: 7)
        var queries: [String] = []
        for index in 0..<1_000 {
            let line = generator.line(at: index * 37, count: 100_000)
            guard let json = try? JSONParser().parse(line), let title = json["title"]?.stringValue else { continue }
            if index % 3 == 0 {
                queries.append(title.split(separator: " ").prefix(3).joined(separator: " "))
            } else {
                queries.append(title)
            }
        }
        return queries
    }

    func intakeRequests() -> [IntakeRequest] {
        let generator = TicketGenerator(seed: 11)
        return (0..<200).compactMap { index in
            let line = generator.line(at: index * 101, count: 100_000)
            guard let json = try? JSONParser().parse(line), let ticket = try? Ticket(json: json) else { return nil }
            return IntakeRequest(title: ticket.title, description: ticket.description, customer: ticket.customer,
                                 receivedAt: TicketGenerator.snapshot)
        }
    }

    func writeArticles(count: Int, root: URL) throws {
        let articles = root.appendingPathComponent("kb/articles")
        try FileManager.default.createDirectory(at: articles, withIntermediateDirectories: true)
        let source = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("kb/articles")
        let templates = try ArticleScanner.scan(root: source.deletingLastPathComponent().deletingLastPathComponent())
            .compactMap(\.text)
        guard !templates.isEmpty else { throw BenchError(description: "run from the repository root (needs kb/articles)") }
        for index in 0..<count {
            var text = templates[index % templates.count]
            if let range = text.range(of: #"id: KB-\d+"#, options: .regularExpression) {
                text.replaceSubrange(range, with: "id: KB-\(String(format: "%05d", index + 1))")
            }
            let folder = articles.appendingPathComponent(String(format: "%03d", index / 100))
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: folder.appendingPathComponent("articulo-\(index).md"))
        }
    }

    // MARK: - Raw FTS5

    /// The same text columns inserted into a plain FTS5 table with `unicode61`, prepared inserts, one transaction, the
    /// connection closed (its WAL checkpointed).
    func rawInsert(from url: URL, into path: String, tokenizer: String = "unicode61 remove_diacritics 2") throws -> Double {
        try rawInsert(rows: try rawRows(from: url), into: path, tokenizer: tokenizer)
    }

    /// The five text columns of every ticket, extracted before any timing so it covers only SQLite's work.
    func rawRows(from url: URL) throws -> [[String]] {
        var rows: [[String]] = []
        rows.reserveCapacity(min(tickets, 2_000_000))
        let reader = try LineReader(path: url.path)
        try reader.forEachLine { _, line in
            guard case .text(let bytes) = line, let json = try? JSONParser().parse(bytes),
                  let ticket = try? Ticket(json: json, timeZoneCheck: { _ in true }) else { return true }
            rows.append([ticket.title, ticket.description, ticket.resolution ?? "", ticket.rootCause ?? "", ticket.eventsText])
            return true
        }
        return rows
    }

    /// Seconds to insert `rows` into a fresh FTS5 table with `tokenizer` (`kb` is registered on the connection).
    func rawInsert(rows: [[String]], into path: String, tokenizer: String) throws -> Double {
        try rawInsertTimes(rows: rows, into: path, tokenizer: tokenizer).seconds
    }

    /// `rawInsert(rows:into:tokenizer:)`'s wall time and this thread's CPU time for the same inserts.
    func rawInsertTimes(rows: [[String]], into path: String, tokenizer: String) throws -> (seconds: Double, cpuSeconds: Double) {
        for suffix in ["", "-wal", "-shm", "-journal"] { try? FileManager.default.removeItem(atPath: path + suffix) }
        let connection = try Connection(path: path)
        try connection.registerTokenizer(language: .spanish)
        // The journal kb's import of a new store writes through (`Store.withRollbackJournal`), so the two compare the
        // work, not the journal: through the write-ahead log both would write every page twice.
        _ = try connection.scalarText("PRAGMA journal_mode = DELETE")
        try connection.execute("PRAGMA synchronous = FULL")
        try connection.execute("CREATE VIRTUAL TABLE raw USING fts5(title, description, resolution, root_cause, events_text, tokenize = '\(tokenizer)')")
        let cpuBefore = threadCPUSeconds()
        // Closing is timed too, as kb's import closes its store before it returns.
        let seconds = try measure {
            do {
                let insert = try connection.prepare("INSERT INTO raw(title, description, resolution, root_cause, events_text) VALUES (?, ?, ?, ?, ?)")
                try connection.transaction {
                    for row in rows { try insert.execute(row) }
                }
            }
            // The statement is finalised by now: closing would fail on a live one.
            try connection.close()
        }
        let cpuSeconds = threadCPUSeconds() - cpuBefore
        return (seconds, cpuSeconds)
    }

    func rawExpression(_ query: String) -> String {
        let words = query.split { !$0.isLetter && !$0.isNumber }.map { "\"" + $0 + "\"" }
        return words.isEmpty ? "\"\"" : words.joined(separator: " OR ")
    }

    // MARK: - Measuring

    /// Runs kb in `work` and returns its wall time, its own peak memory and its CPU time (user + system, all threads);
    /// its standard output goes to the file `output` (nothing kept without one).
    ///
    /// `wait4` gives the child's own resource usage; `getrusage(RUSAGE_CHILDREN)` would report the largest of all
    /// children so far, `swift build` included when this run had to build kb.
    func runKB(_ arguments: [String], in directory: URL? = nil,
               output: URL? = nil) throws -> (seconds: Double, maxRSSKilobytes: Int, cpuSeconds: Double) {
        let directory = directory ?? work
        let errorPath = work.appendingPathComponent("kb-bench-stderr.txt").path
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output?.path ?? "/dev/null", output == nil ? O_WRONLY : O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, errorPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let argv: [UnsafeMutablePointer<CChar>?] = ([kbBinary.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        let previousDirectory = FileManager.default.currentDirectoryPath
        guard FileManager.default.changeCurrentDirectoryPath(directory.path) else {
            throw BenchError(description: "cannot enter \(directory.path)")
        }
        defer { _ = FileManager.default.changeCurrentDirectoryPath(previousDirectory) }
        var pid: pid_t = 0
        let start = DispatchTime.now().uptimeNanoseconds
        let spawned = posix_spawn(&pid, kbBinary.path, &actions, nil, argv, environ)
        guard spawned == 0 else { throw BenchError(description: "cannot run \(kbBinary.path): error \(spawned)") }
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) == -1 && errno == EINTR {}
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        guard status == 0 else {
            let errorText = (try? String(contentsOfFile: errorPath, encoding: .utf8)) ?? ""
            throw BenchError(description: "kb \(arguments.joined(separator: " ")) failed: \(errorText.prefix(2000))")
        }
        let cpu = [usage.ru_utime, usage.ru_stime].reduce(0.0) { $0 + Double($1.tv_sec) + Double($1.tv_usec) / 1e6 }
        return (seconds, Int(usage.ru_maxrss), cpu)
    }

    /// How many lines `url` holds (the generator writes one ticket a line), read as every other pass over it reads.
    func lineCount(_ url: URL) throws -> Int {
        var count = 0
        try LineReader(path: url.path).forEachLine { number, _ in
            count = number
            return true
        }
        return count
    }

    func removeDatabase() throws {
        let path = work.appendingPathComponent(".kb/kb.sqlite").path
        for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
    }

    func fileSize(_ path: String) throws -> Int {
        var total = 0
        for suffix in ["", "-wal"] {
            if let attributes = try? FileManager.default.attributesOfItem(atPath: path + suffix) {
                total += (attributes[.size] as? Int) ?? 0
            }
        }
        return total
    }
}

func measure(_ body: () throws -> Void) rethrows -> Double {
    let start = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// CPU time this thread has used, in seconds: unlike wall time, not inflated by waiting for a core on a busy machine.
func threadCPUSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// The machine's load average over the last minute (`/proc/loadavg`), 0 when unreadable.
func loadAverage() -> Double {
    guard let text = try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8) else { return 0 }
    return text.split(separator: " ").first.flatMap { Double($0) } ?? 0
}

/// The middle value, or the mean of the two middle ones when there is an even number (two runs' median is not the
/// slower one).
func median(_ values: [Double]) -> Double {
    guard values.count % 2 == 0, !values.isEmpty else { return percentile(values, 0.5) }
    let sorted = values.sorted()
    return (sorted[values.count / 2 - 1] + sorted[values.count / 2]) / 2
}

func percentile(_ values: [Double], _ p: Double) -> Double {
    guard !values.isEmpty else { return 0 }
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((Double(sorted.count - 1) * p).rounded()))]
}

func spread(_ values: [Double]) -> (Double, Double)? {
    guard values.count > 1, let low = values.min(), let high = values.max() else { return nil }
    return (low, high)
}

func fixed(_ value: Double, _ decimals: Int = 3) -> String {
    String(format: "%.\(decimals)f", locale: Locale(identifier: "en_US_POSIX"), value)
}

/// The printed comparison: kb's figure, the raw figure, their ratio.
struct Table {
    private var rows: [[String]] = [["measure", "kb", "spread (min-max)", "raw FTS5", "kb/raw", "target at 1M"]]

    mutating func add(_ name: String, kb: Double, raw: Double?, spread: (Double, Double)?, target: String = "") {
        let decimals = kb >= 100 ? 0 : 2
        rows.append([
            name, fixed(kb, decimals), spread.map { fixed($0.0, decimals) + "-" + fixed($0.1, decimals) } ?? "",
            raw.map { fixed($0, decimals) } ?? "", raw.map { $0 > 0 ? fixed(kb / $0, 2) : "" } ?? "", target,
        ])
    }

    func render() -> String {
        let widths = (0..<rows[0].count).map { column in rows.map { $0[column].count }.max() ?? 0 }
        return rows.map { row in
            row.enumerated().map { column, cell in
                column == 0 ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell.leftPadded(widths[column])
            }.joined(separator: "  ")
        }.joined(separator: "\n")
    }
}
