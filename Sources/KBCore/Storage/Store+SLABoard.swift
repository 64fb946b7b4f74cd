extension Store {
    /// The ticket column (or JSON field) a board filter reads; fixed SQL, never user text.
    static func ticketColumn(of field: SLABoardFilter.Field) -> String {
        switch field {
        case .customer: return "customer"
        case .service: return "service"
        case .plan: return "plan"
        case .severity: return "severity"
        case .assignee: return "(doc ->> '$.assignee')"
        }
    }

    /// The distinct non-empty values of a ticket field, sorted, so a filter can be checked and matched.
    func distinctTicketValues(of field: SLABoardFilter.Field) throws -> [String] {
        let column = Store.ticketColumn(of: field)
        return try connection.prepare("SELECT DISTINCT \(column) FROM tickets WHERE \(column) IS NOT NULL AND \(column) != '' ORDER BY 1")
            .map { $0.text(0) }
    }
}
