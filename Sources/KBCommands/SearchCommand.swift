import Foundation
import KBCore

/// `kb search QUERY`: ranked tickets and articles.
struct SearchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "search",
        abstract: "Search tickets and articles with ranked, highlighted results.",
        discussion: """
            Words are matched after stemming and accent folding ("contrasena caducada" finds
            "contraseñas caducadas"); codes such as ERR-401 and times such as 16:10 match whole.
            Synonyms from kb/synonyms.txt widen each word. Nothing typed is read as query syntax. A
            query with no word to look for (only punctuation, or only function words such as "a" or
            "de la") is a usage error (exit 64), as an empty one is.

            Filter values match what the store holds ignoring case and accents (--customer "banco
            cafetero" is "Banco Cafetero"); a value nothing has is a usage error listing the known ones.
            --status takes a ticket status or an article state. With --json:
            {"query","sort","results":[{"type","id","title","score","status","service","severity","snippet",
            "created_at"}…]} (articles have "updated", their last update day, instead of "created_at").

            --sort recent lists every match newest first instead of ranking: tickets by creation time
            (same second: the one imported later first), articles by their update day, with the filters and
            --limit as usual; each line shows the date and the score is 0. Under it every word must match
            unless --mode says otherwise (function words such as "de" are not required): a list by date over
            any word would put the newest ticket mentioning one common word first.

            --queries FILE runs a TSV of qid<TAB>query lines and prints {"qid":…,"results":[ids]} per
            line, with or without --json; a line that is no query is reported as FILE:LINE: error: …,
            the others still run, and the exit code is 1.
            """,
        examples: ["kb search contrasena caducada", "kb search --type ticket --severity 1 --since 2026-01-01 login portal",
                   "kb search --sort recent --service llamadas llamadas entrantes",
                   "kb search --queries queries.tsv --json"])

    @Argument(help: "The words to search for.") var query: [String] = []
    @Option(help: "How words combine (default: any; all under --sort recent).") var mode: QueryMode?
    @Option(help: "relevance: best match first; recent: newest first.") var sort: SearchOrder = .relevance
    @Option(help: "Only tickets or only articles.") var type: SearchResultType?
    @Option(help: "Only this service (repeatable).") var service: [String]
    @Option(valueName: "N", help: "Only tickets of this severity (repeatable).", range: 1...5) var severity: [Int]
    @Option(valueName: "NAME", help: "Only tickets of this customer.") var customer: String?
    @Option(help: "Only this ticket status or article state (repeatable).") var status: [String]
    @OptionGroup var period: PeriodOptions
    @Option(help: "At most N results.", range: 1...1000) var limit = SearchFilters().limit
    @Flag(help: "Include archived articles.") var includeArchived: Bool
    @Option(valueName: "FILE", help: "Batch mode: a TSV of qid<TAB>query lines; prints one JSON line per query (--json or not).")
    var queries: String?
    @OptionGroup var output: JSONOption

    func validate() throws {
        if queries != nil, !query.isEmpty { throw UsageError("give either QUERY or --queries FILE, not both") }
        if queries == nil, text.trimmingCharacters(in: .whitespaces).isEmpty {
            throw UsageError("missing expected argument '<query>'")
        }
    }

    private var text: String { query.joined(separator: " ") }

    private var filters: SearchFilters {
        var filters = SearchFilters()
        filters.type = type
        filters.services = service
        filters.severities = severity
        filters.customer = customer
        filters.statuses = status
        filters.since = period.since
        filters.until = period.until
        filters.includeArchived = includeArchived
        filters.limit = limit
        return filters
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let knowledgeBase = try context.knowledgeBase()
        if let queries {
            let file = try UserFile(path: queries, relativeTo: context.currentDirectory)
            _ = try context.input(queries, kind: "queries")
            let problems = try knowledgeBase.searchBatch(file: file, mode: mode ?? sort.defaultMode, filters: filters, order: sort,
                                                         answer: { context.printJSON($0) },
                                                         problem: { context.stderr.line($0.formatted) })
            return problems == 0 ? KB.success : KB.failure
        }
        let response = try knowledgeBase.search(SearchRequest(query: text, mode: mode, order: sort, filters: filters))
        output.print(response, or: response.terminalText(bold: context.stdout.isTerminal), to: context)
        return KB.success
    }
}
