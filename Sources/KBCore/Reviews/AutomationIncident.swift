/// What automation mining keeps of one closed severity 1–2 incident: small, so tens of thousands fit in memory.
struct AutomationIncident: Sendable {
    /// One `action` event: its normalised phrase and the manual seconds it counts.
    struct ActionUse: Sendable {
        var phrase: Int32
        var seconds: Int64
    }

    /// The first escalation of the incident to one target.
    struct Escalation: Sendable {
        /// A level (`N2`) or `vendor:NAME`.
        var target: String
        /// Wall-clock seconds from creation to the escalation.
        var delaySeconds: Int64
        /// Manual seconds counted before the escalation.
        var workSecondsBefore: Int64
    }

    var id: String
    /// The ticket's service; empty when it names none.
    var service: String
    var createdAt: Int64
    /// Manual work over the whole timeline (see ``AutomationProposal``).
    var workSeconds: Int64
    /// Actions in time order.
    var actions: [ActionUse]
    /// Distinct evidence-request phrases of public support comments.
    var evidenceRequests: [Int32]
    /// Distinct normalised root-cause terms; empty when the ticket has no root cause.
    var causeTerms: [Int32]
    var causeText: String
    /// The ticket's own `articles` field names an article.
    var namesArticle: Bool
    /// Reported by the customer: not from the monitoring channel and no `detected` event at or before creation.
    var customerReported: Bool
    var escalations: [Escalation]
    /// Some SLA clock of the ticket is breached.
    var breached: Bool
    /// Local weekday of creation, Monday = 0, in the ticket's SLA time zone.
    var weekday: Int
    /// Local hour of creation, 0–23.
    var hour: Int
    /// Created outside the 12x5 calendar's hours (Monday–Friday 08:00–20:00 local, holidays excluded).
    var outsideBusinessHours: Bool

    /// Manual seconds each event counts, by the rule of ``AutomationProposal``: per author, the first
    /// `action`/`evidence` event counts a fixed time and each later one its capped gap since that
    /// author's previous one. Other events count zero. `events` must be in time order.
    static func workSeconds(of events: [TicketEvent]) -> [Int64] {
        let first = Int64(AutomationProposal.firstActionMinutes * 60)
        let cap = Int64(AutomationProposal.gapCapMinutes * 60)
        var previous: [String: Int64] = [:]
        var result = [Int64](repeating: 0, count: events.count)
        for (index, event) in events.enumerated() where event.kind == .action || event.kind == .evidence {
            let author = event.author ?? ""
            if let last = previous[author] {
                result[index] = min(cap, max(0, event.at.seconds - last))
            } else {
                result[index] = first
            }
            previous[author] = event.at.seconds
        }
        return result
    }
}
