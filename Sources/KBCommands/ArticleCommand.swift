import Foundation
import KBCore

/// `kb article`: the writers' commands on articles (draft, lint, link).
struct ArticleCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "article",
        abstract: "Draft articles from tickets, lint them and record their reuse.",
        discussion: """
            Articles follow KCS: Problema (in the customer's words), Entorno, Solución, Causa, and
            the states wip → not_validated → validated → archived.
            """,
        examples: ["kb article draft T-0000593", "kb article lint", "kb article link T-0000593 KB-0001"])

    static var children: [any Subcommand.Type] {
        [ArticleDraftCommand.self, ArticleLintCommand.self, ArticleLinkCommand.self]
    }

    /// Without a subcommand: the group's help, as `kb article --help` shows it.
    func run(_ context: CommandContext) throws -> Int32 {
        context.stdout.write(HelpRenderer.help(Self.spec, path: ["kb", "article"]))
        return KB.success
    }
}
