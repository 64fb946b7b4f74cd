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
    /// normalised root-cause terms reach `causeSimilarity` (Jaccard); clusters of `minimumOccurrences` or
    /// more. Candidates are only the leaders sharing one of an incident's rarest terms (see
    /// ``AutomationSetClusterer``), so the work stays near linear in the number of incidents.
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
        return clusters.keys.sorted().flatMap { service in
            clusters[service]!.filter { $0.members.count >= options.minimumOccurrences }
        }
    }

    /// The most written root cause of a cluster (ties: the smaller text).
    func representativeCause(_ cluster: CauseCluster) -> String {
        var counts: [String: Int] = [:]
        for index in cluster.members { counts[incidents[index].causeText, default: 0] += 1 }
        return AutomationPhraseBook.mostCommon(counts) ?? ""
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
