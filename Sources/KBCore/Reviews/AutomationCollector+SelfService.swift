extension AutomationCollector {
    /// Self-service or FAQ proposals: per service, severity-5 requests in creation order join the first
    /// request (leader) whose normalised title terms reach `requestSimilarity` (Jaccard); kinds with at
    /// least `minimumOccurrences` requests. Kinds of one service that say the same thing are then merged
    /// (``AutomationMeaningMerger``: their leaders' titles reach `meaningSimilarity`, or `sharedContextSimilarity`
    /// when most requests of both link the same article or carry the same first tag). Consistency is the mean
    /// similarity to the leader.
    func selfServiceProposals(months: Double, text: AutomationText) -> [AutomationProposal] {
        let withTerms = requests.indices.filter { !requests[$0].titleTerms.isEmpty }
        let frequency = vocabulary.documentFrequency(of: withTerms.lazy.map { requests[$0].titleTerms })
        var clusterers: [String: AutomationSetClusterer] = [:]
        // Kinds in one flat list (in order of their first request); per service, leader number → kind.
        var kinds: [(service: String, members: [Int], similarity: Double)] = []
        var kindOfLeader: [String: [Int]] = [:]
        for index in withTerms {
            let service = requests[index].service
            let (leader, similarity) = clusterers[service, default: AutomationSetClusterer(
                threshold: options.requestSimilarity, documentFrequency: frequency)].assign(requests[index].titleTerms)
            if leader == kindOfLeader[service, default: []].count {
                kindOfLeader[service, default: []].append(kinds.count)
                kinds.append((service, [index], 1))
            } else {
                let kind = kindOfLeader[service]![leader]
                kinds[kind].members.append(index)
                kinds[kind].similarity += similarity
            }
        }
        let terms = kinds.map { requests[$0.members[0]].titleTerms }
        let articles = kinds.map { kind in Self.majority(kind.members.map { requests[$0].articles.first ?? "" }) }
        let tags = kinds.map { kind in Self.majority(kind.members.map { requests[$0].firstTag }) }
        let group = contextGroups(of: terms, partition: { kinds[$0].service }, contexts: [articles, tags])
        kinds = Self.combined(kinds, groups: group) { kind, other in
            kind.members += other.members
            kind.similarity += other.similarity
        }.map { kind in
            var kind = kind
            kind.members.sort()
            return kind
        }
        var proposals: [AutomationProposal] = []
        for kind in kinds.sorted(by: { ($0.service, $0.members[0]) < ($1.service, $1.members[0]) })
        where kind.members.count >= options.minimumOccurrences {
            var titles: [String: Int] = [:]
            for index in kind.members { titles[requests[index].title, default: 0] += 1 }
            let title = AutomationWording.representative(titles, redactor: redactor)
            let seconds = kind.members.reduce(Int64(0)) { $0 + requests[$1].workSeconds }
            let minutes = Int((Double(seconds) / 60).rounded())
            proposals.append(AutomationProposal(
                kind: .selfService, title: text.selfServiceTitle(request: title),
                rationale: text.selfServiceRationale(service: kind.service, occurrences: kind.members.count,
                                                     minutesPerRequest: Int((Double(minutes) / Double(kind.members.count)).rounded())),
                evidence: kind.members.map { requests[$0].id }, manualMinutes: minutes,
                hoursSavedPerMonth: AutomationProposal.hoursSaved(manualMinutes: minutes, months: months, kind: .selfService),
                consistency: kind.similarity / Double(kind.members.count), services: [kind.service], steps: [title],
                evidenceDays: Dictionary(kind.members.map { (requests[$0].id, Timestamp(seconds: requests[$0].createdAt).day()) },
                                         uniquingKeysWith: { first, _ in first })))
        }
        return proposals
    }
}
