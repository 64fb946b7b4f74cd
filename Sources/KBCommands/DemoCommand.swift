import Foundation
import KBCore

/// `kb demo`: loads the demo data and shows each capability once.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Import the demo tickets, index the articles and show each capability once.",
        discussion: """
            Imports kb/demo/tickets.jsonl (an upsert: running it again changes nothing) and indexes
            kb/articles, then runs a search, the SLA board, an intake suggestion, automation proposals,
            an article draft and a customer guide on that data. Documents go to .kb/demo/. Times are
            measured at the demo data's own "now" (2026-10-31T22:59:59Z).
            """)

    @Flag(help: "Delete the workspace database first and build it anew.") var fresh: Bool

    func run(_ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        guard FileManager.default.fileExists(atPath: workspace.demoDirectory.appendingPathComponent("tickets.jsonl").path) else {
            throw WorkspaceError.notAWorkspace(path: workspace.root.path + " (no kb/demo/tickets.jsonl)")
        }
        if fresh {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.databasePath + suffix) }
        }
        let tour = try DemoTour(context: context, workspace: workspace, now: TicketGenerator.snapshot)
        let now = tour.now.utcString
        tour.show("Import", ["import", "kb/demo/tickets.jsonl"], lines: 1)
        tour.show("Index", ["index"], lines: 1)
        tour.show("Search", ["search", "--limit", "5", "contrasena", "caducada"], lines: 10)
        try tour.showSLA()
        tour.show("Suggest (intake)", ["suggest", "--now", now, "--customer", "Transportes Andinos",
                                       "No carga el login del portal, la pantalla queda en blanco desde las 9:00"], lines: 14)
        tour.show("Automation proposals", ["automations", "--since", "2025-01-01", "--until", "2026-11-01"], lines: 12, skip: 5)
        try tour.showDraftAndLint()
        let guide = tour.documents.appendingPathComponent("guia-clientes.html").path
        tour.show("Customer training guide", ["training", "--format", "html", "--force", "--out", guide], lines: 3)
        context.stdout.line()
        context.stdout.line("Documents written to \(tour.documents.path). Try: kb search --help, kb show T-0000001, kb sla --now \(now)")
        return KB.success
    }
}
