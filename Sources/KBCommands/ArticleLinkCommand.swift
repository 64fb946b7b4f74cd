import Foundation
import KBCore

/// `kb article link TICKET KB-ID`: records that an article solved a ticket.
struct ArticleLinkCommand: Subcommand {
    static let spec = CommandSpec(
        name: "link",
        abstract: "Record that an article solved a ticket (KCS reuse).",
        discussion: """
            The link is kept in the database (article_links), not in the ticket's source data, and
            counts in 'kb gaps' for the link rate, article reuse and coverage. The ticket must be in
            the store and the article indexed ('kb index'). Linking twice changes nothing.
            """,
        arguments: [
            ArgumentSpec("ticket", help: "The ticket id (T-1077)."),
            ArgumentSpec("article", help: "The article id (KB-0007)."),
        ],
        options: [.flag("--json", help: "Print {\"ticket\",\"article\",\"linked\":true|false} (false: already linked).")],
        examples: ["kb article link T-1077 KB-0007"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let ticketID = arguments.positionals[0]
        let articleID = arguments.positionals[1]
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(.write)
        defer { try? store.close() }
        let created = try store.link(ticket: ticketID, article: articleID, at: context.now)
        if arguments.flag("--json") {
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("ticket", ticketID)
            writer.member("article", articleID)
            writer.member("linked", created)
            writer.endObject()
            context.stdout.line(writer.text)
        } else if created {
            let title = try store.articles(id: articleID).first?.title ?? ""
            context.stdout.line("linked \(ticketID) to \(articleID) (\(title))")
        } else {
            context.stdout.line("\(ticketID) is already linked to \(articleID); nothing changed")
        }
        return KB.success
    }
}
