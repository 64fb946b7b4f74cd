import Foundation
import KBCore

/// `kb import FILE…`: loads tickets into the store.
struct ImportCommand: Subcommand {
    static let spec = CommandSpec(
        name: "import",
        abstract: "Import tickets from JSON Lines files.",
        discussion: """
            Upserts by id: re-importing a file changes nothing; a changed ticket replaces its row and timeline.
            Each rejected record is reported as FILE:LINE: error: reason and the valid ones are imported.
            The whole import runs in one transaction: a failure or a kill leaves the database as it was.
            """,
        arguments: [ArgumentSpec("file", help: "Ticket files to import.", repeating: true)],
        options: [
            .flag("--strict", help: "Import nothing if any record is rejected."),
            .flag("--json", help: "Print the counts and rejections as JSON."),
        ],
        examples: ["kb import kb/demo/tickets.jsonl", "kb import --strict --json export.jsonl"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore()
        defer { try? store.close() }
        let importer = TicketImporter(store: store)
        importer.onReject = { context.stderr.line($0.description) }
        importer.progress = { context.progress("imported \($0) records…") }
        let paths = arguments.positionals.map { context.url($0).path }
        let report = try importer.importFiles(paths, displayNames: arguments.positionals, strict: arguments.flag("--strict"))
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
}
