/// The tickets (with their SLA state) and articles `KnowledgeBase.show(_:)` found, tickets first, each in the
/// order asked, and the ids it found nothing for.
public struct ShowResult: Sendable {
    /// A ticket, its timeline sorted, and its SLA clocks at the request's instant.
    public struct ShownTicket: Sendable {
        public let ticket: Ticket
        public let sla: TicketSLA
    }

    /// An indexed article and its file's text (nil when the file can no longer be read).
    public struct ShownArticle: Sendable {
        public let article: Store.IndexedArticle
        public let text: String?
    }

    public let tickets: [ShownTicket]
    public let articles: [ShownArticle]
    /// Ids that are neither a stored ticket nor an indexed article, in the order asked.
    public let missing: [String]
}

extension ShowResult: JSONEncodable {
    /// Read by people as often as by programs: indented.
    public static var jsonIsIndented: Bool { true }

    /// An array: each ticket with all its fields, events and an `"sla"` object, then each article's index entry
    /// (the ids not found are not in it: the CLI reports them on standard error).
    public func write(to writer: inout JSONWriter) {
        writer.beginArray()
        for shown in tickets {
            shown.ticket.write(to: &writer) { writer in
                writer.key("sla")
                shown.sla.write(to: &writer)
            }
        }
        for shown in articles {
            let article = shown.article
            writer.object(("type", "article"), ("id", article.id), ("path", article.path), ("title", article.title),
                          ("state", article.state), ("audience", article.audience), ("services", article.services),
                          ("tickets", article.tickets))
        }
        writer.endArray()
    }
}
