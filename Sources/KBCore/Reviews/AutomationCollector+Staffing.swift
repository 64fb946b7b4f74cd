extension AutomationCollector {
    /// Staffing / on-call proposals: time slots (outside 12x5 hours, a weekday, a shift; creation time in
    /// the ticket's SLA time zone) holding at least `minimumOccurrences` SLA-breached incidents and a
    /// breach rate at least `breachRateRatio` times the overall rate. A slot whose breaches are mostly
    /// (80 %) those of a slot already proposed adds nothing. Consistency is the slot's breach rate.
    func staffingProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        let breachedTotal = incidents.reduce(0) { $0 + ($1.breached ? 1 : 0) }
        guard breachedTotal >= options.minimumOccurrences else { return [] }
        let overallRate = Double(breachedTotal) / Double(incidents.count)

        var candidates: [(slot: AutomationTimeSlot, order: Int, total: Int, breached: [Int])] = []
        for (order, slot) in AutomationTimeSlot.all.enumerated() {
            var total = 0
            var breached: [Int] = []
            for (index, incident) in incidents.enumerated() where slot.contains(incident) {
                total += 1
                if incident.breached { breached.append(index) }
            }
            guard breached.count >= options.minimumOccurrences else { continue }
            let rate = Double(breached.count) / Double(total)
            guard rate > overallRate, rate + 1e-9 >= options.breachRateRatio * overallRate else { continue }
            candidates.append((slot, order, total, breached))
        }
        candidates.sort { ($0.breached.count, $1.order) > ($1.breached.count, $0.order) }

        var proposals: [AutomationProposal] = []
        var chosen: [Set<Int>] = []
        for candidate in candidates {
            let evidence = Set(candidate.breached)
            if Self.isCovered(evidence, by: chosen) { continue }
            chosen.append(evidence)
            proposals.append(incidentProposal(
                kind: .staffing, title: text.staffingTitle(slot: candidate.slot),
                rationale: text.staffingRationale(slot: candidate.slot, breached: candidate.breached.count, total: candidate.total,
                                                  overallBreached: breachedTotal, overallTotal: incidents.count),
                incidents: candidate.breached, countedSeconds: candidate.breached.reduce(0) { $0 + incidents[$1].workSeconds },
                consistency: Double(candidate.breached.count) / Double(candidate.total), months: months))
        }
        return proposals
    }
}
