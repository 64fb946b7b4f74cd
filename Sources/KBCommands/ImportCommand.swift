import Foundation
import KBCore

/// `kb import FILE…`: loads tickets into the store from JSON Lines, CSV or Zendesk exports.
struct ImportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Import tickets from JSON Lines, CSV or Zendesk export files.",
        discussion: """
            Without --format, each file's format is told from its first bytes: JSON Lines of kb tickets,
            CSV (a header line with ',', ';' or tab delimiters) or a Zendesk export (JSON with a "tickets"
            array, or JSON Lines of Zendesk tickets).
            CSV columns named like kb's fields map themselves; map others with --map FIELD=COLUMN or a
            --mapping FILE.json (value maps, time formats, a time zone for times without offset).
            Zendesk priorities and statuses map through "zendesk" in kb/policy.json; --mapping FILE.json
            names organizations, users and custom fields; --comments adds the comments (internal notes stay internal).
            Upserts by id: re-importing a file changes nothing; a changed ticket replaces its row and timeline.
            Each rejected record is reported as FILE:LINE: error: reason and the valid ones are imported.
            The whole import runs in one transaction: a failure or a kill leaves the database as it was.
            See docs/import-formats.md.
            """,
        arguments: [ArgumentSpec("file", help: "Ticket files to import.", repeating: true)],
        options: [
            .value("--format", valueName: "FORMAT", help: "The files' format (default: detected per file).",
                   choices: ImportFormat.allCases.map(\.rawValue)),
            .value("--map", valueName: "FIELD=COLUMN", help: "CSV: read a ticket field from a column (repeatable).", repeating: true),
            .value("--mapping", valueName: "FILE", help: "CSV or Zendesk mapping file (JSON)."),
            .value("--comments", valueName: "FILE|DIR", help: "Zendesk: comments, one FILE for all tickets or a DIR of <ticket id>.json."),
            .flag("--strict", help: "Import nothing if any record is rejected."),
            .flag("--json", help: "Print the counts and rejections as JSON."),
        ],
        examples: [
            "kb import kb/demo/tickets.jsonl",
            "kb import --strict --json export.jsonl",
            "kb import --format csv --map id=\"Ticket ID\" --map title=Asunto --mapping helpdesk.json tickets.csv",
            "kb import --format zendesk --comments comments/ tickets.json",
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let paths = try arguments.positionals.map { try context.input($0, kind: "imports").path }
        let explicit = arguments.value("--format").flatMap(ImportFormat.init(rawValue:))
        // Options for one format need to know which formats are in play before anything is read.
        var formats: Set<ImportFormat>
        if let explicit {
            formats = [explicit]
        } else {
            formats = []
            for (index, path) in paths.enumerated() {
                formats.insert(try ImportFormat.detect(path: path, file: arguments.positionals[index]))
            }
        }
        let store = try workspace.openStore()
        defer { try? store.close() }
        let importer = TicketImporter(store: store)
        try configure(importer, arguments, formats: formats, workspace: workspace, context)
        importer.onReject = { context.stderr.line($0.description) }
        importer.progress = { context.progress("imported \($0) records…") }
        let report = try importer.importFiles(paths, displayNames: arguments.positionals, format: explicit,
                                              strict: arguments.flag("--strict"))
        context.endProgress()
        if arguments.flag("--json") {
            context.stdout.line(report.jsonText)
        } else {
            context.stdout.line("read \(report.read), inserted \(report.inserted), updated \(report.updated), unchanged \(report.unchanged), rejected \(report.rejected.count)")
            if report.rolledBack {
                context.stdout.line("--strict: \(report.rejected.count) rejected record(s); nothing was imported")
            }
        }
        return report.rejected.isEmpty ? KB.success : KB.failure
    }

    private static func configure(_ importer: TicketImporter, _ arguments: ParsedArguments, formats: Set<ImportFormat>,
                                  workspace: Workspace, _ context: CommandContext) throws {
        let maps = arguments.all("--map")
        if !maps.isEmpty, !formats.contains(.csv) {
            throw UsageError("--map applies to CSV files; none of the files is CSV (pass --format csv if they are)")
        }
        if arguments.value("--comments") != nil, !formats.contains(.zendesk) {
            throw UsageError("--comments applies to Zendesk exports; none of the files is one (pass --format zendesk if they are)")
        }
        if let mappingPath = arguments.value("--mapping") {
            let mappingFormats = formats.intersection([.csv, .zendesk])
            guard mappingFormats.count == 1, let format = mappingFormats.first else {
                throw UsageError(mappingFormats.isEmpty
                    ? "--mapping applies to CSV files and Zendesk exports; none of the files is either (pass --format)"
                    : "--mapping is read as a CSV or a Zendesk mapping; the files are both kinds, import them separately")
            }
            let path = try context.input(mappingPath, kind: "mappings").path
            if format == .csv {
                importer.csvMapping = try CSVMapping.load(path: path)
            } else {
                importer.zendesk.mapping = try ZendeskImportMapping.load(path: path)
            }
        }
        for map in maps {
            guard let equals = map.firstIndex(of: "=") else {
                throw UsageError("--map needs FIELD=COLUMN, e.g. --map severity=Prioridad; got '\(map)'")
            }
            do {
                try importer.csvMapping.map(String(map[..<equals]), toColumn: String(map[map.index(after: equals)...]))
            } catch {
                throw UsageError(String(describing: error).replacingOccurrences(of: "--map: error: ", with: "--map "))
            }
        }
        if formats.contains(.zendesk) {
            importer.zendesk.policy = try workspace.loadPolicy().zendesk
            if let comments = arguments.value("--comments") {
                let folder = try context.input(comments, kind: "imports")
                importer.zendesk.commentsPath = folder.path
                // A folder of comment files: each one is read, so each one stays inside the workspace too.
                let confinement = context.confinement()
                for name in ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted() where name.hasSuffix(".json") {
                    try confinement.check(folder.appendingPathComponent(name), displayPath: comments + "/" + name, kind: "imports")
                }
            }
        }
    }
}
