import Foundation
import KBCore

/// `kb show ID…`: tickets with their timelines.
struct ShowCommand: Subcommand {
    static let spec = CommandSpec(
        name: "show",
        abstract: "Show tickets with their timeline, or articles.",
        arguments: [ArgumentSpec("id", help: "Ticket ids (T-1042) or article ids (KB-0007).", repeating: true)],
        options: [
            .flag("--json", help: "Print an array of tickets with all fields and events."),
        ])

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let workspace = try context.workspace(arguments)
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        var tickets: [Ticket] = []
        for id in arguments.positionals {
            guard let ticket = try store.ticket(id: id) else { throw TicketError.notFound(id: id) }
            tickets.append(ticket)
        }
        if arguments.flag("--json") {
            var writer = JSONWriter(pretty: true)
            writer.beginArray()
            for ticket in tickets { ticket.sortedTimeline().write(to: &writer) }
            writer.endArray()
            context.stdout.line(writer.text)
            return KB.success
        }
        for (index, ticket) in tickets.enumerated() {
            if index > 0 { context.stdout.line() }
            context.stdout.write(TicketText.render(ticket.sortedTimeline()))
        }
        return KB.success
    }
}
