/// Groups tickets with one cause in one pass, without comparing every pair.
///
/// Each ticket comes as its `TicketProfile`: its heaviest symptom terms and its cause terms (root cause and
/// resolution). Tickets are bucketed by service and, within a bucket, visited in time order: a ticket joins the
/// cluster it fits best, else it starts one. Fitting means the same cause, not only the same symptoms: "los SMS no
/// salen" because the provider's quota ran out and because of an encoding bug are two problems and two articles.
///
/// - Symptom similarity: Jaccard of the ticket's heaviest symptom terms and the cluster's symptom signature.
/// - Cause similarity: the smaller of two shares, the cluster's cause signature found in the ticket's cause
///   vocabulary and the ticket's heaviest cause terms found in the cluster's (every term its members' causes and
///   resolutions use), so that one cause told in other words still matches.
///
/// A ticket joins when symptoms reach `threshold` and causes `causeThreshold`, or when causes alone reach
/// `sameCauseThreshold` with two shared terms at least (one cause behind other symptoms). A ticket that says no
/// cause only joins tickets that say none either, by symptoms. Signatures are the members' heaviest terms.
/// Candidate clusters come from an inverted index of signature terms; terms shared by more than `maximumPostings`
/// clusters of a bucket are too common to propose candidates (a similar cluster shares rarer terms too), which
/// keeps the work near linear in the number of tickets.
struct TicketClusterer {
    /// A ticket to cluster.
    struct Item {
        var id: String
        var service: String
        var solvedAt: Timestamp
        var profile: TicketProfile
    }

    /// A finished cluster: member indexes into the items, in time order, and its heaviest terms.
    struct Cluster {
        var members: [Int]
        /// The heaviest symptom terms of the members.
        var signature: [String]
        /// The heaviest cause terms of the members; empty when they say no cause.
        var causeSignature: [String]
        /// Index of the member whose terms best match the signatures.
        var representative: Int
    }

    static let defaultThreshold = 0.2
    static let defaultCauseThreshold = 0.3
    static let defaultSameCauseThreshold = 0.5
    static let maximumPostings = 200

    /// Symptom similarity needed (with `causeThreshold` of cause similarity) to join a cluster.
    var threshold = TicketClusterer.defaultThreshold
    var causeThreshold = TicketClusterer.defaultCauseThreshold
    /// Cause similarity enough on its own to join a cluster.
    var sameCauseThreshold = TicketClusterer.defaultSameCauseThreshold
    var termsPerTicket = TicketProfiler.defaultTermsPerTicket
    var causeTermsPerTicket = TicketProfiler.defaultCauseTermsPerTicket

    /// Clusters `items`; every item ends in exactly one cluster. Clusters are in bucket (service) order,
    /// then by their first ticket.
    func cluster(_ items: [Item]) -> [Cluster] {
        let order = items.indices.sorted { lhs, rhs in
            let a = items[lhs], b = items[rhs]
            if a.service != b.service { return a.service.utf8.lexicographicallyPrecedes(b.service.utf8) }
            if a.solvedAt != b.solvedAt { return a.solvedAt < b.solvedAt }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var clusters: [Cluster] = []
        var bucketStart = 0
        while bucketStart < order.count {
            let service = items[order[bucketStart]].service
            var bucketEnd = bucketStart
            while bucketEnd < order.count, items[order[bucketEnd]].service == service { bucketEnd += 1 }
            var bucket = Bucket(clusterer: self)
            for index in order[bucketStart..<bucketEnd] { bucket.add(index, profile: items[index].profile) }
            for building in bucket.clusters {
                let symptoms = Set(building.symptoms.signature), causes = Set(building.causes.signature)
                func fit(_ member: Int) -> Double {
                    let profile = items[member].profile
                    return TicketClusterer.jaccard(profile.symptomSet, symptoms)
                        + TicketClusterer.causeSimilarity(profile, signature: causes, vocabulary: building.causeVocabulary)
                }
                // Ties go to the earlier member: `max` keeps the last maximum, so earlier must compare greater.
                let representative = building.members.max { fit($0) != fit($1) ? fit($0) < fit($1) : $0 > $1 } ?? building.members[0]
                clusters.append(Cluster(members: building.members, signature: building.symptoms.signature,
                                        causeSignature: building.causes.signature, representative: representative))
            }
            bucketStart = bucketEnd
        }
        return clusters
    }

    /// How well a profile fits a cluster: nil when it may not join, else the summed similarities.
    func fit(_ profile: TicketProfile, symptoms: Set<String>, causes: Set<String>, causeVocabulary: Set<String>) -> Double? {
        let symptom = TicketClusterer.jaccard(profile.symptomSet, symptoms)
        // Without a cause on either side there is nothing to mix up, and nothing to tell two causes apart by.
        if profile.causes.isEmpty || causes.isEmpty {
            return profile.causes.isEmpty && causes.isEmpty && symptom >= threshold ? symptom : nil
        }
        let cause = TicketClusterer.causeSimilarity(profile, signature: causes, vocabulary: causeVocabulary)
        // One shared word is no cause: a lone "reinicio" or "proveedor" is in many unrelated resolutions.
        let sameCause = cause >= sameCauseThreshold && profile.causeVocabulary.intersection(causes).count >= 2
        guard (symptom >= threshold && cause >= causeThreshold) || sameCause else { return nil }
        return symptom + cause
    }

    /// The heaviest terms of a cluster being built: members' weights summed, times the number of members whose
    /// text holds the term, so that what the members share outweighs one member's own wording.
    private struct Signature {
        var weights: [String: Double] = [:]
        var holders: [String: Int] = [:]
        var signature: [String] = []

        /// Adds a member's heaviest terms and the vocabulary they come from; returns the terms new in the signature.
        mutating func add(_ terms: [TicketProfile.WeightedTerm], vocabulary: Set<String>, keep: Int) -> [String] {
            for term in terms { weights[term.term, default: 0] += term.weight }
            for term in vocabulary { holders[term, default: 0] += 1 }
            let old = Set(signature)
            signature = weights.map { ($0.key, $0.value * Double(holders[$0.key] ?? 1)) }.sorted {
                $0.1 != $1.1 ? $0.1 > $1.1 : $0.0.utf8.lexicographicallyPrecedes($1.0.utf8)
            }.prefix(keep).map(\.0)
            return signature.filter { !old.contains($0) }
        }
    }

    /// The clusters of one service, being built.
    private struct Bucket {
        struct Building {
            var members: [Int]
            var symptoms = Signature()
            var causes = Signature()
            var causeVocabulary = Set<String>()
        }

        let clusterer: TicketClusterer
        var clusters: [Building] = []
        var symptomPostings: [String: [Int]] = [:]
        var causePostings: [String: [Int]] = [:]

        init(clusterer: TicketClusterer) {
            self.clusterer = clusterer
        }

        mutating func add(_ item: Int, profile: TicketProfile) {
            var candidates = Set<Int>()
            for (terms, postings) in [(profile.symptomSet, symptomPostings), (profile.causeSet, causePostings)] {
                for term in terms {
                    guard let list = postings[term], list.count <= TicketClusterer.maximumPostings else { continue }
                    candidates.formUnion(list)
                }
            }
            var best: (index: Int, fit: Double)?
            for candidate in candidates.sorted() {
                let cluster = clusters[candidate]
                guard let fit = clusterer.fit(profile, symptoms: Set(cluster.symptoms.signature), causes: Set(cluster.causes.signature),
                                              causeVocabulary: cluster.causeVocabulary) else { continue }
                if fit > (best?.fit ?? -1) { best = (candidate, fit) }
            }
            let index: Int
            if let best {
                index = best.index
                clusters[index].members.append(item)
            } else {
                index = clusters.count
                clusters.append(Building(members: [item]))
            }
            for term in clusters[index].symptoms.add(profile.symptoms, vocabulary: profile.allTerms,
                                                                 keep: clusterer.termsPerTicket) {
                symptomPostings[term, default: []].append(index)
            }
            clusters[index].causeVocabulary.formUnion(profile.causeVocabulary)
            for term in clusters[index].causes.add(profile.causes, vocabulary: profile.causeVocabulary,
                                                               keep: clusterer.causeTermsPerTicket) {
                causePostings[term, default: []].append(index)
            }
        }
    }

    /// The smaller of: the share of a cluster's cause `signature` in the ticket's cause vocabulary, and the share of
    /// the ticket's heaviest cause terms in the cluster's cause `vocabulary`; 0 when either side has none.
    static func causeSimilarity(_ profile: TicketProfile, signature: Set<String>, vocabulary: Set<String>) -> Double {
        guard !signature.isEmpty, !profile.causes.isEmpty else { return 0 }
        let found = Double(signature.filter(profile.causeVocabulary.contains).count) / Double(signature.count)
        let told = Double(profile.causes.filter { vocabulary.contains($0.term) }.count) / Double(profile.causes.count)
        return min(found, told)
    }

    /// |a ∩ b| / |a ∪ b|; 0 for two empty sets.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
