import Foundation
import KBCore

/// `kb article link TICKET KB-ID`: records that an article solved a ticket.
struct ArticleLinkCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "link",
        abstract: "Record that an article solved a ticket (KCS reuse).",
        discussion: """
            The link is kept in the database (article_links), not in the ticket's source data, and
            counts in 'kb gaps' for the link rate, article reuse and coverage. The ticket must be in
            the store and the article indexed ('kb index'). Linking twice changes nothing. With --json:
            {"ticket","article","linked":true|false} (false: already linked).
            """,
        examples: ["kb article link T-0000593 KB-0001", "kb article link T-0000593 KB-0001 --json"])

    @Argument(help: "The ticket id (T-1077).") var ticket: String
    @Argument(help: "The article id (KB-0007).") var article: String
    @OptionGroup var output: JSONOption

    func run(_ context: CommandContext) throws -> Int32 {
        let result = try context.knowledgeBase().linkArticle(ticket: ticket, article: article)
        if output.json {
            context.printJSON(result)
        } else if result.linked {
            context.stdout.line("linked \(ticket) to \(article) (\(result.articleTitle))")
        } else {
            context.stdout.line("\(ticket) is already linked to \(article); nothing changed")
        }
        return KB.success
    }
}
