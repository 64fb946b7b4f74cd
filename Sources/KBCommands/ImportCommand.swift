import Foundation
import KBCore

/// `kb import FILE…`: loads tickets into the store from JSON Lines, CSV or Zendesk export files.
struct ImportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Import tickets from JSON Lines, CSV or Zendesk export files.",
        discussion: """
            FILE may be a file, a pipe, a FIFO, /dev/stdin, <(…) or - (standard input); each is read once. Without
            --format, its format is told from its first bytes: JSON Lines of kb tickets, CSV (a header line with ',',
            ';' or tab delimiters) or a Zendesk export (JSON with a "tickets" array, or JSON Lines of Zendesk tickets).
            CSV columns named like kb's fields map themselves; map others with --map FIELD=COLUMN or a
            --mapping FILE.json (value maps, time formats, a time zone for times without offset, tag_1…tag_N).
            Zendesk priorities and statuses map through "zendesk" in kb/policy.json; --mapping FILE.json
            names organizations, users and custom fields; --comments adds the comments (internal notes stay internal).
            Upserts by id: re-importing a file changes nothing; a changed ticket replaces its row and timeline.
            Each rejected record is reported as FILE:LINE: error: reason (the first 10 of each kind; the summary
            counts them all, with the distinct values no mapping knows) and the valid ones are imported.
            The whole import runs in one transaction: a failure or a kill leaves the database as it was.
            --dry-run reads and checks everything and writes nothing. See docs/import-formats.md.
            """,
        arguments: [ArgumentSpec("file", help: "Ticket files to import (- for standard input).", repeating: true)],
        options: [
            .value("--format", valueName: "FORMAT", help: "The files' format (default: detected per file).",
                   choices: ImportFormat.allCases.map(\.rawValue)),
            .value("--map", valueName: "FIELD=COLUMN", help: "CSV: read a ticket field from a column (repeatable).", repeating: true),
            .value("--mapping", valueName: "FILE", help: "CSV or Zendesk mapping file (JSON)."),
            .value("--comments", valueName: "FILE|DIR", help: "Zendesk: comments, one FILE for all tickets or a DIR of <ticket id>.json."),
            .flag("--strict", help: "Import nothing if any record is rejected."),
            .flag("--dry-run", help: "Read and check everything, write nothing, print what an import would do."),
            .flag("--json", help: "Print the counts and rejections as JSON."),
        ],
        examples: [
            "kb import kb/demo/tickets.jsonl",
            "kb import --dry-run --mapping helpdesk.json export.csv",
            "kb import --format csv --map id=\"Ticket ID\" --map title=Asunto --mapping helpdesk.json tickets.csv",
            "gunzip -c tickets.jsonl.gz | kb import -",
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let inputs = arguments.positionals.map { name in
            (name: name, open: {
                name == "-" ? ByteInput(data: context.readStandardInput(), path: name) : try ByteInput(path: name.isEmpty ? name : context.url(name).path)
            })
        }
        let files = try TicketImporter.open(inputs, format: arguments.value("--format").map(ImportFormat.init(rawValue:)))
        let options = ImportOptions(maps: arguments.all("--map"), mappingPath: arguments.value("--mapping").map { context.url($0).path },
                                    commentsPath: arguments.value("--comments").map { context.url($0).path })
        let settings: ImportSettings
        do {
            settings = try options.settings(for: Set(files.map(\.format)), policy: workspace.loadPolicy)
        } catch let error as ImportOptionError {
            throw UsageError(error.description)
        }
        let dryRun = arguments.flag("--dry-run")
        let store = dryRun ? nil : try workspace.openStore()
        defer { try? store?.close() }
        let importer = try store.map(TicketImporter.init(store:)) ?? TicketImporter(dryRunAgainst: StoredTicketHashes(path: workspace.databasePath))
        importer.settings = settings
        importer.rejectionsReportedPerKind = 10
        if !dryRun { importer.onReject = { context.stderr.line($0.description) } }
        importer.progress = { context.progress("read \($0) records…") }
        let report = try importer.importFiles(files, strict: arguments.flag("--strict"))
        context.endProgress()
        context.stdout.line(arguments.flag("--json") ? report.jsonText : report.summaryText(examples: dryRun ? 3 : 0))
        return report.rejected.isEmpty && report.fileProblems.isEmpty ? KB.success : KB.failure
    }
}
