import Foundation
import KBCore

/// `kb article draft ID`: a KCS draft from a solved ticket.
struct ArticleDraftCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "draft",
        abstract: "Draft a KCS article from a resolved or closed ticket into kb/articles.",
        discussion: """
            The draft takes the Problema from the customer's words (title, description and what the
            customer added before the resolution), the Entorno from the ticket's service, plan and
            channel, the Solución from the resolution and the public actions and comments, the Causa
            from the root cause, and puts internal events in an internal block. Personal data the
            store knows of is redacted. The article gets the next free KB id, state wip and audience
            internal, and goes to kb/articles/SERVICE/TITLE-SLUG.md from templates/article.md.mustache.
            An existing file is never overwritten. With --json: {"id","path","ticket","title","language"}.
            With --template-data: the JSON the template is rendered from (for 'kb render'); nothing is
            written.
            """,
        examples: ["kb article draft T-0000593", "kb article draft T-0000593 --lang en",
                   "kb article draft T-0000593 --template-data > articulo.json"])

    @Argument(help: "The ticket id (T-1042).") var ticket: String
    @OptionGroup var language: LanguageOption
    @Flag(help: "Draft from a ticket that is not resolved or closed yet.") var force: Bool
    @OptionGroup var output: JSONOption
    @OptionGroup var templateData: TemplateDataOption

    func validate() throws {
        try templateData.refuse([(output.json, "--json")])
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let request = ArticleDraftRequest(ticketID: ticket, language: language.language, allowOpen: force,
                                          write: !templateData.templateData)
        let draft = try context.knowledgeBase().draftArticle(request)
        if templateData.templateData {
            templateData.print(draft.templateData, to: context)
            return KB.success
        }
        if output.json {
            context.printJSON(draft)
            return KB.success
        }
        let marker = draft.language.catalogue["article.placeholder"]
        context.stdout.line("wrote \(draft.path) (\(draft.id), state wip) from \(draft.ticketID)")
        context.stdout.line("next: complete the \(marker) parts, then 'kb article lint \(draft.path)' and 'kb index'")
        return KB.success
    }
}
