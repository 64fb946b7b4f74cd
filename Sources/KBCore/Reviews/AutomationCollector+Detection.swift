extension AutomationCollector {
    /// Monitoring alert proposals: per monitorable service, incidents the customer reported (not from the
    /// monitoring channel and no `detected` event at or before creation), when there are at least
    /// `minimumOccurrences`. Consistency is the share of the service's incidents that customers reported.
    func monitoringProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        var totals: [String: Int] = [:]
        var reported: [String: [Int]] = [:]
        for (index, incident) in incidents.enumerated() where !incident.service.isEmpty && isMonitorable(incident.service) {
            totals[incident.service, default: 0] += 1
            if incident.customerReported { reported[incident.service, default: []].append(index) }
        }
        return reported.keys.sorted().compactMap { service in
            let members = reported[service]!
            guard members.count >= options.minimumOccurrences else { return nil }
            let total = totals[service]!
            return incidentProposal(
                kind: .monitoringAlert, title: text.monitoringTitle(service: service),
                rationale: text.monitoringRationale(service: service, reported: members.count, total: total),
                incidents: members, countedSeconds: members.reduce(0) { $0 + incidents[$1].workSeconds },
                consistency: Double(members.count) / Double(total), months: months)
        }
    }
}
