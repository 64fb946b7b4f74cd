/// One non-blank line of a JSON Lines file as the reading thread hands it to the writing thread.
struct DecodedRecord: Sendable {
    /// What the line turned out to be.
    enum Content: Sendable {
        /// A valid ticket, as stored: the line's JSON as is, its fingerprint and its full-text columns.
        case ticket(TicketRecord)
        /// A line refused, with why.
        case rejected(TicketError)
    }

    /// 1-based line number in the file.
    let line: Int
    let content: Content
}
