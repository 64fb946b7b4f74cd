import Foundation
import KBCore

/// `kb search QUERY`: ranked tickets and articles.
struct SearchCommand: Subcommand {
    static let spec = CommandSpec(
        name: "search",
        abstract: "Search tickets and articles with ranked, highlighted results.",
        discussion: """
            Words are matched after stemming and accent folding ("contrasena caducada" finds
            "contraseñas caducadas"); codes such as ERR-401 match whole. Synonyms from kb/synonyms.txt
            widen each word. Nothing typed is read as query syntax.
            """,
        arguments: [ArgumentSpec("query", help: "The words to search for.", optional: true, repeating: true)],
        options: [
            .value("--mode", valueName: "MODE", help: "How words combine.", choices: QueryMode.allCases.map(\.rawValue)),
            .value("--type", valueName: "TYPE", help: "Only tickets or only articles.", choices: SearchResultType.allCases.map(\.rawValue)),
            .value("--service", valueName: "SERVICE", help: "Only this service (repeatable).", repeating: true),
            .value("--severity", valueName: "N", help: "Only tickets of this severity, 1-5 (repeatable).", repeating: true),
            .value("--customer", valueName: "NAME", help: "Only tickets of this customer."),
            .value("--status", valueName: "STATUS", help: "Only this ticket status or article state (repeatable).", repeating: true),
            .value("--since", valueName: "DATE", help: "Only tickets created (articles updated) on or after DATE (YYYY-MM-DD)."),
            .value("--until", valueName: "DATE", help: "Only tickets created (articles updated) before DATE (YYYY-MM-DD)."),
            .value("--limit", valueName: "N", help: "At most N results (default 10)."),
            .flag("--include-archived", help: "Include archived articles."),
            .value("--queries", valueName: "FILE", help: "Batch mode: a TSV of qid<TAB>query lines; prints one JSON line per query."),
            .flag("--json", help: "Print results as JSON."),
        ],
        examples: ["kb search contrasena caducada", "kb search --type ticket --severity 1 --since 2026-01-01 login portal",
                   "kb search --queries queries.tsv --json"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        var filters = SearchFilters()
        filters.type = arguments.value("--type").flatMap(SearchResultType.init(rawValue:))
        filters.services = arguments.all("--service")
        filters.severities = try arguments.all("--severity").map { text in
            guard let value = Int(text), (1...5).contains(value) else { throw UsageError("--severity needs 1 to 5, not '\(text)'") }
            return value
        }
        filters.customer = arguments.value("--customer")
        filters.statuses = arguments.all("--status")
        filters.since = try arguments.value("--since").map { try day($0, option: "--since") }
        filters.until = try arguments.value("--until").map { try day($0, option: "--until") }
        filters.includeArchived = arguments.flag("--include-archived")
        filters.limit = try arguments.int("--limit", default: 10, range: 1...1000)
        let mode = arguments.value("--mode").flatMap(QueryMode.init(rawValue:)) ?? .any

        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))

        if let queriesPath = arguments.value("--queries") {
            guard arguments.positionals.isEmpty else { throw UsageError("give either QUERY or --queries FILE, not both") }
            return try runBatch(path: queriesPath, engine: engine, mode: mode, filters: filters, context)
        }
        let query = arguments.positionals.joined(separator: " ")
        guard !query.trimmingCharacters(in: .whitespaces).isEmpty else { throw UsageError("missing expected argument '<query>'") }
        let response = try engine.search(query, mode: mode, filters: filters)
        if arguments.flag("--json") {
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("query", query)
            writer.key("results")
            writer.beginArray()
            for result in response.results {
                writer.beginObject()
                writer.member("type", result.type.rawValue)
                writer.member("id", result.id)
                writer.member("title", result.title)
                writer.member("score", result.score, decimals: 4)
                writer.member("status", result.status)
                writer.member("service", result.service)
                if let severity = result.severity { writer.member("severity", severity) }
                writer.member("snippet", mark(result.snippet, start: "**", end: "**"))
                writer.endObject()
            }
            writer.endArray()
            writer.endObject()
            context.stdout.line(writer.text)
            return KB.success
        }
        guard response.expression != nil else {
            context.stdout.line("no searchable words in the query (only punctuation or symbols); nothing to search for")
            return KB.success
        }
        if response.results.isEmpty {
            context.stdout.line("no results for '\(query)'")
            return KB.success
        }
        let bold = context.stdout.isTerminal
        for (index, result) in response.results.enumerated() {
            var header = "\(index + 1). [\(result.type.rawValue)] \(result.id)  \(result.title)"
            var details = [result.status]
            if let severity = result.severity { details.append("severity \(severity)") }
            if let service = result.service, !service.isEmpty { details.append(service) }
            details.append("score " + JSONWriter.format(result.score, decimals: 2))
            header += "  (" + details.joined(separator: ", ") + ")"
            context.stdout.line(header)
            let snippet = "   " + result.snippet.replacingOccurrences(of: "\n", with: " ")
            if bold {
                context.stdout.write(.highlighted(snippet + "\n", start: SearchEngine.highlightStart, end: SearchEngine.highlightEnd))
            } else {
                context.stdout.line(mark(snippet, start: "**", end: "**"))
            }
        }
        return KB.success
    }

    private static func runBatch(path: String, engine: SearchEngine, mode: QueryMode, filters: SearchFilters,
                                 _ context: CommandContext) throws -> Int32 {
        let reader = try LineReader(path: context.url(path).path)
        var failures = 0
        try reader.forEachLine { number, line in
            guard case .text(let bytes) = line else {
                context.stderr.line("\(path):\(number): error: line too long")
                failures += 1
                return true
            }
            let text = String(decoding: bytes, as: UTF8.self)
            guard !text.isEmpty else { return true }
            guard let tab = text.firstIndex(of: "\t") else {
                context.stderr.line("\(path):\(number): error: expected qid<TAB>query")
                failures += 1
                return true
            }
            let qid = String(text[..<tab])
            let query = String(text[text.index(after: tab)...])
            if number == 1 && qid == "qid" { return true }
            let response = try engine.search(query, mode: mode, filters: filters)
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("qid", qid)
            writer.member("results", response.results.map(\.id))
            writer.endObject()
            context.stdout.line(writer.text)
            return true
        }
        return failures == 0 ? KB.success : KB.failure
    }

    static func day(_ text: String, option: String) throws -> Timestamp {
        guard let stamp = Timestamp(day: text) ?? Timestamp(iso8601: text) else {
            throw UsageError("\(option) needs a date such as 2026-03-01, not '\(text)'")
        }
        return stamp
    }

    static func mark(_ snippet: String, start: String, end: String) -> String {
        snippet.replacingOccurrences(of: SearchEngine.highlightStart, with: start)
            .replacingOccurrences(of: SearchEngine.highlightEnd, with: end)
    }
}
