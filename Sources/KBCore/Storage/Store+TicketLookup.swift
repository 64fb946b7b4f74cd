extension Store {
    /// True when a ticket with this id is stored.
    public func hasTicket(id: String) throws -> Bool {
        try connection.cached("SELECT 1 FROM tickets WHERE id = ?").first([id]) { _ in true } ?? false
    }

    /// The id of the latest-created closed ticket of `severity` (ties broken by id), or nil when there is none.
    public func latestClosedTicketID(severity: Int) throws -> String? {
        try connection.scalarText("""
            SELECT id FROM tickets WHERE status = 'closed' AND severity = ? ORDER BY created_at DESC, id LIMIT 1
            """, [severity])
    }
}
