import Foundation
import KBCore

/// `kb demo`: gives the workspace the demo data it lacks, loads it and shows each capability once.
struct DemoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "demo",
        abstract: "Load the demo data and show each capability once: search, SLA, intake, reviews, articles, training.",
        discussion: """
            Runs in any workspace; meant for one of its own ('kb init demo && cd demo && kb demo'), since
            it adds the demo tickets and articles to the workspace. First it gives the workspace the demo
            data it lacks, and says what it wrote: kb/demo/tickets.jsonl (generated: the output of
            'kb generate --tickets 600 --seed 42'), the 38 demo articles in kb/articles (compiled into
            kb, copies of the repository's), and in kb/policy.json the demo customers' plans and time
            zones (written only over the defaults 'kb init' writes; a policy of your own is left alone,
            with a warning that the SLA figures will differ). Files that exist are never replaced.

            Then it imports the tickets (an upsert: running it again changes nothing), indexes the
            articles, and runs a search, a ticket, the SLA board, an intake suggestion, a post-incident
            review, a period's reviews, automation proposals, an article draft and its lint, an article
            link with the knowledge gaps, a customer guide, and a template rendered from a review's
            data. Documents go to .kb/demo/. Times are measured at the demo data's own "now"
            (2026-10-31T22:59:59Z).
            """,
        examples: ["kb init demo && cd demo && kb demo", "kb demo --fresh"])

    @Flag(help: "Delete the workspace database first and build it anew.") var fresh: Bool

    func run(_ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace()
        if fresh {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: workspace.databasePath + suffix) }
        }
        try workspace.checkConfined(workspace.root.appendingPathComponent(DemoData.ticketsPath), kind: "demo data")
        let tour = try DemoTour(context: context, workspace: workspace, now: DemoData.now)
        try tour.showDemoData(try DemoData.install(into: workspace))
        let now = tour.now.utcString
        tour.show("Import", ["import", DemoData.ticketsPath], lines: 1)
        tour.show("Index", ["index"], lines: 1)
        tour.show("Search", ["search", "--limit", "5", "contrasena", "caducada"], lines: 10)
        try tour.showSLA()
        tour.show("Suggest (intake)", ["suggest", "--now", now, "--customer", "Transportes Andinos",
                                       "No carga el login del portal, la pantalla queda en blanco desde las 9:00"], lines: 14)
        let incident = try tour.latestIncident()
        tour.show("Show a ticket", ["show", incident], lines: 8)
        try tour.showReview(of: incident)
        tour.show("A period's reviews, with a summary and an index",
                  ["review", "--since", "2026-08-01", "--until", "2026-11-01", "--format", "html", "--force",
                   "--out", tour.documentPath("revisiones")], lines: 2)
        tour.show("Automation proposals", ["automations", "--since", "2025-01-01", "--until", "2026-11-01"], lines: 12, skip: 5)
        try tour.showDraftAndLint(incident)
        try tour.showLinkAndGaps(incident)
        tour.show("Customer training guide",
                  ["training", "--format", "html", "--force", "--out", tour.documentPath("guia-clientes.html")], lines: 3)
        try tour.showRender(of: incident)
        tour.showServer(incident)
        context.stdout.line()
        context.stdout.line("Documents written to \(tour.documentPath("")). Try: kb search --help, kb show \(incident), "
            + "kb sla --now \(now)")
        return KB.success
    }
}
