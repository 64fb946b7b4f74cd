extension AutomationCollector {
    /// A proposal over incidents (by index), counting `countedSeconds` of manual work.
    func incidentProposal(kind: AutomationKind, title: String, rationale: String, incidents members: [Int],
                          countedSeconds: Int64, consistency: Double, months: Double, steps: [String] = []) -> AutomationProposal {
        let minutes = Int((Double(countedSeconds) / 60).rounded())
        return AutomationProposal(
            kind: kind, title: title, rationale: rationale, evidence: members.map { incidents[$0].id },
            manualMinutes: minutes, hoursSavedPerMonth: AutomationProposal.hoursSaved(manualMinutes: minutes, months: months, kind: kind),
            consistency: consistency, services: Self.rankedServices(members.map { incidents[$0].service }), steps: steps,
            evidenceDays: Dictionary(members.map { (incidents[$0].id, Timestamp(seconds: incidents[$0].createdAt).day()) },
                                     uniquingKeysWith: { first, _ in first }))
    }

    /// Distinct services, most frequent first (ties by name).
    static func rankedServices(_ services: [String]) -> [String] {
        var counts: [String: Int] = [:]
        for service in services { counts[service, default: 0] += 1 }
        return counts.sorted { ($0.value, $1.key) > ($1.value, $0.key) }.map(\.key)
    }

    /// Whether most (80 % or more) of a candidate's evidence is already in one chosen proposal's.
    static func isCovered(_ candidate: Set<Int>, by chosen: [Set<Int>]) -> Bool {
        chosen.contains { Double(candidate.intersection($0).count) >= 0.8 * Double(candidate.count) }
    }

    /// The middle value of a non-empty list (the mean of the two middle values for an even count).
    static func median(_ values: [Int64]) -> Double {
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? Double(sorted[middle]) : Double(sorted[middle - 1] + sorted[middle]) / 2
    }
}
