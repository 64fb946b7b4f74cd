import Foundation
import KBCore

/// `kb suggest`: intake help for a new ticket.
struct SuggestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        name: "suggest",
        abstract: "Suggest severity, missing information, SLA due times and solutions for a new ticket.",
        discussion: """
            Reads the ticket's text from the arguments, from --file (a native ticket JSON object) or from
            standard input. Prints the suggested severity with its reasons (the manual's definitions and the
            severities of similar past tickets), the information still missing with a message for the
            customer, the due times for the customer's plan, the top 5 solutions (validated articles first,
            then resolved tickets) with the words they share, open tickets that may be duplicates (several
            customers: probable major incident), and escalation and routing hints. With --json:
            {"severity":{"suggested","reasons"},"missing","customer_request","sla","solutions","duplicates",
            "probable_major_incident","escalation","routing"}. The texts for the agent (reasons, questions,
            escalation, routing) are in English unless --lang says otherwise; kb serve writes them in the
            workspace's language (Spanish by default), so `kb suggest --json --lang es` answers as
            POST /api/suggest does. Without --json, --lang prints the suggestion as the internal note the helpdesk
            webhook posts, in that language.
            """,
        examples: ["kb suggest \"No carga el login del portal, pantalla en blanco\" --customer \"Transportes Andinos\"",
                   "echo 'las llamadas entrantes se cortan' | kb suggest --json"])

    @Argument(help: "The ticket's text (title first).") var text: [String] = []
    @Option(valueName: "FILE", help: "A native ticket JSON object to read instead.") var file: String?
    @Option(valueName: "NAME", help: "The customer, when known.") var customer: String?
    @Option(help: "The customer's plan (12x5, 24x7), when known.") var plan: String?
    @Option(help: "The affected service, when known.") var service: String?
    @Option(valueName: "TIME", help: "Treat the request as received at this ISO 8601 time.") var now: Timestamp?
    @OptionGroup var output: JSONOption
    @OptionGroup var zone: TimeZoneOption
    @Option(name: "--lang", valueName: "LANG", help: "Write the advice in this language (es, en): the texts of --json, else the helpdesk note.")
    var language: Language?

    func validate() throws {
        if file != nil, !text.isEmpty { throw UsageError("give either TEXT or --file FILE, not both") }
    }

    func run(_ context: CommandContext) throws -> Int32 {
        var request = try intake(context)
        request.customer = customer ?? request.customer
        request.plan = plan ?? request.plan
        request.service = service ?? request.service
        request.receivedAt = now ?? request.receivedAt
        let knowledgeBase = try context.knowledgeBase()
        let suggestion = try knowledgeBase.suggest(request)
        if let language {
            if output.json {
                context.printJSON(LocalizedSuggestion(suggestion: suggestion, language: language))
            } else {
                context.stdout.write(try knowledgeBase.suggestionNote(suggestion, language: language))
            }
        } else {
            output.print(suggestion, or: suggestion.text(clock: zone.tz), to: context)
        }
        return KB.success
    }

    /// The request from --file, the arguments or standard input.
    private func intake(_ context: CommandContext) throws -> IntakeRequest {
        if let file {
            let data = try IntakeRequest.readTicketFile(path: context.input(file, kind: "ticket files").path, displayPath: file)
            do {
                return try IntakeRequest(ticketJSON: data, source: file)
            } catch .unreadable(let path, let reason) {
                throw TicketError.unreadable(path: path, reason: reason)
            } catch {
                throw UsageError("\(file): \(error)")
            }
        }
        var input = text.joined(separator: " ")
        if input.isEmpty {
            let data = context.readStandardInput()
            guard data.count <= IntakeRequest.maximumInputBytes else { throw IntakeRequest.tooLarge("standard input") }
            input = String(decoding: data, as: UTF8.self)
        }
        guard let request = IntakeRequest(text: input, receivedAt: now ?? context.now) else {
            throw UsageError("give the ticket's text as arguments, with --file, or on standard input")
        }
        return request
    }
}

/// A suggestion's JSON with its texts for the agent in `language` (`Suggestion.write(to:language:)`).
private struct LocalizedSuggestion: JSONEncodable {
    let suggestion: Suggestion
    let language: Language

    func write(to writer: inout JSONWriter) {
        suggestion.write(to: &writer, language: language)
    }
}
