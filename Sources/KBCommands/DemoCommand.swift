import Foundation
import KBCore

/// `kb demo`: loads the demo data and shows each capability once.
struct DemoCommand: Subcommand {
    static let spec = CommandSpec(
        name: "demo",
        abstract: "Import the demo tickets, index the articles and show each capability once.",
        discussion: """
            Imports kb/demo/tickets.jsonl (an upsert: running it again changes nothing) and indexes
            kb/articles, then runs a search, an intake suggestion, the SLA board, a post-incident review,
            automation proposals, an article draft and a customer guide on that data. Documents go to
            .kb/demo/. Times are measured at the demo data's own "now" (2026-10-31T22:59:59Z).
            """,
        options: [.flag("--fresh", help: "Delete the workspace database first and build it anew.")])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let demoFile = workspace.demoDirectory.appendingPathComponent("tickets.jsonl")
        guard FileManager.default.fileExists(atPath: demoFile.path) else {
            throw WorkspaceError.notAWorkspace(path: workspace.root.path + " (no kb/demo/tickets.jsonl)")
        }
        if arguments.flag("--fresh") {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.databasePath + suffix) }
        }
        let out = context.stdout
        let now = TicketGenerator.snapshot
        let store = try workspace.openStore()
        defer { try? store.close() }

        section("Import", out)
        let importer = TicketImporter(store: store)
        let report = try importer.importFiles([demoFile.path], displayNames: ["kb/demo/tickets.jsonl"])
        out.line("kb import kb/demo/tickets.jsonl → read \(report.read), inserted \(report.inserted), updated \(report.updated), unchanged \(report.unchanged), rejected \(report.rejected.count)")

        section("Index", out)
        let files = try ArticleScanner.entries(root: workspace.root)
        let index = try store.indexArticles(files, defaultLanguage: try workspace.loadPolicy().analyzerLanguage)
        out.line("kb index → \(files.count) articles: added \(index.added.count), changed \(index.changed.count), removed \(index.removed.count), unchanged \(index.unchanged.count), invalid \(index.invalid.count)")

        section("Search", out)
        let query = "contrasena caducada no puedo entrar"
        out.line("kb search \(query)")
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        var filters = SearchFilters()
        filters.limit = 5
        for (rank, result) in try engine.search(query, filters: filters).results.enumerated() {
            out.line("  \(rank + 1). [\(result.type.rawValue)] \(result.id)  \(result.title)  (\(result.status))")
        }

        section("SLA", out)
        let policy = try workspace.loadPolicy()
        let sla = try SLAReport.build(store: store, policy: policy, now: now, since: Timestamp(seconds: now.seconds - 90 * 86_400), until: nil)
        let breached = sla.attention.filter(\.isBreached).count
        out.line("kb sla --now \(now.utcString) → \(breached) open tickets breached, \(sla.attention.count - breached) at risk")
        for item in sla.attention.prefix(3) {
            out.line("  \(item.ticket.id)  sev \(item.ticket.severity)  \(item.clock.kind.rawValue) \(item.isBreached ? "breached" : "at risk")  \(item.ticket.title)")
        }
        for row in sla.bySeverity {
            out.line("  compliance severity \(row.group) (last 90 days): \(JSONWriter.format(row.rate * 100, decimals: 1))% of \(row.tickets)")
        }
        out.line()
        out.line("Try: kb search --help, kb show T-0000001, kb sla --now \(now.utcString)")
        return KB.success
    }

    static func section(_ title: String, _ out: KBCommands.OutputStream) {
        out.line()
        out.line("== \(title)")
    }
}
