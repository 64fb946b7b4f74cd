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
    /// The fingerprint of the document's JSON (see `storedHash`): how a re-import tells an unchanged ticket.
    let hash: Int64
    /// The ticket's JSON (valid UTF-8), compressed as the store keeps it (`BlockCompressor`).
    let packed: [UInt8]
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
        self.init(ticket, document: writer.bytes)
    }

    /// `document` must be JSON that decodes to `ticket`; it is compressed here, on the thread that prepares records
    /// (with that thread's `compressor` when it prepares many).
    init(_ ticket: Ticket, document: UnsafeBufferPointer<UInt8>, compressor: BlockCompressor.Encoder = .init()) {
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
        hash = Self.storedHash(document)
        packed = compressor.compress(document)
        language = ticket.analysisLanguage
        searchTexts = [ticket.title, ticket.description, ticket.resolution ?? "", ticket.rootCause ?? "", ticket.eventsText]
    }
}

extension TicketRecord {
    /// `init(_:document:)` of JSON held in an array.
    init(_ ticket: Ticket, document: [UInt8]) {
        self = document.withUnsafeBufferPointer { TicketRecord(ticket, document: $0) }
    }

    /// The fingerprint the store keeps for a document (`DocumentFingerprint`), an integer SQLite holds in 8 bytes.
    static func storedHash(_ document: UnsafeBufferPointer<UInt8>) -> Int64 {
        DocumentFingerprint.value(document)
    }
}
