import Foundation
import KBCore

/// `kb import FILE…`: loads tickets into the store from JSON Lines, CSV or Zendesk export files.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
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
            Before it, the ticket index is made to list the phrases of several words in kb/synonyms.txt (as kb
            index does), and the imported tickets' postings count them.
            --dry-run reads and checks everything and writes nothing. See docs/import-formats.md.
            """,
        examples: [
            "kb import kb/demo/tickets.jsonl",
            "kb import --strict --json export.jsonl",
            "kb import --dry-run --map id=\"Ticket ID\" --map title=Asunto --mapping helpdesk.json tickets.csv",
            "kb import --format csv --map id=\"Ticket ID\" --map title=Asunto --mapping helpdesk.json tickets.csv",
            "kb import --format zendesk --comments comments/ tickets.json",
        ])

    @Argument(help: "Ticket files to import (- for standard input).") var file: [String]
    @Option(help: "The files' format (default: detected per file).") var format: ImportFormat?
    @Option(valueName: "FIELD=COLUMN", help: "CSV: read a ticket field from a column (repeatable).") var map: [String]
    @Option(valueName: "FILE", help: "CSV or Zendesk mapping file (JSON).") var mapping: String?
    @Option(valueName: "FILE|DIR", help: "Zendesk: comments, one FILE for all tickets or a DIR of <ticket id>.json.")
    var comments: String?
    @Flag(help: "Import nothing if any record is rejected.") var strict: Bool
    @Flag(help: "Read and check everything, write nothing, print what an import would do.") var dryRun: Bool
    @OptionGroup var output: JSONOption

    func validate() throws {
        // Standard input can be read only once: a second - would import nothing and say nothing.
        if file.filter({ $0 == "-" }).count > 1 { throw UsageError("- (standard input) given more than once") }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let knowledgeBase = try context.knowledgeBase()
        let inputs = file.map { name in
            (name: name, open: {
                guard name == "-" else { return try ByteInput(path: name.isEmpty ? name : context.url(name).path) }
                return context.standardInputIsTheProcesses
                    ? ByteInput(standardInputNamed: name) : ByteInput(data: context.readStandardInput(), path: name)
            })
        }
        // Files inside the workspace that a link takes outside it are refused, each comment file of a folder too.
        for name in file where name != "-" && !name.isEmpty { _ = try context.input(name, kind: "imports") }
        let options = ImportOptions(maps: map, mappingPath: try mapping.map { try context.input($0, kind: "mappings").path },
                                    commentsPath: try comments.map { try context.inputs($0, kind: "imports", suffix: ".json").path })
        let report: ImportReport
        do {
            let request = ImportRequest(files: try knowledgeBase.openImportInputs(inputs, format: format), options: options, strict: strict,
                                        dryRun: dryRun, rejectionsReportedPerKind: 10)
            report = try knowledgeBase.importTickets(request, onReject: dryRun ? nil : { context.stderr.line($0.description) })
        } catch let errors as ImportInputErrors {
            for diagnostic in errors.diagnostics { context.stderr.line(diagnostic.formatted) }
            return KB.failure
        } catch let error as ImportOptionError {
            throw UsageError(error.description)
        }
        context.endProgress()
        output.print(report, or: report.summaryText(examples: dryRun ? 3 : 0) + "\n", to: context)
        return report.rejected.isEmpty && report.fileProblems.isEmpty ? KB.success : KB.failure
    }
}
