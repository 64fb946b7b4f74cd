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
            channel, the Solución from the resolution and numbered steps from the actions taken
            (logged actions, public or internal, vendor escalations and what public comments say was
            done; never greetings, thanks, apologies or questions), imperative, once each, in the order
            done; the Causa from the root cause, and puts internal events in an internal block. Personal
            data the store knows of is redacted. The article gets the next free KB id, state wip and
            audience internal, and goes to kb/articles/SERVICE/TITLE-SLUG.md from
            templates/article.md.mustache, in the ticket's language unless --lang says otherwise (else
            the policy's). An existing file is never overwritten. When an existing article already
            covers the problem (the ticket links it, or it states the problem and explains its cause),
            a warning names it on standard error; the draft is still written unless --unless-covered.
            With --json: {"id","path","ticket","title","language","written","covered_by":[{"id","title",
            "state","path","reason"}]}. With --template-data: the JSON the template is rendered from
            (for 'kb render'); nothing is written.
            """,
        examples: ["kb article draft T-0000593", "kb article draft T-0000593 --lang en",
                   "kb article draft T-0000593 --unless-covered",
                   "kb article draft T-0000593 --template-data > articulo.json"])

    @Argument(help: "The ticket id (T-1042).") var ticket: String
    @OptionGroup var language: LanguageOption
    @Flag(help: "Draft from a ticket that is not resolved or closed yet.") var force: Bool
    @Flag(help: "Write nothing when an existing article already covers the problem.") var unlessCovered: Bool
    @OptionGroup var output: JSONOption
    @OptionGroup var templateData: TemplateDataOption

    func validate() throws {
        try templateData.refuse([(output.json, "--json")])
    }

    func run(_ context: CommandContext) throws -> Int32 {
        let request = ArticleDraftRequest(ticketID: ticket, language: language.language, allowOpen: force,
                                          write: !templateData.templateData, unlessCovered: unlessCovered)
        let draft = try context.knowledgeBase().draftArticle(request)
        if templateData.templateData {
            templateData.print(draft.templateData, to: context)
            return KB.success
        }
        for article in draft.coveredBy {
            let why = article.reason == .linked ? "the ticket links it" : "it states the problem and explains its cause"
            context.stderr.line("warning: \(article.id) (\(article.state)) already covers \(draft.ticketID): \(article.title) "
                + "[\(article.path)]; \(why)")
        }
        if output.json {
            context.printJSON(draft)
            return KB.success
        }
        guard draft.written else {
            let ids = draft.coveredBy.map(\.id).joined(separator: ", ")
            context.stdout.line("wrote nothing: \(ids) already \(draft.coveredBy.count == 1 ? "covers" : "cover") \(draft.ticketID) "
                + "(--unless-covered); link it with 'kb article link \(draft.ticketID) \(draft.coveredBy[0].id)'")
            return KB.success
        }
        if let first = draft.coveredBy.first, first.reason == .answers {
            context.stderr.line("hint: link it instead with 'kb article link \(draft.ticketID) \(first.id)', or extend it")
        }
        let marker = draft.language.catalogue["article.placeholder"]
        context.stdout.line("wrote \(draft.path) (\(draft.id), state wip) from \(draft.ticketID)")
        context.stdout.line("next: complete the \(marker) parts, then 'kb article lint \(draft.path)' and 'kb index'")
        return KB.success
    }
}
