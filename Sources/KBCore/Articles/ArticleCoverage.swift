/// Decides whether an indexed article already answers a solved ticket, by what both say: the problem and its cause.
///
/// Both sides are analysed alike (the search layer's analyzer: stemming, function words left out), and a word
/// counts as present when it, or every term of one of its synonyms, is there. Each word weighs its idf in the
/// ticket index, so the words that tell tickets apart ("disco", "cuota", "certificado") count more than those
/// most tickets share ("portal", "error"). An article covers a ticket when both hold:
///
/// - **its subject is the ticket's**: the article's title, problem, environment and tags hold at least `threshold`
///   (0.6) of the weight of the ticket's symptom terms, or the ticket's text (title, description, tags, root cause,
///   resolution) holds that share of the weight of the article's title words (a ticket titled by its effect,
///   "Demora al abrir los casos", whose cause is the article's "disco lleno de logs"); half that share is enough
///   when the article holds `strongEvidence` (0.6) of the ticket's cause weight;
/// - **it explains this ticket's cause**: the article's text (title, problem, environment, solution, cause, tags)
///   holds at least `evidenceThreshold` (0.4) of the weight of the ticket's cause terms (its root cause and
///   resolution; its symptoms when it states neither).
///
/// So "Los SMS no están saliendo" because the CloudSMS quota ran out is covered by "SMS no se envían por cuota
/// agotada en el proveedor", and the same title with an encoding bug for a cause is not. An article filed under
/// services is about them: it never covers a ticket of another service. Of several answering articles the one
/// whose title the ticket states best wins, then the one stating most of the ticket's symptoms and cause. Only
/// validated articles cover; a wip or not-validated article that would is reported as pending. Archived
/// articles are never read.
final class ArticleCoverage {
    /// The default share of the article title's weight the ticket must hold.
    static let defaultThreshold = 0.6
    /// The default share of the ticket's cause weight the article must hold.
    static let defaultEvidenceThreshold = 0.4
    /// A share of the ticket's cause weight that identifies the problem with half the subject threshold: a ticket
    /// titled by an effect the article does not name ("Desfase horario en los informes") with the article's cause.
    static let strongEvidence = 0.6

    /// An article that answers a ticket.
    struct Match: Equatable {
        var articleID: String
        var title: String
        var state: String
        /// Share of the ticket's symptom weight in the article, or of the article title's weight in the ticket,
        /// whichever is larger, 0…1.
        var subject: Double
        /// Share of the ticket's cause weight in the article, 0…1.
        var evidence: Double
        /// Orders answering articles: the article title's share in the ticket first (the ticket names the
        /// article's subject), then the symptoms' and the cause's shares.
        var rank: Double
    }

    private struct Entry {
        var id: String
        var title: String
        var state: String
        /// Folded service keys; empty for a general article.
        var services: Set<[[UInt8]]>
        var titleTerms: [TicketProfile.WeightedTerm]
        /// Title, problem, environment and tags.
        var symptomTerms: Set<String>
        /// Every section.
        var terms: Set<String>
    }

    let threshold: Double
    let evidenceThreshold: Double
    private let profiler: TicketProfiler
    private let synonyms: (String) -> [String]
    private var entries: [Entry] = []
    private var postings: [String: [Int]] = [:]
    private var alternatives: [String: [[String]]] = [:]

    /// Reads `articles` (not archived; two files with one id pool their text, and take the first one's title); `indexed`
    /// gives their states and services by id, `synonyms` the workspace's alternatives of an analysed term.
    init(articles: [Store.ArticleText], indexed: [String: Store.IndexedArticle], profiler: TicketProfiler,
         synonyms: @escaping (String) -> [String], threshold: Double = ArticleCoverage.defaultThreshold,
         evidenceThreshold: Double = ArticleCoverage.defaultEvidenceThreshold) throws {
        self.profiler = profiler
        self.synonyms = synonyms
        self.threshold = threshold
        self.evidenceThreshold = evidenceThreshold
        var index: [String: Int] = [:]
        for article in articles {
            let symptomTerms = [article.title, article.problem, article.tagsText].reduce(into: Set<String>()) {
                $0.formUnion(profiler.terms($1))
            }
            let terms = symptomTerms.union(profiler.terms(article.solution))
            if let known = index[article.id] {
                entries[known].symptomTerms.formUnion(symptomTerms)
                entries[known].terms.formUnion(terms)
                continue
            }
            var titleTerms: [TicketProfile.WeightedTerm] = []
            for term in profiler.terms(article.title).sorted() { titleTerms.append(.init(term: term, weight: try profiler.idf(term))) }
            index[article.id] = entries.count
            let summary = indexed[article.id]
            entries.append(Entry(id: article.id, title: article.title, state: summary?.state ?? ArticleState.wip.rawValue,
                                 services: Set((summary?.services ?? []).map(Policy.foldedKey)), titleTerms: titleTerms, symptomTerms: symptomTerms, terms: terms))
        }
        for (position, entry) in entries.enumerated() {
            for term in entry.terms { postings[term, default: []].append(position) }
        }
    }

    /// The validated article answering best a ticket of `service` (nil: none), if one answers it.
    func coveringArticle(_ profile: TicketProfile, service: String?) -> Match? {
        bestMatch(profile, service: service) { $0 == ArticleState.validated.rawValue }
    }

    /// The wip or not-validated article answering best a ticket of `service`, if one would: the gap is being filled.
    func pendingArticle(_ profile: TicketProfile, service: String?) -> Match? {
        bestMatch(profile, service: service) { $0 != ArticleState.validated.rawValue && $0 != ArticleState.archived.rawValue }
    }

    /// The answering article (both shares at their thresholds) ranking first, ties by id.
    private func bestMatch(_ profile: TicketProfile, service: String?, state accepts: (String) -> Bool) -> Match? {
        let serviceKey = service.map(Policy.foldedKey)
        let evidence = profile.evidence
        let evidenceWeight = evidence.reduce(0) { $0 + $1.weight }
        let symptomWeight = profile.symptoms.reduce(0) { $0 + $1.weight }
        guard evidenceWeight > 0, symptomWeight > 0 else { return nil }
        var candidates = Set<Int>()
        for term in evidence + profile.symptoms {
            candidates.formUnion(postings[term.term] ?? [])
            for phrase in alternativePhrases(term.term) { candidates.formUnion(phrase.first.flatMap { postings[$0] } ?? []) }
        }
        var best: Match?
        for candidate in candidates {
            let entry = entries[candidate]
            guard accepts(entry.state) else { continue }
            if let serviceKey, !entry.services.isEmpty, !entry.services.contains(serviceKey) { continue }
            let titleWeight = entry.titleTerms.reduce(0) { $0 + $1.weight }
            let titleShare = titleWeight == 0 ? 0
                : entry.titleTerms.filter { holds(profile.allTerms, $0.term) }.reduce(0) { $0 + $1.weight } / titleWeight
            let symptomShare = profile.symptoms.filter { holds(entry.symptomTerms, $0.term) }.reduce(0) { $0 + $1.weight } / symptomWeight
            let subject = max(titleShare, symptomShare)
            guard subject >= threshold / 2 else { continue }
            let explained = evidence.filter { holds(entry.terms, $0.term) }.reduce(0) { $0 + $1.weight } / evidenceWeight
            guard explained >= evidenceThreshold, subject >= threshold || explained >= ArticleCoverage.strongEvidence else {
                continue
            }
            let match = Match(articleID: entry.id, title: entry.title, state: entry.state, subject: subject, evidence: explained,
                              rank: 2 * titleShare + symptomShare + explained)
            if let current = best, current.rank > match.rank
                || (current.rank == match.rank && current.articleID.utf8.lexicographicallyPrecedes(match.articleID.utf8)) {
                continue
            }
            best = match
        }
        return best
    }

    /// True when `terms` hold `term`, or every term of one of its synonyms.
    private func holds(_ terms: Set<String>, _ term: String) -> Bool {
        terms.contains(term) || alternativePhrases(term).contains { $0.allSatisfy(terms.contains) }
    }

    /// The synonyms of an analysed term, each analysed like the texts (never empty phrases).
    private func alternativePhrases(_ term: String) -> [[String]] {
        if let known = alternatives[term] { return known }
        let phrases = synonyms(term).map { profiler.analyzer.terms($0).filter(profiler.isCharacteristic) }.filter { !$0.isEmpty }
        alternatives[term] = phrases
        return phrases
    }
}
