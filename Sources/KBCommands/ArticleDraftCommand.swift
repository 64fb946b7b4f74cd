import Foundation
import KBCore

/// `kb article draft ID`: a KCS draft from a solved ticket.
struct ArticleDraftCommand: Subcommand {
    static let spec = CommandSpec(
        name: "draft",
        abstract: "Draft a KCS article from a resolved or closed ticket into kb/articles.",
        discussion: """
            The draft takes the Problema from the customer's words (title, description and what the
            customer added before the resolution), the Entorno from the ticket's service, plan and
            channel, the Solución from the resolution and the public actions and comments, the Causa
            from the root cause, and puts internal events in an internal block. Personal data the
            store knows of is redacted. The article gets the next free KB id, state wip and audience
            internal, and goes to kb/articles/SERVICE/TITLE-SLUG.md from templates/article.md.mustache.
            An existing file is never overwritten.
            """,
        arguments: [ArgumentSpec("ticket", help: "The ticket id (T-1042).")],
        options: [
            .value("--lang", valueName: "LANG", help: "Language of the draft (default: the workspace's).", choices: Language.allCases.map(\.rawValue)),
            .flag("--force", help: "Draft from a ticket that is not resolved or closed yet."),
            .flag("--json", help: "Print the new article's id, path and ticket as JSON."),
        ],
        examples: ["kb article draft T-1042", "kb article draft T-1042 --lang en"])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let ticketID = arguments.positionals[0]
        let language = arguments.value("--lang").flatMap(Language.init(rawValue:))
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let draft = try workspace.draftArticle(ticketID: ticketID, store: store, language: language, now: context.now,
                                               allowOpen: arguments.flag("--force"))
        if arguments.flag("--json") {
            var writer = JSONWriter()
            writer.beginObject()
            writer.member("id", draft.id)
            writer.member("path", draft.path)
            writer.member("ticket", draft.ticketID)
            writer.member("title", draft.title)
            writer.member("language", draft.language.rawValue)
            writer.endObject()
            context.stdout.line(writer.text)
            return KB.success
        }
        let marker = draft.language.catalogue["article.placeholder"]
        context.stdout.line("wrote \(draft.path) (\(draft.id), state wip) from \(draft.ticketID)")
        context.stdout.line("next: complete the \(marker) parts, then 'kb article lint \(draft.path)' and 'kb index'")
        return KB.success
    }
}
