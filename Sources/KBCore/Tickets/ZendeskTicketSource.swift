extension ImportFormat {
    /// Zendesk's ticket export: `{"tickets": […]}` (incremental export pages too) or JSON Lines of ticket objects.
    public static let zendesk = ImportFormat(rawValue: "zendesk")
}

/// Zendesk's ticket export: each ticket object converted through the policy's maps and the mapping file; a ticket
/// repeated in the export (incremental exports list a ticket again after each update) replaces the earlier copy.
struct ZendeskTicketSource: TicketSource {
    static let format = ImportFormat.zendesk
    static let signature = "Zendesk exports (a tickets array, or objects with subject, requester_id or via)"
    /// Members kb tickets never have and Zendesk's ticket objects (or pages of them) do.
    private static let members: Set = ["tickets", "subject", "requester_id", "via"]

    private let converter: ZendeskTicketConverter
    private let comments: ZendeskCommentSource?

    init(context: ImportContext) throws {
        let settings = context.settings.zendesk
        comments = try settings.commentsPath.map { try ZendeskCommentSource(path: $0) }
        converter = ZendeskTicketConverter(settings: settings, timeZoneCheck: context.timeZones.isKnownTimeZone)
    }

    static func recognition(in prefix: ImportPrefix) -> Int? {
        if let line = prefix.firstObject(where: { !$0.isDisjoint(with: members) }) { return line }
        if prefix.startsWithObject, !prefix.leadingObjectKeys.isDisjoint(with: members) { return 0 }
        return nil
    }

    func read(_ file: ImportFile, into body: (ImportItem) throws -> Void) throws {
        try ZendeskExportReader(input: file.input, file: file.name).forEachTicket { item in
            let outcome: ImportItem
            switch item {
            case let .rejected(line, label, problem):
                outcome = .rejected(ImportRejection(file: file.name, line: line, problem: problem, place: label))
            case let .ticket(object, line, label):
                let place = [label, ZendeskTicketConverter.ticketID(of: object)].compactMap { $0 }.joined(separator: " ")
                do {
                    let external = try ZendeskTicketConverter.zendeskID(object["id"]).flatMap { try comments?.comments(forTicket: $0) }
                    outcome = .ticket(TicketRecord(canonical: try converter.ticket(from: object, comments: external)))
                } catch let error as TicketError {
                    outcome = .rejected(ImportRejection(file: file.name, line: line, problem: error, place: place))
                }
            }
            try body(outcome)
            return true
        }
    }
}
