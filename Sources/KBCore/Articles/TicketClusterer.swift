/// Groups similar tickets in one pass, without comparing every pair.
///
/// Each ticket is reduced to its `termsPerTicket` most characteristic terms (tf·idf over its analysed
/// title and description, title words counted three times; numbers, dates and function words left out,
/// personal data redacted first). Tickets are bucketed by service and, within a
/// bucket, visited in time order: a ticket joins the cluster whose signature (its members' heaviest
/// terms) has the highest Jaccard similarity with the ticket's terms, if at least `threshold`, else it
/// starts a cluster. Candidate clusters come from an inverted index of signature terms; terms shared
/// by more than `maximumPostings` clusters of a bucket are too common to propose candidates (a similar
/// cluster shares rarer terms too), which keeps the work near linear in the number of tickets.
struct TicketClusterer {
    /// A ticket to cluster.
    struct Item {
        var id: String
        var service: String
        var title: String
        var description: String
        var solvedAt: Timestamp
    }

    /// Applied to titles and descriptions before analysis, so names, phones and addresses (which differ
    /// from ticket to ticket) do not make similar problems look different.
    var redactor = Redactor()

    /// A finished cluster: member indexes into the items, in time order, and its heaviest terms.
    struct Cluster {
        var members: [Int]
        var signature: [String]
        /// Index of the member whose terms best match the signature.
        var representative: Int
    }

    static let defaultTermsPerTicket = 6
    static let defaultThreshold = 0.2
    static let maximumPostings = 200

    var termsPerTicket = TicketClusterer.defaultTermsPerTicket
    /// How many times a title word counts against a description word.
    var titleBoost = 3
    var threshold = TicketClusterer.defaultThreshold
    let analyzer: Analyzer
    let idf: (String) throws -> Double

    /// The most frequent spelling seen for each term, to show terms as words rather than stems.
    private(set) var spellings: [String: [String: Int]] = [:]

    /// Function words, analysed like the text; in a small or young index their idf is high by chance
    /// and they would decide which tickets look alike.
    let stopTerms: Set<String>

    init(analyzer: Analyzer, idf: @escaping (String) throws -> Double) {
        self.analyzer = analyzer
        self.idf = idf
        stopTerms = Set(analyzer.terms(TicketClusterer.stopWords))
    }

    /// Spanish and English function words (articles, prepositions, pronouns, auxiliaries).
    static let stopWords = """
        el la los las lo un una unos unas de del al a ante con contra en entre hacia hasta para por según sin \
        sobre tras desde durante y e o u ni que qué se no sí si ya muy más menos pero como cómo cuando cuándo \
        donde dónde es son era eran fue fueron ser está están estaba estar esta este estos estas ese esa eso esos \
        esas hay ha han había hace su sus mi mis tu tus nos les le me te todo toda todos todas otro otra también \
        the a an of to in on at for with from by and or but not no is are was were be been being it its this that \
        these those as we our you your they their i my me he she his her them there when since after before
        """

    /// Clusters `items`; every item ends in exactly one cluster. Clusters are in bucket (service) order,
    /// then by their first ticket.
    mutating func cluster(_ items: [Item]) throws -> [Cluster] {
        let order = items.indices.sorted { lhs, rhs in
            let a = items[lhs], b = items[rhs]
            if a.service != b.service { return a.service.utf8.lexicographicallyPrecedes(b.service.utf8) }
            if a.solvedAt != b.solvedAt { return a.solvedAt < b.solvedAt }
            return a.id.utf8.lexicographicallyPrecedes(b.id.utf8)
        }
        var termSets: [Set<String>] = Array(repeating: [], count: items.count)
        var clusters: [Cluster] = []
        var bucketStart = 0
        while bucketStart < order.count {
            var bucketEnd = bucketStart
            while bucketEnd < order.count, items[order[bucketEnd]].service == items[order[bucketStart]].service { bucketEnd += 1 }
            var bucket = Bucket(termsPerTicket: termsPerTicket)
            for index in order[bucketStart..<bucketEnd] {
                let weighted = try characteristicTerms(of: items[index])
                termSets[index] = Set(weighted.map(\.term))
                bucket.add(index, terms: weighted, threshold: threshold)
            }
            for building in bucket.clusters {
                let signature = Set(building.signature)
                let representative = building.members.max { lhs, rhs in
                    let a = TicketClusterer.jaccard(termSets[lhs], signature)
                    let b = TicketClusterer.jaccard(termSets[rhs], signature)
                    // Ties go to the earlier member: `max` keeps the last maximum, so earlier must compare greater.
                    return a != b ? a < b : lhs > rhs
                } ?? building.members[0]
                clusters.append(Cluster(members: building.members, signature: building.signature, representative: representative))
            }
            bucketStart = bucketEnd
        }
        return clusters
    }

    /// The spelling most often written for `term` (the term itself when never seen).
    func spelling(of term: String) -> String {
        guard let forms = spellings[term] else { return term }
        // Most frequent first; equal counts go to the smaller spelling in byte order.
        let ranked = forms.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
        return ranked.first?.key ?? term
    }

    /// The ticket's heaviest terms by tf·idf, heaviest first (ties by term).
    private mutating func characteristicTerms(of item: Item) throws -> [(term: String, weight: Double)] {
        var frequency: [String: Int] = [:]
        var firstSpelling: [String: (text: Int, range: Range<Int>)] = [:]
        let texts = [redactor.redact(item.title), redactor.redact(item.description)]
        for (position, text) in texts.enumerated() {
            for token in analyzer.tokens(text) where isCharacteristic(token.term) {
                frequency[token.term, default: 0] += position == 0 ? titleBoost : 1
                if firstSpelling[token.term] == nil { firstSpelling[token.term] = (position, token.byteRange) }
            }
        }
        var weighted: [(term: String, weight: Double)] = []
        for (term, count) in frequency {
            weighted.append((term, Double(count) * (try idf(term))))
        }
        weighted.sort { $0.weight != $1.weight ? $0.weight > $1.weight : $0.term.utf8.lexicographicallyPrecedes($1.term.utf8) }
        let top = Array(weighted.prefix(termsPerTicket))
        // Spellings are kept only for terms that may be shown: a cluster's signature holds its members' top terms.
        for (term, _) in top {
            guard let (text, range) = firstSpelling[term] else { continue }
            let utf8 = Array(texts[text].utf8)
            let surface = String(decoding: utf8[range], as: UTF8.self).lowercased()
            spellings[term, default: [:]][surface, default: 0] += 1
        }
        return top
    }

    /// The clusters of one service, being built.
    private struct Bucket {
        struct Building {
            var members: [Int]
            var weights: [String: Double]
            var signature: [String]
        }

        let termsPerTicket: Int
        var clusters: [Building] = []
        var postings: [String: [Int]] = [:]

        init(termsPerTicket: Int) {
            self.termsPerTicket = termsPerTicket
        }

        mutating func add(_ item: Int, terms: [(term: String, weight: Double)], threshold: Double) {
            let termSet = Set(terms.map(\.term))
            var candidates = Set<Int>()
            for term in termSet {
                guard let list = postings[term], list.count <= TicketClusterer.maximumPostings else { continue }
                candidates.formUnion(list)
            }
            var best: (index: Int, similarity: Double)?
            for candidate in candidates.sorted() {
                let similarity = TicketClusterer.jaccard(termSet, Set(clusters[candidate].signature))
                if similarity >= threshold, similarity > (best?.similarity ?? -1) { best = (candidate, similarity) }
            }
            let index: Int
            if let best {
                index = best.index
                clusters[index].members.append(item)
            } else {
                index = clusters.count
                clusters.append(Building(members: [item], weights: [:], signature: []))
            }
            for (term, weight) in terms { clusters[index].weights[term, default: 0] += weight }
            let old = Set(clusters[index].signature)
            let signature = clusters[index].weights.sorted {
                $0.value != $1.value ? $0.value > $1.value : $0.key.utf8.lexicographicallyPrecedes($1.key.utf8)
            }.prefix(termsPerTicket).map(\.key)
            clusters[index].signature = signature
            for term in signature where !old.contains(term) { postings[term, default: []].append(index) }
        }
    }

    /// False for function words, single letters and numbers, dates and times (`504`, `01/07/2025`),
    /// which differ between similar tickets or say nothing about the problem.
    private func isCharacteristic(_ term: String) -> Bool {
        term.utf8.count > 1 && term.utf8.contains { ScanByte.isLetter($0) || $0 >= 0x80 } && !stopTerms.contains(term)
    }

    /// |a ∩ b| / |a ∪ b|; 0 for two empty sets.
    static func jaccard(_ a: Set<String>, _ b: Set<String>) -> Double {
        let union = a.union(b).count
        return union == 0 ? 0 : Double(a.intersection(b).count) / Double(union)
    }
}
