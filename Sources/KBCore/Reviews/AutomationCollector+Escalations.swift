extension AutomationCollector {
    /// Automatic escalation rule proposals, per service and escalation target (a level or `vendor:NAME`).
    ///
    /// A target qualifies when incidents of the service were escalated to it at least `minimumOccurrences`
    /// times, like every other signal. The rationale gives the median time from creation to the escalation
    /// and says when it is above `slowEscalationMinutes` (slow: a rule would also save that wait). The
    /// minutes counted are the manual work done before the escalation, which a rule would skip.
    /// Consistency is the share of the service's incidents escalated to the target.
    func escalationProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        struct Key: Hashable, Comparable {
            var service: String
            var target: String
            static func < (lhs: Key, rhs: Key) -> Bool { (lhs.service, lhs.target) < (rhs.service, rhs.target) }
        }
        var serviceTotals: [String: Int] = [:]
        var escalated: [Key: [(incident: Int, escalation: AutomationIncident.Escalation)]] = [:]
        for (index, incident) in incidents.enumerated() {
            serviceTotals[incident.service, default: 0] += 1
            for escalation in incident.escalations {
                escalated[Key(service: incident.service, target: escalation.target), default: []].append((index, escalation))
            }
        }
        return escalated.keys.sorted().compactMap { key in
            let cases = escalated[key]!
            guard cases.count >= options.minimumOccurrences else { return nil }
            let median = Self.median(cases.map(\.escalation.delaySeconds))
            let members = cases.map(\.incident)
            return incidentProposal(
                kind: .escalationRule, title: text.escalationTitle(service: key.service, target: key.target),
                rationale: text.escalationRationale(
                    service: key.service, target: key.target, occurrences: cases.count, serviceTotal: serviceTotals[key.service]!,
                    medianMinutes: Int((median / 60).rounded()), slowMinutes: options.slowEscalationMinutes),
                incidents: members, countedSeconds: cases.reduce(0) { $0 + $1.escalation.workSecondsBefore },
                consistency: Double(cases.count) / Double(serviceTotals[key.service]!), months: months)
        }
    }
}
