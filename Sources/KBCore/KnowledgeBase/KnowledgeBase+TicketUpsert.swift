extension KnowledgeBase {
    /// Validates every ticket of the request as `kb import` does (fields, times with offsets, real time zones, one
    /// id once) and, when all are valid, inserts or replaces them in one transaction. Any invalid ticket is
    /// `TicketUpsertError.rejected` listing every one with its index and field, and nothing is written.
    public func upsertTickets(_ request: TicketUpsertRequest) throws -> TicketUpsertResult {
        guard !request.records.isEmpty else { throw TicketUpsertError.empty }
        let checks = ImportRecordChecks()
        var tickets: [Ticket] = []
        var rejections: [TicketRejection] = []
        var firstIndexOfID: [String: Int] = [:]
        for (index, record) in request.records.enumerated() {
            let prefix = request.isBatch ? "[\(index)]" : ""
            let id = record["id"]?.stringValue
            do {
                let ticket = try Ticket(json: record, timeZoneCheck: checks.isKnownTimeZone)
                if let first = firstIndexOfID[ticket.id] {
                    rejections.append(TicketRejection(index: index, id: ticket.id, field: prefix + (prefix.isEmpty ? "id" : ".id"),
                                                      reason: "duplicate id '\(ticket.id)' (first at index \(first))"))
                    continue
                }
                firstIndexOfID[ticket.id] = index
                tickets.append(ticket)
            } catch let .invalidField(field, reason) {
                let path = field == "$" ? (prefix.isEmpty ? "$" : prefix) : prefix + (prefix.isEmpty || field.hasPrefix("[") ? "" : ".") + field
                rejections.append(TicketRejection(index: index, id: id, field: path, reason: reason))
            } catch {
                rejections.append(TicketRejection(index: index, id: id, field: prefix.isEmpty ? "$" : prefix, reason: error.description))
            }
        }
        guard rejections.isEmpty else { throw TicketUpsertError.rejected(rejections) }
        let store = try store(.create)
        let entries = try store.write {
            try tickets.map { TicketUpsertResult.Entry(id: $0.id, outcome: try store.upsert($0)) }
        }
        return TicketUpsertResult(entries: entries)
    }
}
