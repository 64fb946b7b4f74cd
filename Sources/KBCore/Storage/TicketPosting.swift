/// One ticket in one term's posting list (`ticket_postings`): how often the ticket's title holds the term and how often
/// its other four columns do, and the ticket's length; what BM25 needs of a match, without positions.
struct TicketPosting: Equatable, Sendable {
    let rowid: Int64
    /// Occurrences in the title (the first index column).
    let titleCount: Int32
    /// Occurrences in columns 1–4 (description, resolution, root cause, events text).
    let otherCount: Int32
    /// The ticket's tokens over all five columns (what FTS5's `xColumnSize(ctx, -1)` gives a row).
    let length: Int32
}
