import Foundation
import KBCore

/// `kb init [DIR]`: a new workspace.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "init", abstract: "Create a workspace: kb/ (articles, policy, synonyms), templates/ and the database.",
        discussion: """
            A new workspace has no tickets and no articles: import your tickets ('kb import FILE') and
            write articles in kb/articles ('kb index' indexes them), or run 'kb demo' in it to try kb
            on the demo data (it writes the demo tickets, articles and customers' policy the workspace
            lacks). kb init refuses a folder that already holds kb/.
            """,
        examples: ["kb init soporte", "kb init demo && cd demo && kb demo"])

    @Argument(help: "Folder for the workspace (default: the current folder).") var dir: String?

    func run(_ context: CommandContext) throws -> Int32 {
        let workspace = try Workspace.initialize(at: context.url(dir ?? "."))
        context.stdout.line("created a kb workspace in \(workspace.root.path)")
        context.stdout.line("  kb/articles/     Markdown articles (front matter + Problema, Entorno, Solución, Causa)")
        context.stdout.line("  kb/policy.json   SLA targets, calendars, plans, escalation and routing")
        context.stdout.line("  kb/synonyms.txt  groups of equivalent search terms")
        context.stdout.line("  templates/       document templates (one per document and format; words per language)")
        context.stdout.line("next: kb import TICKETS.jsonl, then kb index (or 'kb demo' to try kb on the demo data)")
        return KB.success
    }
}
