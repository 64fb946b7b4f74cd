/// The review on one screen, as the best postmortems open (Google's SRE workbook, incident.io, PagerDuty): what
/// happened, the impact (customers, tickets, duration), the root cause, how it was resolved, the SLA targets and
/// what we do next, before any detail.
///
/// Built from the review it summarises, so a customer view summarises only what the customer view carries: no
/// other customers, no other tickets, no recurrence, no internal owners.
struct ReviewGlance: Sendable, Equatable {
    /// The actions shown by title; the rest are counted and left to the actions section.
    static let shownActions = 3

    var what: String
    var impact: String
    var rootCause: String
    var resolution: String
    /// One entry per SLA target of the plan, met or breached; a sentence saying so when there are none.
    var sla: String
    /// Earlier incidents with the same cause (internal only); nil when there were none.
    var recurrence: String?
    /// How many timeline warnings the review carries; nil without any.
    var warnings: String?
    /// The first actions with their owners, then how many more there are.
    var next: [String]

    init(review: Review) {
        let words = ReviewVocabulary(language: review.language, businessDay: review.terms.calendar.businessDaySeconds)
        let catalogue = review.language.catalogue
        let forTeam = review.audience == .internal
        what = review.summary

        let impact = review.impact
        let service = review.ticket.service.map { catalogue("review.glance.service", ["service": words.service($0)]) }
            ?? catalogue["review.glance.no_service"]
        let affected: String
        if let end = impact.end, let duration = impact.durationSeconds {
            // The end repeats only what differs from the start: `2025-11-03 07:31 UTC-05:00 → 10:21`.
            let sameDay = end.local.prefix(10) == impact.start.local.prefix(10)
            affected = catalogue("review.glance.affected", [
                "service": service, "duration": words.duration(duration), "start": words.time(impact.start),
                "end": sameDay ? String(end.local.dropFirst(11)) : end.local,
            ])
        } else {
            affected = catalogue("review.glance.affected_open", ["service": service, "start": words.time(impact.start)])
        }
        if forTeam {
            let customers = max(impact.customers.count, 1)
            let tickets = [review.ticket.id] + impact.concurrentReports.map(\.id)
            self.impact = catalogue("review.glance.impact_line", [
                "affected": affected,
                "customers": customers == 1 ? catalogue["review.glance.customers_one"]
                    : catalogue("review.glance.customers_other", ["count": String(customers)]),
                "tickets": tickets.count == 1 ? catalogue["review.glance.tickets_one"]
                    : catalogue("review.glance.tickets_other",
                                ["count": String(tickets.count), "ids": tickets.joined(separator: ", ")]),
            ])
        } else {
            self.impact = catalogue("review.glance.customer_impact_line", ["affected": affected])
        }

        let cause = review.resolution.rootCause?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        rootCause = cause.isEmpty ? catalogue["review.glance.no_root_cause"] : cause.replacingNewlines()
        resolution = words.resolutionKind(review.resolution.kind) + ". " + review.resolution.summary

        let targets = review.metrics.all.compactMap { metric -> String? in
            guard let margin = metric.marginSeconds else { return nil }
            return margin >= 0 ? catalogue("review.glance.sla_met", ["metric": metric.label])
                : catalogue("review.glance.sla_breached", ["metric": metric.label, "excess": words.businessDuration(-margin)])
        }
        sla = targets.isEmpty ? catalogue["review.glance.no_sla_targets"] : targets.joined(separator: "; ") + "."

        let earlier = review.recurrence.incidents
        recurrence = !forTeam || earlier.isEmpty ? nil : catalogue("review.glance.recurrence_line", [
            "times": words.times(earlier.count), "days": String(review.recurrence.windowDays),
            "ids": earlier.map(\.id).joined(separator: ", "),
        ])
        let count = review.warnings.count
        warnings = count == 0 ? nil : catalogue("review.glance.warnings_line", [
            "count": count == 1 ? catalogue["review.glance.warnings_one"]
                : catalogue("review.glance.warnings_other", ["count": String(count)]),
        ])

        // The customer view holds customer-facing actions only; support carries them out.
        var next = review.actions.prefix(Self.shownActions).map { action in
            if let owner = action.owner ?? (forTeam ? nil : catalogue["review.owner_support"]) {
                return catalogue("review.glance.action_owner", ["action": action.title, "owner": owner])
            }
            return catalogue("review.glance.action_no_owner", ["action": action.title])
        }
        if review.actions.count > Self.shownActions {
            next.append(catalogue(forTeam ? "review.glance.more_actions" : "review.glance.more_steps",
                                  ["count": String(review.actions.count - Self.shownActions)]))
        }
        if next.isEmpty {
            next = [catalogue[forTeam ? "review.glance.no_actions" : "review.glance.no_customer_actions"]]
        }
        self.next = next
    }
}
