import Foundation
import KBCore

/// `kb suggest`: intake help for a new ticket.
struct SuggestCommand: Subcommand {
    static let spec = CommandSpec(
        name: "suggest",
        abstract: "Suggest severity, missing information, SLA due times and solutions for a new ticket.",
        discussion: """
            Reads the ticket's text from the arguments, from --file (a native ticket JSON object) or from
            standard input. Prints the suggested severity with its reasons (the manual's definitions and the
            severities of similar past tickets), the information still missing with a message for the
            customer, the due times for the customer's plan, the top 5 solutions (validated articles first,
            then resolved tickets) with the words they share, open tickets that may be duplicates (several
            customers: probable major incident), and escalation and routing hints.
            """,
        arguments: [ArgumentSpec("text", help: "The ticket's text (title first).", optional: true, repeating: true)],
        options: [
            .value("--file", valueName: "FILE", help: "A native ticket JSON object to read instead."),
            .value("--customer", valueName: "NAME", help: "The customer, when known."),
            .value("--plan", valueName: "PLAN", help: "The customer's plan (12x5, 24x7), when known."),
            .value("--service", valueName: "SERVICE", help: "The affected service, when known."),
            .value("--now", valueName: "TIME", help: "Treat the request as received at this ISO 8601 time."),
            TimeZoneOption.spec,
            .flag("--json", help: "Print the suggestion as JSON."),
        ],
        examples: ["kb suggest \"No carga el login del portal, pantalla en blanco\" --customer \"Transportes Andinos\"",
                   "echo 'las llamadas entrantes se cortan' | kb suggest --json"])

    /// The most text one request may bring, the same bound as one imported ticket.
    static let maximumInputBytes = Ticket.Limits.maximumTextBytes * 2

    static func tooLarge(_ source: String) -> TicketError {
        .unreadable(path: source, reason: "over \(maximumInputBytes) bytes, more than one ticket may hold")
    }

    static func run(_ arguments: ParsedArguments, _ context: CommandContext) throws -> Int32 {
        let now = try arguments.value("--now").map { try SearchCommand.day($0, option: "--now") } ?? context.now
        var request: IntakeRequest
        if let path = arguments.value("--file") {
            guard arguments.positionals.isEmpty else { throw UsageError("give either TEXT or --file FILE, not both") }
            let url = context.url(path)
            guard let handle = FileHandle(forReadingAtPath: url.path) else {
                throw TicketError.unreadable(path: path, reason: "no such file")
            }
            defer { try? handle.close() }
            // Read no more than one ticket may hold: parsed JSON takes about ten times its text in memory.
            let data = (try? handle.read(upToCount: maximumInputBytes + 1)) ?? Data()
            guard data.count <= maximumInputBytes else { throw tooLarge(path) }
            let json: JSONValue
            do {
                json = try JSONParser().parse(String(decoding: data, as: UTF8.self))
            } catch {
                throw TicketError.unreadable(path: path, reason: "\(error)")
            }
            let ticket: Ticket
            do { ticket = try Ticket(json: json) } catch { throw UsageError("\(path): \(error)") }
            request = IntakeRequest(title: ticket.title, description: ticket.description, customer: ticket.customer,
                                    plan: ticket.plan, service: ticket.service, receivedAt: ticket.createdAt, ticketID: ticket.id)
        } else {
            var text = arguments.positionals.joined(separator: " ")
            if text.isEmpty {
                let input = context.readStandardInput()
                guard input.count <= maximumInputBytes else { throw tooLarge("standard input") }
                text = String(decoding: input, as: UTF8.self)
            }
            text = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !text.isEmpty else { throw UsageError("give the ticket's text as arguments, with --file, or on standard input") }
            let lines = text.split(separator: "\n", maxSplits: 1)
            request = IntakeRequest(title: String(lines[0]), description: lines.count > 1 ? String(lines[1]) : "", receivedAt: now)
        }
        if let customer = arguments.value("--customer") { request.customer = customer }
        if let plan = arguments.value("--plan") { request.plan = plan }
        if let service = arguments.value("--service") { request.service = service }
        if arguments.value("--now") != nil { request.receivedAt = now }

        let workspace = try context.workspace(arguments)
        let policy = try workspace.loadPolicy()
        let store = try workspace.openStore(create: false)
        defer { try? store.close() }
        let engine = try SearchEngine(store: store, builder: try workspace.queryBuilder(for: store))
        let suggestion = try Suggester(store: store, engine: engine, policy: policy).suggest(request)
        context.stdout.write(arguments.flag("--json") ? suggestion.jsonText + "\n" : suggestion.text(clock: try TimeZoneOption.clock(arguments)))
        return KB.success
    }
}
