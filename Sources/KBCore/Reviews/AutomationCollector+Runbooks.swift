extension AutomationCollector {
    /// Runbook proposals: the same manual action (its wordings merged, see ``AutomationTextNormalizer``
    /// and `actionSimilarity`) in at least `minimumOccurrences` incidents.
    ///
    /// The draft runbook is the most common ordered sequence of frequent actions among the incidents where
    /// the action appears (ties: the longer, then by wording), each step shown in its most written wording.
    /// An action done mostly (80 %) in the incidents of a runbook already proposed is part of that procedure
    /// (a step of it, or a variant of one) and adds no proposal of its own.
    func runbookProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        let minimum = options.minimumOccurrences
        let group = meaningGroups(of: actions) { $0.actions.map(\.phrase) }

        var sequences: [[Int32]] = []
        sequences.reserveCapacity(incidents.count)
        var incidentsOf: [Int32: [Int]] = [:]
        for (index, incident) in incidents.enumerated() {
            var sequence: [Int32] = []
            for use in incident.actions {
                let action = group[Int(use.phrase)]
                if !sequence.contains(action) { sequence.append(action) }
            }
            for action in sequence { incidentsOf[action, default: []].append(index) }
            sequences.append(sequence)
        }
        let frequent = Set(incidentsOf.filter { $0.value.count >= minimum }.keys)
        guard !frequent.isEmpty else { return [] }

        let restricted = sequences.map { $0.filter(frequent.contains) }
        var members: [Int32: [Int32]] = [:]
        for phrase in 0..<actions.count where frequent.contains(group[phrase]) {
            members[group[phrase], default: []].append(Int32(phrase))
        }
        var wordingOf: [Int32: String] = [:]
        for action in frequent { wordingOf[action] = actions.representativeWording(of: members[action] ?? [], redactor: redactor) }

        let candidates = frequent.sorted { left, right in
            let (a, b) = (incidentsOf[left]!.count, incidentsOf[right]!.count)
            return a != b ? a > b : (wordingOf[left]!, left) < (wordingOf[right]!, right)
        }
        var proposals: [AutomationProposal] = []
        var chosen: [(steps: Set<Int32>, evidence: Set<Int>)] = []
        for action in candidates {
            let evidence = incidentsOf[action]!
            let evidenceSet = Set(evidence)
            if Self.isCovered(evidenceSet, by: chosen.map(\.evidence)) { continue }

            var counts: [[Int32]: Int] = [:]
            for index in evidence { counts[restricted[index], default: 0] += 1 }
            let draft = counts.min { left, right in
                if left.value != right.value { return left.value > right.value }
                if left.key.count != right.key.count { return left.key.count > right.key.count }
                let a = left.key.map { wordingOf[$0]! }, b = right.key.map { wordingOf[$0]! }
                return a != b ? a.lexicographicallyPrecedes(b) : left.key.lexicographicallyPrecedes(right.key)
            }!.key
            let draftSet = Set(draft)

            var counted: Int64 = 0
            var similarity = 0.0
            for index in evidence {
                for use in incidents[index].actions where draftSet.contains(group[Int(use.phrase)]) { counted += use.seconds }
                let steps = Set(restricted[index])
                similarity += Double(steps.intersection(draftSet).count) / Double(steps.union(draftSet).count)
            }
            let wording = wordingOf[action]!
            let minutesPerIncident = Int((Double(counted) / 60 / Double(evidence.count)).rounded())
            let services = Self.rankedServices(evidence.map { incidents[$0].service })
            proposals.append(incidentProposal(
                kind: .runbook, title: text.runbookTitle(action: wording),
                rationale: text.runbookRationale(action: wording, occurrences: evidence.count, services: services, steps: draft.count,
                                                 following: counts[draft]!, minutesPerIncident: minutesPerIncident),
                incidents: evidence, countedSeconds: counted, consistency: similarity / Double(evidence.count), months: months,
                steps: draft.map { wordingOf[$0]! }))
            chosen.append((draftSet, evidenceSet))
        }
        return proposals
    }
}
