import Foundation

extension IntakeRequest {
    /// The most text one request may bring, the same bound as one imported ticket.
    public static let maximumInputBytes = Ticket.Limits.maximumTextBytes * 2

    /// A request from free text: the first line is the title, the rest the description; nil when `text` is blank.
    public init?(text: String, receivedAt: Timestamp) {
        let text = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !text.isEmpty else { return nil }
        let lines = text.split(separator: "\n", maxSplits: 1)
        self.init(title: String(lines[0]), description: lines.count > 1 ? String(lines[1]) : "", receivedAt: receivedAt)
    }

    /// A request from a native ticket JSON object (as `kb import` reads one): its text, customer, plan, service,
    /// creation time and id.
    ///
    /// Text over `maximumInputBytes` and text that is not JSON are `TicketError.unreadable(source)`; a JSON object
    /// that is not a valid ticket throws the ticket's own error, naming the field.
    public init(ticketJSON data: Data, source: String) throws(TicketError) {
        guard data.count <= Self.maximumInputBytes else { throw Self.tooLarge(source) }
        let json: JSONValue
        do {
            json = try JSONParser().parse(String(decoding: data, as: UTF8.self))
        } catch {
            throw .unreadable(path: source, reason: "\(error)")
        }
        let ticket = try Ticket(json: json)
        self.init(title: ticket.title, description: ticket.description, customer: ticket.customer, plan: ticket.plan,
                  service: ticket.service, receivedAt: ticket.createdAt, ticketID: ticket.id)
    }

    /// The file at `path` (typed as `displayPath`), refused (`UserFileError`) when it is not a readable regular file
    /// or pipe or is empty, and (`tooLarge`) when it holds more than `maximumInputBytes`: parsed JSON takes about ten
    /// times its text in memory, so no more is ever read.
    public static func readTicketFile(path: String, displayPath: String) throws -> Data {
        do {
            return try UserFile(URL(fileURLWithPath: path), displayPath: displayPath).read(limit: maximumInputBytes)
        } catch .tooLarge {
            throw tooLarge(displayPath)
        }
    }

    /// The error for input over `maximumInputBytes` from `source` (a file, standard input, a request body).
    public static func tooLarge(_ source: String) -> TicketError {
        .unreadable(path: source, reason: "over \(maximumInputBytes) bytes, more than one ticket may hold")
    }
}
