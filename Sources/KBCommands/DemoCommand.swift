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
        try workspace.checkConfined(demoFile, kind: "demo data")
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
        let index = try store.indexArticles(files, defaultLanguage: try workspace.loadPolicy().language)
        out.line("kb index → \(files.count) articles: added \(index.added.count), changed \(index.changed.count), removed \(index.removed.count), unchanged \(index.unchanged.count), invalid \(index.invalid.count)")

        section("Search", out)
        let query = "contrasena caducada"
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

        let documents = workspace.stateDirectory.appendingPathComponent("demo", isDirectory: true)
        try FileManager.default.createDirectory(at: documents, withIntermediateDirectories: true)
        section("Suggest (intake)", out)
        let intake = ["suggest", "--now", now.utcString, "--customer", "Transportes Andinos",
                      "No carga el login del portal, la pantalla queda en blanco desde las 9:00"]
        show(intake, lines: 14, context)

        section("Automation proposals", out)
        show(["automations", "--since", "2025-01-01", "--until", "2026-11-01"], lines: 12, context, skip: 5)

        section("Article draft", out)
        try draftAndLint(store: store, workspace: workspace, documents: documents, now: now, out)

        section("Customer training guide", out)
        let guide = documents.appendingPathComponent("guia-clientes.html").path
        show(["training", "--format", "html", "--force", "--out", guide], lines: 3, context)
        out.line()
        out.line("Documents written to \(documents.path). Try: kb search --help, kb show T-0000001, kb sla --now \(now.utcString)")
        return KB.success
    }

    /// Runs another kb command in-process on the same workspace and prints the first `lines` lines of its output.
    static func show(_ arguments: [String], lines: Int, _ context: CommandContext, skip: Int = 0) {
        let out = KBCommands.OutputStream()
        let err = KBCommands.OutputStream()
        var environment = context.environment
        environment["KB_ROOT"] = nil
        let code = KB.run(arguments: arguments, stdout: out, stderr: err, environment: environment,
                          currentDirectory: context.currentDirectory, standardInput: { Data() })
        context.stdout.line("kb " + arguments.map { $0.contains(" ") ? "\"\($0)\"" : $0 }.joined(separator: " "))
        let text = out.captured.split(separator: "\n", omittingEmptySubsequences: false).dropFirst(skip)
        for line in text.prefix(lines) { context.stdout.line("  " + line) }
        if text.count > lines { context.stdout.line("  …") }
        if code != KB.success { context.stdout.line("  (exit \(code)) " + err.captured.prefix(300)) }
    }

    /// Drafts an article from a closed severity-1 demo ticket into a scratch workspace and lints it.
    static func draftAndLint(store: Store, workspace: Workspace, documents: URL, now: Timestamp, _ out: KBCommands.OutputStream) throws {
        let scratch = documents.appendingPathComponent("borrador", isDirectory: true)
        try? FileManager.default.removeItem(at: scratch)
        try FileManager.default.createDirectory(at: scratch.appendingPathComponent("kb/articles"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: workspace.policyFile, to: scratch.appendingPathComponent("kb/policy.json"))
        guard let ticketID = try store.connection.scalarText(
            "SELECT id FROM tickets WHERE status = 'closed' AND severity = 1 ORDER BY created_at DESC, id LIMIT 1") else {
            out.line("no closed severity-1 ticket to draft from")
            return
        }
        let draft = try Workspace(root: scratch).draftArticle(ticketID: ticketID, store: store, now: now)
        out.line("kb article draft \(ticketID) → \(draft.path) (\(draft.id), state wip; in \(scratch.path))")
        let file = ArticleFile(path: draft.path, text: draft.text)
        let diagnostics = ArticleLinter().lint(file: file) { id in
            (try? store.connection.scalarInt("SELECT count(*) FROM tickets WHERE id = ?", [id])) ?? 0 > 0
        }
        out.line("kb article lint → \(diagnostics.filter { $0.severity == .error }.count) errors, \(diagnostics.filter { $0.severity == .warning }.count) warnings (a wip draft keeps its placeholders to fill)")
        for diagnostic in diagnostics.prefix(4) { out.line("  " + diagnostic.description) }
    }

    static func section(_ title: String, _ out: KBCommands.OutputStream) {
        out.line()
        out.line("== \(title)")
    }
}
