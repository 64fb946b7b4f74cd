/// What the store writes for one ticket: its columns, its stored document with the fingerprint, and its
/// full-text columns, without the rest of the `Ticket` (events, tags…), which import frees on its reading thread.
struct TicketRecord: Sendable {
    let id: String
    let severity: Int
    let status: String
    let service: String?
    let customer: String?
    let plan: String?
    let channel: String?
    let createdAt: Int64
    let resolvedAt: Int64?
    let closedAt: Int64?
    /// FNV-1a of `doc` (see `FNV1a`): how a re-import tells an unchanged ticket.
    let hash: String
    /// The ticket's JSON, valid UTF-8.
    let doc: [UInt8]
    /// Title, description, resolution, root cause and events text: the `tickets_fts` columns, in order.
    let searchTexts: [String]
    /// The language the texts are analysed in; nil: the workspace's (see `Ticket.analysisLanguage`).
    let language: Language?
    /// The terms of `searchTexts` when the reading thread analysed them ahead of time.
    var preparedTerms: PreparedTerms?

    /// The record of a ticket stored in its canonical JSON form (every format but JSON Lines, whose lines are
    /// stored as they are).
    init(canonical ticket: Ticket) {
        var writer = JSONWriter()
        ticket.write(to: &writer)
        let doc = writer.bytes
        self.init(ticket, doc: doc, hash: doc.withUnsafeBufferPointer { FNV1a.hex($0) })
    }

    /// `doc` must be JSON that decodes to `ticket`.
    init(_ ticket: Ticket, doc: [UInt8], hash: String) {
        id = ticket.id
        severity = ticket.severity
        status = ticket.status.rawValue
        service = ticket.service
        customer = ticket.customer
        plan = ticket.plan
        channel = ticket.channel?.rawValue
        createdAt = ticket.createdAt.seconds
        resolvedAt = ticket.resolvedAt?.seconds
        closedAt = ticket.closedAt?.seconds
        self.hash = hash
        self.doc = doc
        language = ticket.analysisLanguage
        searchTexts = [ticket.title, ticket.description, ticket.resolution ?? "", ticket.rootCause ?? "", ticket.eventsText]
    }
}
