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
        /// The service of its tickets (the bucket's; empty for tickets that name none).
        var service: String
        var members: [Int]
        /// The heaviest symptom terms of the members.
        var signature: [String]
        /// The heaviest cause terms of the members; empty when they say no cause.
        var causeSignature: [String]
        /// Index of the member whose terms best match the signatures.
        var representative: Int
        /// One profile for all the members: their summed weights, the heaviest kept, and all their terms.
        var pooled: TicketProfile
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
            if a.solvedAt != b.solvedAt { return a.solvedAt < b.solvedAt }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var clustering = Clustering(clusterer: self)
        for index in order { clustering.add(service: items[index].service, profile: items[index].profile) }
        return clustering.clusters().map { cluster in
            var cluster = cluster
            cluster.members = cluster.members.map { order[$0] }
            cluster.representative = order[cluster.representative]
            return cluster
        }
    }

    /// Clusters tickets handed over one at a time, in time order (then id), keeping of each only the terms its
    /// cluster's representative is chosen by: a period of hundreds of thousands of tickets is clustered as it is read.
    struct Clustering {
        let clusterer: TicketClusterer
        private var buckets: [String: Bucket] = [:]
        /// Each ticket added, by its number: the term ids `clusters()` weighs it by.
        private var memberTerms: [MemberTerms] = []
        private var termIDs: [String: Int32] = [:]

        init(clusterer: TicketClusterer) {
            self.clusterer = clusterer
        }

        /// Adds the next ticket of a service (the earliest not added yet); tickets are numbered from 0 as added.
        mutating func add(service: String, profile: TicketProfile) {
            let number = memberTerms.count
            memberTerms.append(MemberTerms(symptoms: ids(profile.symptoms.map(\.term)), causes: ids(profile.causes.map(\.term)),
                                           causeVocabulary: ids(profile.causeVocabulary).sorted()))
            buckets[service, default: Bucket(clusterer: clusterer)].add(number, profile: profile)
        }

        /// The clusters, in bucket (service) order, then by their first ticket; members are ticket numbers.
        func clusters() -> [Cluster] {
            var clusters: [Cluster] = []
            for service in buckets.keys.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                for building in buckets[service]!.clusters {
                    clusters.append(Cluster(service: service, members: building.members, signature: building.symptoms.signature,
                                            causeSignature: building.causes.signature,
                                            representative: representative(of: building),
                                            pooled: building.pooled(keep: clusterer.termsPerTicket)))
                }
            }
            return clusters
        }

        /// The member whose terms best match the cluster's signatures; the earliest of equals.
        private func representative(of building: Bucket.Building) -> Int {
            let symptoms = Set(building.symptoms.signature.compactMap { termIDs[$0] })
            let causes = building.causes.signature.compactMap { termIDs[$0] }
            let vocabulary = Set(building.causeVocabulary.compactMap { termIDs[$0] })
            var best = building.members[0], bestFit = -Double.infinity
            for member in building.members {
                let terms = memberTerms[member]
                var fit = TicketClusterer.jaccard(Set(terms.symptoms), symptoms)
                if !causes.isEmpty, !terms.causes.isEmpty {
                    let found = causes.reduce(0) { TicketClusterer.sortedContains(terms.causeVocabulary, $1) ? $0 + 1 : $0 }
                    let told = terms.causes.reduce(0) { vocabulary.contains($1) ? $0 + 1 : $0 }
                    fit += min(Double(found) / Double(causes.count), Double(told) / Double(terms.causes.count))
                }
                if fit > bestFit { best = member; bestFit = fit }
            }
            return best
        }

        private mutating func ids<S: Sequence>(_ terms: S) -> [Int32] where S.Element == String {
            terms.map { term in
                if let id = termIDs[term] { return id }
                let id = Int32(termIDs.count)
                termIDs[term] = id
                return id
            }
        }
    }

    /// Whether the ascending `ids` hold `id` (a binary search).
    static func sortedContains(_ ids: [Int32], _ id: Int32) -> Bool {
        var low = 0, high = ids.count
        while low < high {
            let middle = (low + high) / 2
            if ids[middle] < id { low = middle + 1 } else { high = middle }
        }
        return low < ids.count && ids[low] == id
    }

    /// A clustered ticket's terms, as ids: its heaviest symptom and cause terms and its cause vocabulary (ascending).
    private struct MemberTerms {
        var symptoms: [Int32]
        var causes: [Int32]
        var causeVocabulary: [Int32]
    }

    /// How well a profile fits a cluster: nil when it may not join, else the summed similarities.
    func fit(_ profile: TicketProfile, symptomSet: Set<String>, symptoms: Set<String>, causes: Set<String>,
             causeVocabulary: Set<String>) -> Double? {
        let symptom = TicketClusterer.jaccard(symptomSet, symptoms)
        // Without a cause on either side there is nothing to mix up, and nothing to tell two causes apart by.
        if profile.causes.isEmpty || causes.isEmpty {
            return profile.causes.isEmpty && causes.isEmpty && symptom >= threshold ? symptom : nil
        }
        let cause = TicketClusterer.causeSimilarity(profile, signature: causes, vocabulary: causeVocabulary)
        // One shared word is no cause: a lone "reinicio" or "proveedor" is in many unrelated resolutions.
        let sameCause = cause >= sameCauseThreshold && TicketClusterer.sharedCount(profile.causeVocabulary, causes) >= 2
        guard (symptom >= threshold && cause >= causeThreshold) || sameCause else { return nil }
        return symptom + cause
    }

    /// The heaviest terms of a cluster being built: members' weights summed, times the number of members whose
    /// text holds the term, so that what the members share outweighs one member's own wording.
    private struct Signature {
        var weights: [String: Double] = [:]
        var holders: [String: Int] = [:]
        var signature: [String] = []
        /// `signature` as a set, for the similarity of every ticket that may join.
        var terms = Set<String>()

        /// Adds a member's heaviest terms and the vocabulary they come from; returns the terms new in the signature.
        mutating func add(_ terms: [TicketProfile.WeightedTerm], vocabulary: Set<String>, keep: Int) -> [String] {
            for term in terms { weights[term.term, default: 0] += term.weight }
            for term in vocabulary { holders[term, default: 0] += 1 }
            let holders = self.holders
            signature = TicketClusterer.heaviest(weights.lazy.map { ($0.key, $0.value * Double(holders[$0.key] ?? 1)) }, keep: keep)
            let old = self.terms
            self.terms = Set(signature)
            return signature.filter { !old.contains($0) }
        }
    }

    /// The `keep` heaviest of `weighted`, heaviest first, equal weights in byte order of their terms: what sorting
    /// them all and keeping the first `keep` gives, without sorting them all (a cluster's vocabulary grows with it).
    static func heaviest<S: Sequence>(_ weighted: S, keep: Int) -> [String] where S.Element == (String, Double) {
        var top: [(String, Double)] = []
        top.reserveCapacity(keep + 1)
        func before(_ a: (String, Double), _ b: (String, Double)) -> Bool {
            a.1 != b.1 ? a.1 > b.1 : a.0.utf8.lexicographicallyPrecedes(b.0.utf8)
        }
        for entry in weighted {
            if top.count == keep, let last = top.last, !before(entry, last) { continue }
            let position = top.firstIndex { before(entry, $0) } ?? top.count
            top.insert(entry, at: position)
            if top.count > keep { top.removeLast() }
        }
        return top.map(\.0)
    }

    /// The clusters of one service, being built.
    private struct Bucket {
        struct Building {
            var members: [Int]
            var symptoms = Signature()
            var causes = Signature()
            var causeVocabulary = Set<String>()
            /// The most heaviest cause terms a member has.
            var causeTermsKept = 0

            /// The members' profiles pooled: summed weights in the order they joined, the heaviest `termsPerTicket`
            /// symptoms and as many causes as the member with most, every term of their texts.
            func pooled(keep: Int) -> TicketProfile {
                func pool(_ weights: [String: Double], keep: Int) -> [TicketProfile.WeightedTerm] {
                    TicketClusterer.heaviest(weights.lazy.map { ($0.key, $0.value) }, keep: keep).map {
                        TicketProfile.WeightedTerm(term: $0, weight: weights[$0]!)
                    }
                }
                return TicketProfile(symptoms: pool(symptoms.weights, keep: keep), causes: pool(causes.weights, keep: causeTermsKept),
                                     causeVocabulary: causeVocabulary, allTerms: Set(symptoms.holders.keys))
            }
        }

        let clusterer: TicketClusterer
        var clusters: [Building] = []
        var symptomPostings: [String: [Int]] = [:]
        var causePostings: [String: [Int]] = [:]

        init(clusterer: TicketClusterer) {
            self.clusterer = clusterer
        }

        mutating func add(_ item: Int, profile: TicketProfile) {
            let symptomSet = profile.symptomSet
            var candidates = Set<Int>()
            for (terms, postings) in [(symptomSet, symptomPostings), (profile.causeSet, causePostings)] {
                for term in terms {
                    guard let list = postings[term], list.count <= TicketClusterer.maximumPostings else { continue }
                    candidates.formUnion(list)
                }
            }
            var best: (index: Int, fit: Double)?
            for candidate in candidates.sorted() {
                let cluster = clusters[candidate]
                guard let fit = clusterer.fit(profile, symptomSet: symptomSet, symptoms: cluster.symptoms.terms,
                                              causes: cluster.causes.terms, causeVocabulary: cluster.causeVocabulary) else { continue }
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
            clusters[index].causeTermsKept = max(clusters[index].causeTermsKept, profile.causes.count)
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
        let found = Double(sharedCount(signature, profile.causeVocabulary)) / Double(signature.count)
        let told = Double(profile.causes.reduce(0) { vocabulary.contains($1.term) ? $0 + 1 : $0 }) / Double(profile.causes.count)
        return min(found, told)
    }

    /// |a ∩ b| / |a ∪ b|; 0 for two empty sets.
    static func jaccard<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Double {
        let shared = sharedCount(a, b)
        let union = a.count + b.count - shared
        return union == 0 ? 0 : Double(shared) / Double(union)
    }

    /// |a ∩ b|, counted without building the intersection (clustering asks it for every candidate of every ticket).
    static func sharedCount<T: Hashable>(_ a: Set<T>, _ b: Set<T>) -> Int {
        let (small, large) = a.count <= b.count ? (a, b) : (b, a)
        return small.reduce(0) { large.contains($1) ? $0 + 1 : $0 }
    }
}
