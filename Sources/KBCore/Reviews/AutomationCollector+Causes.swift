extension AutomationCollector {
    /// Incidents of one service that share a root cause.
    struct CauseCluster {
        var service: String
        /// Incident indices in creation order; the first is the leader.
        var members: [Int]
        /// Jaccard similarity of each member's root-cause terms to the leader's.
        var similarities: [Double]

        var meanSimilarity: Double { similarities.reduce(0, +) / Double(max(1, similarities.count)) }
    }

    /// Recurring causes: per service, incidents in creation order join the first incident (leader) whose
    /// normalised root-cause terms reach `causeSimilarity` (Jaccard); then clusters that say the same thing are
    /// merged (``AutomationMeaningMerger``, overlap measure: the shorter of their leaders' causes is at least
    /// ``CauseSignature/causeTextOverlap`` in the other, as reviews compare causes, or `sharedContextSimilarity` when
    /// most incidents of both went to the same vendor or were handled by the same action); clusters of
    /// `minimumOccurrences` or more are kept. Candidates are only the leaders sharing one of an incident's rarest
    /// terms (see ``AutomationSetClusterer``), so the work stays near linear in the number of incidents.
    func causeClusters() -> [CauseCluster] {
        let withCause = incidents.indices.filter { !incidents[$0].causeTerms.isEmpty }
        let frequency = vocabulary.documentFrequency(of: withCause.lazy.map { incidents[$0].causeTerms })
        var clusterers: [String: AutomationSetClusterer] = [:]
        var clusters: [String: [CauseCluster]] = [:]
        for index in withCause {
            let service = incidents[index].service
            // Mutated in place through the subscript: a copy out and back would duplicate the index every time.
            let (leader, similarity) = clusterers[service, default: AutomationSetClusterer(
                threshold: options.causeSimilarity, documentFrequency: frequency)].assign(incidents[index].causeTerms)
            if leader == clusters[service, default: []].count {
                clusters[service, default: []].append(CauseCluster(service: service, members: [index], similarities: [1]))
            } else {
                clusters[service]![leader].members.append(index)
                clusters[service]![leader].similarities.append(similarity)
            }
        }
        let all = clusters.keys.sorted().flatMap { clusters[$0]! }
        let terms = all.map { incidents[$0.members[0]].causeTerms }
        let vendors = all.map { dominantVendor($0.members) }
        let actionGroups = meaningGroups(of: actions) { $0.actions.map(\.phrase) }
        let handling = all.map { dominantAction($0.members, actionGroups: actionGroups).map { String($0) } }
        let group = contextGroups(of: terms, partition: { all[$0].service }, contexts: [vendors, handling], measure: .overlap,
                                  threshold: CauseSignature.causeTextOverlap)
        let merged = Self.combined(all, groups: group) { cluster, other in
            cluster.members += other.members
            cluster.similarities += other.similarities
        }
        return merged.compactMap { cluster in
            var cluster = cluster
            guard cluster.members.count >= options.minimumOccurrences else { return nil }
            let order = cluster.members.indices.sorted { cluster.members[$0] < cluster.members[$1] }
            cluster.members = order.map { cluster.members[$0] }
            cluster.similarities = order.map { cluster.similarities[$0] }
            return cluster
        }
    }

    /// The root cause a cluster quotes: the most written one that shows no person and no value of one ticket
    /// (see ``AutomationWording``).
    func representativeCause(_ cluster: CauseCluster) -> String {
        var counts: [String: Int] = [:]
        for index in cluster.members { counts[incidents[index].causeText, default: 0] += 1 }
        return AutomationWording.representative(counts, redactor: redactor)
    }

    /// Problem record / permanent fix proposals, one per recurring cause.
    func problemProposals(_ clusters: [CauseCluster], months: Double, text: AutomationText) -> [AutomationProposal] {
        clusters.map { cluster in
            let cause = representativeCause(cluster)
            return incidentProposal(
                kind: .problemRecord, title: text.problemTitle(service: cluster.service, cause: cause),
                rationale: text.problemRationale(service: cluster.service, occurrences: cluster.members.count,
                                                 similarity: cluster.meanSimilarity),
                incidents: cluster.members, countedSeconds: cluster.members.reduce(0) { $0 + incidents[$1].workSeconds },
                consistency: cluster.meanSimilarity, months: months, steps: [cause])
        }
    }

    /// Knowledge article proposals: recurring causes none of whose tickets names an article (its
    /// `articles` field) or has an `article_links` row (`hasLinkedArticle`).
    func articleProposals(_ clusters: [CauseCluster], months: Double, text: AutomationText,
                          hasLinkedArticle: (String) throws -> Bool) throws -> [AutomationProposal] {
        var proposals: [AutomationProposal] = []
        for cluster in clusters {
            guard !cluster.members.contains(where: { incidents[$0].namesArticle }),
                  try !cluster.members.contains(where: { try hasLinkedArticle(incidents[$0].id) }) else { continue }
            let cause = representativeCause(cluster)
            proposals.append(incidentProposal(
                kind: .knowledgeArticle, title: text.articleTitle(service: cluster.service, cause: cause),
                rationale: text.articleRationale(service: cluster.service, occurrences: cluster.members.count),
                incidents: cluster.members, countedSeconds: cluster.members.reduce(0) { $0 + incidents[$1].workSeconds },
                consistency: cluster.meanSimilarity, months: months, steps: [cause]))
        }
        return proposals
    }
}
