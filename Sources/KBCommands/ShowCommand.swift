import Foundation
import KBCore

/// `kb show ID…`: tickets with their timelines.
struct ShowCommand: Subcommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show tickets with their timeline, or articles.",
        arguments: [ArgumentSpec("id", help: "Ticket ids (T-1042) or article ids (KB-0007).", repeating: true)],
        options: [
            .flag("--json", help: "Print an array of tickets with all fields, events and SLA state."),
            .value("--now", valueName: "TIME", help: "Measure open tickets' SLA at this ISO 8601 time (default: now)."),
            TimeZoneOption.spec,
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let now = try arguments.value("--now").map { text in
            guard let stamp = Timestamp(iso8601: text) else {
                throw UsageError("--now needs an ISO 8601 time with an offset, such as 2026-03-02T09:14:00-03:00")
            }
            return stamp
        } ?? context.now
        let policy = try workspace.loadPolicy()
        let displayClock = try TimeZoneOption.clock(arguments)
        var tickets: [Ticket] = []
        var articles: [Store.IndexedArticle] = []
        for id in arguments.positionals {
            if let ticket = try store.ticket(id: id) {
                tickets.append(ticket.sortedTimeline())
            } else if let article = try store.articles(id: id).first {
                articles.append(article)
            } else {
                throw TicketError.notFound(id: id)
            }
        }
        if arguments.flag("--json") {
            var writer = JSONWriter(pretty: true)
            writer.beginArray()
            for ticket in tickets {
                let sla = TicketSLA(ticket: ticket, policy: policy, now: now)
                ticket.write(to: &writer) { writer in
                    writer.key("sla")
                    sla.write(to: &writer, clock: displayClock)
                }
            }
            for article in articles {
                writer.beginObject()
                writer.member("type", "article")
                writer.member("id", article.id)
                writer.member("path", article.path)
                writer.member("title", article.title)
                writer.member("state", article.state)
                writer.member("audience", article.audience)
                writer.member("services", article.services)
                writer.member("tickets", article.tickets)
                writer.endObject()
            }
            writer.endArray()
            context.stdout.line(writer.text)
            return KB.success
        }
        var first = true
        for ticket in tickets {
            if !first { context.stdout.line() }
            first = false
            let sla = TicketSLA(ticket: ticket, policy: policy, now: now)
            context.stdout.write(TicketText.render(ticket, clock: displayClock ?? sla.localClock))
            context.stdout.line()
            for line in sla.textLines(clock: displayClock) { context.stdout.line(line) }
        }
        for article in articles {
            if !first { context.stdout.line() }
            first = false
            let url = workspace.root.appendingPathComponent(article.path)
            context.stdout.line("\(article.id)  \(article.title)  (\(article.state), \(article.audience), \(article.path))")
            if let text = try? String(contentsOf: url, encoding: .utf8) {
                context.stdout.line()
                context.stdout.write(text.hasSuffix("\n") ? text : text + "\n")
            }
        }
        return KB.success
    }
}
