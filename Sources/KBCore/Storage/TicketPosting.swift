/// One ticket in one term's posting list (`ticket_postings`): how often FTS5 indexed the term in the ticket's title and
/// in its other four columns, and the ticket's length; what BM25 needs of a match, without positions.
struct TicketPosting: Equatable, Sendable {
    let rowid: Int64
    /// Occurrences in column 0 of `tickets_fts` (the title).
    let titleCount: Int32
    /// Occurrences in columns 1–4 (description, resolution, root cause, events text).
    let otherCount: Int32
    /// The ticket's tokens over all five columns: FTS5's `xColumnSize(ctx, -1)` for the row.
    let length: Int32
}
