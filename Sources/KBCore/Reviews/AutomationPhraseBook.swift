/// Distinct normalised phrases (action or evidence-request texts as term sets) with their original
/// wordings and the number of incidents each appears in.
struct AutomationPhraseBook: Sendable {
    private var ids: [[Int32]: Int32] = [:]
    /// Sorted term ids of each phrase.
    private(set) var terms: [[Int32]] = []
    /// Original wording → times written, per phrase.
    private(set) var wordings: [[String: Int]] = []
    /// Incidents each phrase appears in (counted once per incident).
    private(set) var incidentCounts: [Int] = []

    var count: Int { terms.count }

    /// The phrase of a set of term ids, recording one more use of `wording`.
    mutating func phrase(terms termIDs: [Int32], wording: String) -> Int32 {
        let key = termIDs.sorted()
        let id: Int32
        if let existing = ids[key] {
            id = existing
        } else {
            id = Int32(terms.count)
            ids[key] = id
            terms.append(key)
            wordings.append([:])
            incidentCounts.append(0)
        }
        wordings[Int(id)][wording, default: 0] += 1
        return id
    }

    /// Records that an incident holds `phrase` (call once per incident and phrase).
    mutating func countIncident(_ phrase: Int32) {
        incidentCounts[Int(phrase)] += 1
    }

    /// Merges phrases whose term sets reach `similarity` (Jaccard): the group of each phrase, where a
    /// group is numbered by its first phrase. Frequent phrases lead, so a rare variant joins a common wording.
    func groups(similarity: Double, vocabulary: AutomationVocabulary) -> [Int32] {
        let order = terms.indices.sorted { left, right in
            if incidentCounts[left] != incidentCounts[right] { return incidentCounts[left] > incidentCounts[right] }
            return terms[left].lexicographicallyPrecedes(terms[right])
        }
        var clusterer = AutomationSetClusterer(threshold: similarity, documentFrequency: vocabulary.documentFrequency(of: terms))
        var leaderPhrase: [Int32] = []
        var group = [Int32](repeating: 0, count: terms.count)
        for phrase in order {
            let leader = clusterer.assign(terms[phrase]).leader
            if leader == leaderPhrase.count { leaderPhrase.append(Int32(phrase)) }
            group[phrase] = leaderPhrase[leader]
        }
        return group
    }

    /// The wording to quote for a set of phrases: the most written one that shows no person and no value of one
    /// ticket (see ``AutomationWording``).
    func representativeWording<S: Sequence>(of phrases: S, redactor: Redactor) -> String where S.Element == Int32 {
        var merged: [String: Int] = [:]
        for phrase in phrases {
            for (wording, uses) in wordings[Int(phrase)] { merged[wording, default: 0] += uses }
        }
        return AutomationWording.representative(merged, redactor: redactor)
    }

    /// The key with the highest count; ties go to the smaller key.
    static func mostCommon(_ counts: [String: Int]) -> String? {
        counts.min { ($0.value, $1.key) > ($1.value, $0.key) }?.key
    }
}
