extension AutomationCollector {
    /// Groups of a phrase book (actions, or evidence asks) with near-duplicates by meaning merged: first wordings
    /// whose terms nearly coincide (`actionSimilarity`, Jaccard), then groups whose terms mean the same thing
    /// (``AutomationMeaningMerger``, `meaningSimilarity`) when most of their incidents are of one service
    /// (unless `byService` is false: an intake form asks the same of every service) and they
    /// were rarely done in the same incident: two things one incident did are two steps, however alike their words.
    ///
    /// `phrases(incident)` lists the phrases an incident holds. The result maps each phrase to its group's
    /// leading phrase, like ``AutomationPhraseBook/groups(similarity:vocabulary:)``.
    func meaningGroups(of book: AutomationPhraseBook, measure: AutomationMeaningMerger.Measure = .dice,
                       threshold: Double? = nil, byService: Bool = true,
                       phrases: (AutomationIncident) -> [Int32]) -> [Int32] {
        let group = book.groups(similarity: options.actionSimilarity, vocabulary: vocabulary)
        let leaders = Array(Set(group)).sorted()
        guard leaders.count > 1 else { return group }
        var position: [Int32: Int] = [:]
        for (index, leader) in leaders.enumerated() { position[leader] = index }
        var incidentsOf = [Set<Int>](repeating: [], count: leaders.count)
        var services = [[String: Int]](repeating: [:], count: leaders.count)
        for (index, incident) in incidents.enumerated() {
            for phrase in phrases(incident) {
                let item = position[group[Int(phrase)]]!
                if incidentsOf[item].insert(index).inserted { services[item][incident.service, default: 0] += 1 }
            }
        }
        let dominant = services.map { AutomationPhraseBook.mostCommon($0) ?? "" }
        let items = leaders.map { book.terms[Int($0)] }
        let merger = AutomationMeaningMerger(weights: termWeights, measure: measure)
        let merged = merger.groups(of: items, threshold: threshold ?? options.meaningSimilarity, partition: { byService ? dominant[$0] : "" }) { left, right in
            let a = left.reduce(into: Set<Int>()) { $0.formUnion(incidentsOf[$1]) }
            let b = right.reduce(into: Set<Int>()) { $0.formUnion(incidentsOf[$1]) }
            return Double(a.intersection(b).count) <= Self.sameIncidentShare * Double(min(a.count, b.count))
        }
        return group.map { leaders[merged[position[$0]!]] }
    }

    /// Largest share of the smaller group's incidents two groups may have done together and still be one thing.
    static let sameIncidentShare = 0.2

    /// The vendor (`vendor:NAME`) at least half of these incidents were escalated to, if any.
    func dominantVendor(_ members: [Int]) -> String? {
        var counts: [String: Int] = [:]
        for index in members {
            for escalation in incidents[index].escalations where escalation.target.lowercased().hasPrefix("vendor:") {
                counts[escalation.target.lowercased(), default: 0] += 1
            }
        }
        guard let vendor = AutomationPhraseBook.mostCommon(counts), 2 * counts[vendor]! >= members.count else { return nil }
        return vendor
    }

    /// The action group (of `actionGroups`, see ``meaningGroups(of:measure:threshold:phrases:)``) done in at least
    /// half of these incidents and most often, if any: incidents handled the same way had the same problem.
    func dominantAction(_ members: [Int], actionGroups: [Int32]) -> Int32? {
        var counts: [Int32: Int] = [:]
        for index in members {
            for group in Set(incidents[index].actions.map { actionGroups[Int($0.phrase)] }) { counts[group, default: 0] += 1 }
        }
        guard let best = counts.min(by: { ($0.value, $1.key) > ($1.value, $0.key) }), 2 * best.value >= members.count else { return nil }
        return best.key
    }

    /// The value most of `values` share (at least half), if any.
    static func majority(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values where !value.isEmpty { counts[value, default: 0] += 1 }
        guard let value = AutomationPhraseBook.mostCommon(counts), 2 * counts[value]! >= values.count else { return nil }
        return value
    }

    /// Groups of items (term sets) that say the same thing, within one `partition` value each: a pair of their texts
    /// reaches `threshold` (by `measure`), or the groups share a value of one of `contexts` (per item: vendor,
    /// article, tag…; nil for none) and a pair reaches `sharedContextSimilarity`. The group of each item, named by
    /// its smallest member.
    func contextGroups(of terms: [[Int32]], partition: (Int) -> String, contexts: [[String?]],
                       measure: AutomationMeaningMerger.Measure = .dice, threshold: Double? = nil) -> [Int] {
        let merger = AutomationMeaningMerger(weights: termWeights, measure: measure)
        return merger.groups(of: terms, threshold: options.sharedContextSimilarity, partition: partition) { left, right in
            let shared = contexts.contains { values in
                left.contains { a in values[a] != nil && right.contains { values[$0] == values[a] } }
            }
            return sameMeaning(left, right, terms: terms, merger: merger, sharedContext: shared, threshold: threshold)
        }
    }

    /// `items` with each group (of ``contextGroups(of:partition:contexts:measure:threshold:)``) folded into its
    /// first member by `merge`, in the order of the groups' first members.
    static func combined<Item>(_ items: [Item], groups: [Int], merge: (inout Item, Item) -> Void) -> [Item] {
        var merged: [Int: Item] = [:]
        for (index, item) in items.enumerated() {
            if var existing = merged[groups[index]] {
                merge(&existing, item)
                merged[groups[index]] = existing
            } else {
                merged[groups[index]] = item
            }
        }
        return merged.keys.sorted().map { merged[$0]! }
    }

    /// Whether two groups of items are one thing: some pair of their texts reaches `meaningSimilarity`, or they
    /// share a context (vendor, article, tag, handling) and some pair reaches `sharedContextSimilarity`.
    func sameMeaning(_ left: [Int], _ right: [Int], terms: [[Int32]], merger: AutomationMeaningMerger,
                     sharedContext: Bool, threshold: Double? = nil) -> Bool {
        var best = 0.0
        for a in left {
            for b in right { best = max(best, merger.similarity(terms[a], terms[b])) }
        }
        return best + 1e-9 >= (threshold ?? options.meaningSimilarity) || (sharedContext && best + 1e-9 >= options.sharedContextSimilarity)
    }
}
