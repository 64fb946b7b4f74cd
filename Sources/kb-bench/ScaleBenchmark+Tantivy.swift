import Foundation
import KBCore

/// tantivy on the same corpus, as a child process (`scripts/tantivy-bench.py`, Python's `tantivy` 0.27): its import
/// rate, index size, search latency, exactness and recall of the old planted targets, beside kb's.
extension ScaleBenchmark {
    /// What the runner reported.
    struct TantivyFigures {
        let importSeconds: Double
        let indexBytes: Double
        let latencies: [[Double]]
        let cpu: [[Double]]
        let identical: Double
        let overlap: Double
        let compared: Double
        let targetsFound: Double
        let targetQueries: Double
        let expanded: Double
    }

    static let tantivyScriptPath = "scripts/tantivy-bench.py"

    /// The tantivy runner in the current folder, or else in the repository whose `.build` holds this binary: a run
    /// started in its work folder (as `--work .`) still compares with tantivy instead of skipping it.
    static func tantivyScript() -> URL? {
        var folders = [URL(fileURLWithPath: FileManager.default.currentDirectoryPath)]
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<5 {
            folders.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return folders.map { $0.appendingPathComponent(tantivyScriptPath) }.first { FileManager.default.fileExists(atPath: $0.path) }
    }

    /// Runs the tantivy runner and adds its figures to `table`; prints why and goes on when python3, the runner or
    /// the `tantivy` module is missing.
    func tantivyBenchmarks(dataFile: URL, targets: [PlantedTarget], table: inout Table) throws {
        guard let script = Self.tantivyScript() else {
            print("tantivy: skipped (no \(Self.tantivyScriptPath) in the current folder or above this binary; run kb-bench "
                  + "from the repository root)")
            return
        }
        let folder = work.appendingPathComponent("tantivy")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let rowsFile = folder.appendingPathComponent("rows.jsonl")
        // With --reuse, the rows an earlier run wrote (same tickets file) let the runner reopen the index it built.
        if !(reuse && FileManager.default.fileExists(atPath: rowsFile.path)) {
            try writeCorpusRows(from: dataFile, to: rowsFile)
        }
        let requestFile = folder.appendingPathComponent("request.json")
        try Data(tantivyRequest(rows: rowsFile, index: folder.appendingPathComponent("index"),
                                targets: targets).utf8).write(to: requestFile)
        let output = folder.appendingPathComponent("result.json")
        let errors = folder.appendingPathComponent("stderr.txt")
        let status = try runChild(["python3", script.path, requestFile.path], stdout: output, stderr: errors)
        let errorText = ((try? String(contentsOf: errors, encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
        guard status == 0 else {
            print("tantivy: skipped (\(status == 127 ? "python3 not found" : errorText.isEmpty ? "runner exit \(status)" : errorText))")
            return
        }
        let figures = try parseTantivy(try Data(contentsOf: output))
        table.add("tantivy: search p50 (ms)", kb: median(figures.latencies.map { percentile($0, 0.5) }), raw: nil,
                  spread: spread(figures.latencies.map { percentile($0, 0.5) }))
        table.add("tantivy: search p99 (ms)", kb: median(figures.latencies.map { percentile($0, 0.99) }), raw: nil,
                  spread: spread(figures.latencies.map { percentile($0, 0.99) }))
        table.add("tantivy: CPU per search p50 (ms)", kb: median(figures.cpu.map { percentile($0, 0.5) }), raw: nil, spread: nil)
        table.add("tantivy: top-10 identical to every match scored (share)", kb: figures.identical / max(figures.compared, 1),
                  raw: nil, spread: nil)
        table.add("tantivy: top-10 overlap with every match scored", kb: figures.overlap / max(figures.compared, 1), raw: nil, spread: nil)
        table.add("tantivy: old planted targets in top 10 (recall, \(Int(figures.targetQueries)) queries)",
                  kb: figures.targetsFound / max(figures.targetQueries, 1), raw: nil, spread: nil)
        table.add("tantivy: import rate, one thread (tickets/s)", kb: Double(tickets) / figures.importSeconds, raw: nil, spread: nil)
        table.add("tantivy: index size (MB)", kb: figures.indexBytes / 1e6, raw: nil, spread: nil)
        print("tantivy measured (\(Int(figures.compared)) exactness queries, \(Int(figures.expanded)) queries expanded with the synonyms)")
    }

    /// One JSON array a line, `[id, title, description, resolution, root_cause, events_text]`: the text raw FTS5 gets.
    func writeCorpusRows(from dataFile: URL, to url: URL) throws {
        let output = try LineFileWriter(url)
        let reader = try LineReader(path: dataFile.path)
        try reader.forEachLine { _, line in
            guard case .text(let bytes) = line, let json = try? JSONParser().parse(bytes),
                  let ticket = try? Ticket(json: json, timeZoneCheck: { _ in true }) else { return true }
            var writer = JSONWriter()
            writer.beginArray()
            for text in [ticket.id, ticket.title, ticket.description, ticket.resolution ?? "", ticket.rootCause ?? "", ticket.eventsText] {
                writer.string(text)
            }
            writer.endArray()
            output.write(line: writer.bytes)
            return true
        }
        try output.close()
    }

    /// The runner's request: the corpus, the latency queries, how many of them check exactness, the planted targets.
    func tantivyRequest(rows: URL, index: URL, targets: [PlantedTarget]) -> String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("rows", rows.path)
        writer.member("index", index.path)
        writer.member("runs", runs)
        writer.member("reuse", reuse)
        writer.key("queries")
        writer.beginArray()
        for query in benchmarkQueries() { writer.string(query) }
        writer.endArray()
        // With a synonyms file in the workspace, each query word's alternatives, so tantivy expands what kb expands.
        if let synonyms = try? Workspace(root: work).loadSynonyms(language: .spanish), !synonyms.groups.isEmpty {
            let analyzer = Analyzer(language: .spanish)
            writer.key("expansions")
            writer.beginArray()
            for query in benchmarkQueries() {
                writer.beginArray()
                for word in query.lowercased().split(whereSeparator: { !$0.isLetter && !$0.isNumber }) {
                    let terms = analyzer.terms(String(word))
                    writer.beginArray()
                    if terms.count == 1 {
                        for alternative in synonyms.alternatives(for: terms[0]) {
                            if let spelling = synonyms.spelling(of: alternative) { writer.string(spelling) }
                        }
                    }
                    writer.endArray()
                }
                writer.endArray()
            }
            writer.endArray()
        }
        writer.member("exactness", exactnessQueries)
        writer.key("targets")
        writer.beginArray()
        for target in targets {
            writer.beginObject()
            writer.member("id", target.id)
            writer.key("queries")
            writer.beginArray()
            for query in target.queries { writer.string(query) }
            writer.endArray()
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }

    func parseTantivy(_ data: Data) throws -> TantivyFigures {
        let json = try JSONParser().parse(String(decoding: data, as: UTF8.self))
        func number(_ key: String) throws -> Double {
            guard let value = json[key]?.numberValue else { throw BenchError(description: "tantivy runner: no '\(key)' in its output") }
            return value
        }
        func runs(_ key: String) throws -> [[Double]] {
            guard let values = json[key]?.arrayValue?.map({ $0.arrayValue?.compactMap(\.numberValue) ?? [] }) else {
                throw BenchError(description: "tantivy runner: no '\(key)' in its output")
            }
            return values
        }
        return TantivyFigures(importSeconds: try number("import_seconds"), indexBytes: try number("index_bytes"),
                              latencies: try runs("latency_ms"), cpu: try runs("cpu_ms"), identical: try number("identical"),
                              overlap: try number("overlap"), compared: try number("compared"),
                              targetsFound: try number("targets_found"), targetQueries: try number("target_queries"),
                              expanded: json["expanded"]?.numberValue ?? 0)
    }

    /// Runs `arguments` through `/usr/bin/env` with its output in files (read after it exits: no pipe to fill).
    func runChild(_ arguments: [String], stdout: URL, stderr: URL) throws -> Int32 {
        for url in [stdout, stderr] { _ = FileManager.default.createFile(atPath: url.path, contents: nil) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.standardOutput = try FileHandle(forWritingTo: stdout)
        process.standardError = try FileHandle(forWritingTo: stderr)
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}
