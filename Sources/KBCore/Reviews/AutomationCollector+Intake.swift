extension AutomationCollector {
    /// Share of the shorter ask's weight the longer must hold for two asks to be one: an ask often adds how to do
    /// it ("F12, pestaña Red") to the same request.
    static let evidenceAskOverlap = 0.4

    /// Intake form field proposals: public support comments asking the customer for evidence (see
    /// ``AutomationTextNormalizer/requestsEvidence(_:)``), normalised and merged like actions, repeated in
    /// at least `minimumOccurrences` incidents. Consistency is the share of the incidents of the services
    /// involved in which the request was made.
    func intakeProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        let group = meaningGroups(of: evidenceRequests, measure: .overlap, threshold: Self.evidenceAskOverlap,
                                  byService: false) { $0.evidenceRequests }
        var incidentsOf: [Int32: [Int]] = [:]
        var serviceTotals: [String: Int] = [:]
        for (index, incident) in incidents.enumerated() {
            serviceTotals[incident.service, default: 0] += 1
            var seen = Set<Int32>()
            for phrase in incident.evidenceRequests where seen.insert(group[Int(phrase)]).inserted {
                incidentsOf[group[Int(phrase)], default: []].append(index)
            }
        }
        var phrasesOf: [Int32: [Int32]] = [:]
        for phrase in 0..<evidenceRequests.count { phrasesOf[group[phrase], default: []].append(Int32(phrase)) }
        var proposals: [AutomationProposal] = []
        for request in incidentsOf.keys.sorted() {
            let members = incidentsOf[request]!
            guard members.count >= options.minimumOccurrences else { continue }
            let wording = evidenceRequests.representativeWording(of: phrasesOf[request] ?? [], redactor: redactor)
            let services = Self.rankedServices(members.map { incidents[$0].service })
            let serviceTotal = services.reduce(0) { $0 + serviceTotals[$1]! }
            proposals.append(incidentProposal(
                kind: .intakeField, title: text.intakeTitle(request: wording),
                rationale: text.intakeRationale(occurrences: members.count, serviceTotal: serviceTotal, services: services),
                incidents: members, countedSeconds: members.reduce(0) { $0 + incidents[$1].workSeconds },
                consistency: Double(members.count) / Double(serviceTotal), months: months, steps: [wording]))
        }
        return proposals
    }
}
