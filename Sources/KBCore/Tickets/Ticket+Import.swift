extension Ticket {
    /// The years an imported time may fall in: anything outside is a misread column (`0000`, `9999`, two-digit
    /// years read as the first century), and would put a ticket decades away from every report.
    public static let importableYears = 1970...2100

    /// Checks what every format's records must satisfy beyond their own validation, so that reports built on them
    /// are true: times in `importableYears`, and neither `resolved_at` nor `closed_at` before `created_at` (an SLA
    /// measured over such a ticket reads "resolved in 0 s, met").
    public func checkImportable() throws(TicketError) {
        try Self.checkImportableYear(createdAt, field: "created_at")
        if let resolvedAt { try Self.checkImportableYear(resolvedAt, field: "resolved_at") }
        if let closedAt { try Self.checkImportableYear(closedAt, field: "closed_at") }
        // The field's name is only spelled out for an error: import checks every event of every ticket.
        for (index, event) in events.enumerated() {
            try Self.checkImportableYear(event.at, field: "events[\(index)].at")
        }
        for (field, time) in [("resolved_at", resolvedAt), ("closed_at", closedAt)] {
            guard let time, time.seconds < createdAt.seconds else { continue }
            throw .invalidField(field: field, reason: "'\(time.iso8601)' is before created_at '\(createdAt.iso8601)'")
        }
    }

    /// Throws when `time` falls outside `importableYears`, naming `field`.
    private static func checkImportableYear(_ time: Timestamp, field: @autoclosure () -> String) throws(TicketError) {
        let local = time.seconds + Int64(time.offsetSeconds)
        let year = Timestamp.civilFromDays(local >= 0 ? local / 86_400 : (local - 86_399) / 86_400).year
        guard importableYears.contains(year) else {
            throw .invalidField(field: field(), reason: "'\(time.iso8601)' is in the year \(year); kb takes times from \(importableYears.lowerBound) to \(importableYears.upperBound) (a misread date column?)")
        }
    }

    /// A title made from the first words of a description, for records whose subject is empty (some channels and
    /// exports leave it so); nil when the description has no text either.
    public static func title(fromDescription description: String, maximumLength: Int = 120) -> String? {
        guard let line = description.split(whereSeparator: \.isNewline)
            .map({ $0.trimmingCharacters(in: .whitespaces) })
            .first(where: { !$0.isEmpty }) else { return nil }
        guard line.count > maximumLength else { return line }
        let cut = line.prefix(maximumLength - 1)
        let atWord = cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut
        return atWord.trimmingCharacters(in: .whitespaces) + "…"
    }

    /// Gives a ticket from an export without a timeline (CSV) or with a partial one (Zendesk) the events its fields
    /// imply, so SLA clocks and reviews read it as they would a native ticket:
    /// - `created` at `created_at`, `resolved` at `resolved_at`, `closed` at `closed_at`, when missing;
    /// - a public `comment` at `firstResponse` (an export's first-response column) when no public comment is earlier,
    ///   which stops the first-response clock;
    /// - a `status` event when the ticket's status is not the one its events end in (e.g. exported as
    ///   `waiting_customer`): at `lastUpdate` (when the export says when the ticket last changed), else at its latest
    ///   event. That is what pauses a waiting ticket's clock (`TicketStatusTimeline`).
    ///
    /// A `firstResponse` or `lastUpdate` before `created_at` is refused, naming the field.
    public mutating func completeImportedTimeline(firstResponse: Timestamp?, lastUpdate: Timestamp?) throws(TicketError) {
        for (field, time) in [("first_response_at", firstResponse), ("updated_at", lastUpdate)] {
            guard let time, time.seconds < createdAt.seconds else { continue }
            throw .invalidField(field: field, reason: "'\(time.iso8601)' is before created_at '\(createdAt.iso8601)'")
        }
        if !events.contains(where: { $0.kind == .created }) {
            insert(TicketEvent(at: createdAt, kind: .created, text: ""))
        }
        if let firstResponse,
           !events.contains(where: { $0.kind == .comment && $0.visibility == .public && $0.at.seconds <= firstResponse.seconds }) {
            insert(TicketEvent(at: firstResponse, kind: .comment, text: ""))
        }
        if let resolvedAt, !events.contains(where: { $0.kind == .resolved }) {
            insert(TicketEvent(at: resolvedAt, kind: .resolved, text: ""))
        }
        if let closedAt, !events.contains(where: { $0.kind == .closed }) {
            insert(TicketEvent(at: closedAt, kind: .closed, text: ""))
        }
        let timeline = TicketStatusTimeline(ticket: self, until: .max)
        if !status.isDone, timeline.changes.last?.status != status {
            let latest = events.map(\.at).max { $0.seconds < $1.seconds } ?? createdAt
            let at = lastUpdate.map { $0.seconds >= latest.seconds ? $0 : latest } ?? latest
            insert(TicketEvent(at: at, kind: .status, text: "", status: status))
        }
    }

    /// Inserts `event` after every event at or before its time, so the timeline stays in time order.
    private mutating func insert(_ event: TicketEvent) {
        let index = events.lastIndex { $0.at.seconds <= event.at.seconds }.map { $0 + 1 } ?? 0
        events.insert(event, at: index)
    }
}
