import CSQLite

/// Whether one ticket passes a search's filters on `tickets` (service, severity, customer, status, period), asked one
/// rowid at a time by the posting-list ranking (`TicketPostingsRanker.accepts`).
///
/// The conditions are the very SQL the FTS5 ranking joins `tickets t` with (`SearchEngine.filterConditions`), so both
/// rankings keep the same tickets. The filter's values are bound once; each check binds the rowid and reads one row
/// by its primary key (the columns it reads come before the stored document in the row, which is not read).
struct TicketFilterCheck {
    private let statement: Statement

    /// A check of `conditions` (over `tickets t`, with `?` for `values`, in order), or nil when there is none.
    init?(conditions: [String], values: [any SQLBindable], connection: Connection) throws {
        guard !conditions.isEmpty else { return nil }
        statement = try connection.cached("SELECT 1 FROM tickets t WHERE t.rowid = ? AND " + conditions.joined(separator: " AND "))
        try statement.bind([Int64(0)] + values)
    }

    /// Whether the ticket at `rowid` exists and passes every condition.
    func accepts(_ rowid: Int64) throws -> Bool {
        sqlite3_reset(statement.handle)
        try statement.bind(.integer(rowid), at: 1)
        defer { sqlite3_reset(statement.handle) }
        return try statement.step()
    }
}
