import Foundation

/// Intake: from a new ticket's text to severity, missing information, SLA due times, solutions,
/// possible duplicates and escalation hints.
///
/// The query is planned, not just escaped: the text's most discriminative words (`MoreLikeThis`: tf·idf, stop words
/// and conversational words of both languages dropped, names and codes kept) select candidates, and the candidates
/// are ordered by how alike their whole text is to the request's (`TermVector`).
public final class Suggester {
    let store: Store
    let engine: SearchEngine
    let policy: Policy
    let analyzer: Analyzer
    let classifier: SeverityClassifier
    /// Analyzers of the languages similar tickets are written in, with the terms their vectors leave out.
    private var vectorAnalyses: [Language: TermVector.Analysis] = [:]
    /// Words in more tickets than this share are not used to select candidates (names and codes excepted).
    public var frequentShare = 0.2
    /// How many words explain a suggestion and find articles and possible duplicates.
    public var selectedWords = 10
    /// How many of the request's best words select candidate similar tickets (OR'ed, BM25), and how many of the best
    /// candidates are compared whole with the request (`reranked`).
    public var candidateWords = 25
    public var candidateCount = 50
    /// How many times a title's words count in the vectors similar tickets are compared by: a title says what fails.
    public var titleWeight = 2.0
    /// Open tickets created this long before the request count as possible duplicates.
    public var duplicateWindowSeconds: Int64 = 48 * 3_600
    /// `MoreLikeThis.ignoredTerms(engine.builder)`, when the caller keeps them for many suggestions; nil: computed per
    /// suggestion.
    public var ignoredTerms: Set<String>?

    /// A suggester whose policy objects are built now; one that runs per request takes them from `KnowledgeBase.Shared`.
    public convenience init(store: Store, engine: SearchEngine, policy: Policy) {
        self.init(store: store, engine: engine, policy: policy, classifier: SeverityClassifier(policy: policy),
                  analyzer: Analyzer(language: store.tokenizer.language))
    }

    /// A suggester with its collaborators built by the caller, once for many suggestions: `classifier` from `policy`,
    /// `analyzer` in the store's language.
    public init(store: Store, engine: SearchEngine, policy: Policy, classifier: SeverityClassifier, analyzer: Analyzer) {
        self.store = store
        self.engine = engine
        self.policy = policy
        self.classifier = classifier
        self.analyzer = analyzer
    }

    public func suggest(_ request: IntakeRequest) throws -> Suggestion {
        let chosen = try discriminativeWords(in: request.text, maximum: max(selectedWords, candidateWords))
        let words = Array(chosen.prefix(selectedWords))
        let selected = Set(words.map(\.term))
        let similar = try similarResolvedTickets(words: chosen, request: request)
        let articles = try matchingArticles(words: words)
        let severity = severityAdvice(request: request, similar: similar)
        let service = request.service ?? mostCommon(similar.prefix(10).compactMap(\.ticket.service))
        let plan = request.plan ?? request.customer.flatMap { policy.customer(named: $0)?.plan }
        var solutions: [Suggestion.Solution] = []
        for article in articles.prefix(2) {
            solutions.append(Suggestion.Solution(
                type: .article, id: article.result.id, title: article.result.title, status: article.result.status,
                score: article.result.score, why: article.why, resolution: article.solution, reference: article.path))
        }
        for candidate in similar where solutions.count < 5 {
            let ticket = candidate.ticket
            solutions.append(Suggestion.Solution(
                type: .ticket, id: ticket.id, title: ticket.title, status: ticket.status.rawValue, score: candidate.score,
                why: why(ticket: ticket, words: words, selected: selected),
                resolution: ticket.resolution ?? "", reference: "kb show \(ticket.id)"))
        }
        let duplicates = try possibleDuplicates(words: words, request: request, service: service)
        var customers = Set(duplicates.compactMap(\.customer))
        if let customer = request.customer { customers.insert(customer) }
        let missing = MissingInformation.check(request: request, inferredService: service, plan: plan)
        return Suggestion(
            severity: severity, missing: missing,
            customerRequest: MissingInformation.customerMessage(for: missing, language: policy.language),
            sla: slaDue(severity: severity.suggested, request: request, plan: plan),
            solutions: solutions, duplicates: duplicates,
            probableMajorIncident: duplicates.count >= 2 && customers.count >= 2,
            escalation: escalationHints(similar: similar, request: request, severity: severity.suggested, service: service),
            routing: routing(service: service, requested: request.service != nil), customerLanguage: policy.language)
    }

    // MARK: - Query planning

    /// The request's words that find similar texts, best first (see `MoreLikeThis`).
    public func discriminativeWords(in text: String) throws -> [QueryBuilder.Word] {
        try discriminativeWords(in: text, maximum: selectedWords)
    }

    /// The request's best `maximum` words, best first.
    func discriminativeWords(in text: String, maximum: Int) throws -> [QueryBuilder.Word] {
        var selection = MoreLikeThis(builder: engine.builder, statistics: engine.statistics,
                                     ignored: ignoredTerms ?? MoreLikeThis.ignoredTerms(engine.builder))
        selection.maximumTerms = maximum
        selection.frequentShare = frequentShare
        return try selection.terms(in: text).map(\.word)
    }

    struct Candidate {
        let ticket: Ticket
        let score: Double
    }

    /// Resolved and closed tickets like the request, most similar first: the `candidateCount` best matches of any of
    /// `words` (BM25), compared whole with the request (`reranked`).
    ///
    /// BM25 over a few selected words ranks a candidate by those words only, and requiring the best three together
    /// first (as before) kept only the tickets that repeat them; the whole text decides better which candidate is most
    /// alike (`kb-bench relevance --set multilingual`, Spanish tickets whose most similar ticket is in their queue:
    /// 43.8% → 47.6% with 25 words OR'ed, → 50.0% ordered by cosine).
    func similarResolvedTickets(words: [QueryBuilder.Word], request: IntakeRequest) throws -> [Candidate] {
        guard !words.isEmpty, let match = engine.builder.match(words: words, mode: .any) else { return [] }
        var filters = SearchFilters()
        filters.statuses = [TicketStatus.resolved.rawValue, TicketStatus.closed.rawValue]
        filters.limit = candidateCount + 1
        let candidates = try engine.searchTickets(match: match, filters: filters, snippets: false)
            .filter { $0.id != request.ticketID }.prefix(candidateCount).compactMap { result in
                try store.ticket(id: result.id).map { Candidate(ticket: $0, score: result.score) }
            }
        return try reranked(candidates, request: request)
    }

    /// Candidates reordered by the cosine of their whole text's tf·idf vector with the request's (`TermVector`), each
    /// text analysed in its own language, titles counting `titleWeight` times; ties by id.
    ///
    /// Only the request's words are counted among the tickets: a candidate's other words weigh the request's mean idf
    /// each. They matter only through the candidate's length (a long ticket that happens to share a word is less alike
    /// than a short one about it), and counting them would cost a frequency count per word of every candidate, a
    /// doclist read each on a large store. Measured better too: 48.1% with every word counted, 50.0% so.
    func reranked(_ candidates: [Candidate], request: IntakeRequest) throws -> [Candidate] {
        guard !candidates.isEmpty else { return [] }
        let requestLanguage = LanguageDetector.detect([request.title, request.description]) ?? store.tokenizer.language
        // Each request word's idf (0: in no ticket or in all), and the mean of those that weigh.
        var idfs: [String: Double] = [:]
        let total = Double(max(engine.statistics.documentCount, 1))
        let source = try TermVector(fields: [(request.title, titleWeight), (request.description, 1)],
                                    analysis: analysis(for: requestLanguage)) { term, spelling in
            let frequency = try engine.statistics.documentFrequency(QueryBuilder.Word(original: spelling, term: term))
            let idf = frequency > 0 && Double(frequency) < total ? log(total / Double(frequency)) : 0
            idfs[term] = idf
            return idf
        }
        let weighing = idfs.keys.sorted().compactMap { idfs[$0]! > 0 ? idfs[$0] : nil }
        let typical = weighing.isEmpty ? 1 : weighing.reduce(0, +) / Double(weighing.count)
        let scored = candidates.map { candidate in
            let ticket = candidate.ticket
            let fields = [(ticket.title, titleWeight), (ticket.description, 1), (ticket.resolution ?? "", 1), (ticket.rootCause ?? "", 1)]
            let vector = TermVector(fields: fields, analysis: analysis(for: ticket.analysisLanguage ?? store.tokenizer.language)) { term, _ in
                idfs[term] ?? typical
            }
            return Candidate(ticket: ticket, score: source.cosine(vector))
        }
        return scored.sorted { $0.score != $1.score ? $0.score > $1.score : $0.ticket.id < $1.ticket.id }
    }

    /// The terms of function and conversational words (`MoreLikeThis.ignoredWords`) in each language, analysed once per
    /// process: a Suggester lives for one request, and analysing these ≈ 500 words anew was work repeated per suggest.
    /// An analyzer's terms depend on its language only, so these are the terms any analyzer of that language gives.
    private static let ignoredTermsByLanguage: [Language: Set<String>] = Dictionary(uniqueKeysWithValues: Language.allCases.map { language in
        let analyzer = Analyzer(language: language)
        return (language, Set(MoreLikeThis.ignoredWords.flatMap { analyzer.terms($0) }))
    })

    /// The analyzer of `language` and the terms of function and conversational words in it (`MoreLikeThis.ignoredWords`).
    private func analysis(for language: Language) -> TermVector.Analysis {
        if let known = vectorAnalyses[language] { return known }
        let analyzer = language == self.analyzer.language ? self.analyzer : Analyzer(language: language)
        let made = TermVector.Analysis(analyzer: analyzer, ignored: Self.ignoredTermsByLanguage[language] ?? [])
        vectorAnalyses[language] = made
        return made
    }

    struct ArticleMatch {
        let result: SearchResult
        let why: [String]
        let solution: String
        let path: String
    }

    /// Validated articles sharing enough of the request's top words to be worth reading first.
    func matchingArticles(words: [QueryBuilder.Word]) throws -> [ArticleMatch] {
        guard let expression = engine.builder.expression(words: words, mode: .any) else { return [] }
        var filters = SearchFilters()
        filters.statuses = ["validated"]
        filters.limit = 5
        let needed = max(2, Int((Double(words.count) * 0.4).rounded(.up)))
        var matches: [ArticleMatch] = []
        for result in try engine.searchArticles(expression: expression, filters: filters) {
            guard let row = try store.connection.cached(
                "SELECT title || ' ' || problem || ' ' || solution || ' ' || tags_text, solution, path FROM articles WHERE id = ? ORDER BY path LIMIT 1")
                .first([result.id], { ($0.text(0), $0.text(1), $0.text(2)) }) else { continue }
            let terms = Set(analyzer.terms(row.0))
            let shared = words.filter { terms.contains($0.term) }
            guard shared.count >= min(needed, words.count) else { continue }
            matches.append(ArticleMatch(result: result, why: shared.map(\.original), solution: row.1, path: row.2))
        }
        return matches
    }

    func why(ticket: Ticket, words: [QueryBuilder.Word], selected: Set<String>) -> [String] {
        let text = [ticket.title, ticket.description, ticket.resolution ?? "", ticket.rootCause ?? ""].joined(separator: "\n")
        let terms = Set(analyzer.terms(text))
        return words.filter { terms.contains($0.term) }.map(\.original)
    }

    // MARK: - Duplicates

    /// Open tickets of the last `duplicateWindowSeconds` that report the same problem, found by meaning: the
    /// request's words are compared with each candidate's after stemming and synonyms ("mensajes" meets
    /// "Mensajería"), and a candidate of the same service needs one shared word where any other needs half of them.
    /// Candidates are the open tickets of the window that match the words, and those of the same service.
    func possibleDuplicates(words: [QueryBuilder.Word], request: IntakeRequest, service: String?) throws -> [Suggestion.Duplicate] {
        guard !words.isEmpty else { return [] }
        let openStatuses = TicketStatus.allCases.filter { !$0.isDone }.map(\.rawValue)
        let since = request.receivedAt.seconds - duplicateWindowSeconds
        let until = request.receivedAt.seconds + 1
        var candidates: [String: Ticket] = [:]
        if let match = engine.builder.match(words: words, mode: .any) {
            var filters = SearchFilters()
            filters.statuses = openStatuses
            filters.since = Timestamp(seconds: since)
            filters.until = Timestamp(seconds: until)
            filters.limit = 20
            for result in try engine.searchTickets(match: match, filters: filters, snippets: false) {
                candidates[result.id] = try store.ticket(id: result.id)
            }
        }
        if let service {
            let placeholders = Array(repeating: "?", count: openStatuses.count).joined(separator: ", ")
            // `+status`: the window's few tickets come from the creation index; SQLite otherwise chose the status index
            // and read every open ticket of the store (0.3 s at 1,000,000 tickets, a quarter of a suggest).
            let sameService = try store.connection.cached("""
                SELECT packed FROM tickets WHERE +status IN (\(placeholders)) AND created_at >= ? AND created_at < ? AND service = ?
                ORDER BY created_at DESC, id LIMIT 50
                """)
            try sameService.forEachRow(openStatuses + [since, until, service] as [any SQLBindable]) { row in
                let ticket = try row.withBlob(0) { try Store.decodeStored($0) }
                candidates[ticket.id] = ticket
            }
        }
        let concepts = words.map { word in (word: word, spellings: [[word.term]] + engine.builder.synonyms(word.term).map(engine.builder.terms(in:))) }
        let needed = max(2, Int((Double(words.count) * 0.5).rounded(.up)))
        var found: [(duplicate: Suggestion.Duplicate, shared: Int)] = []
        for ticket in candidates.values where ticket.id != request.ticketID {
            let terms = Set(analyzer.terms(ticket.title + "\n" + ticket.description))
            let shared = concepts.filter { concept in concept.spellings.contains { !$0.isEmpty && $0.allSatisfy(terms.contains) } }
            let sameService = service != nil && ticket.service == service
            guard shared.count >= (sameService ? 1 : min(needed, words.count)) else { continue }
            found.append((Suggestion.Duplicate(id: ticket.id, title: ticket.title, customer: ticket.customer, createdAt: ticket.createdAt,
                                               status: ticket.status.rawValue, why: shared.map(\.word.original)), shared.count))
        }
        found.sort {
            if $0.shared != $1.shared { return $0.shared > $1.shared }
            if $0.duplicate.createdAt != $1.duplicate.createdAt { return $0.duplicate.createdAt > $1.duplicate.createdAt }
            return $0.duplicate.id < $1.duplicate.id
        }
        return found.map(\.duplicate)
    }

    // MARK: - Severity, SLA, escalation, routing

    func severityAdvice(request: IntakeRequest, similar: [Candidate]) -> Suggestion.SeverityAdvice {
        let suggestion = classifier.suggest(title: request.title, description: request.description)
        let neighbours = similar.prefix(10).map(\.ticket.severity)
        var counts: [Int: Int] = [:]
        for value in neighbours { counts[value, default: 0] += 1 }
        let majority = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) }
        var reasons = suggestion?.reasons.map(SeverityReason.phrase) ?? []
        var suggested = suggestion?.severity
        if let majority, !neighbours.isEmpty {
            let share = Double(majority.value) / Double(neighbours.count)
            reasons.append(.similarTickets(count: majority.value, of: neighbours.count, severity: majority.key))
            if suggestion == nil || (suggestion?.rule == .failureWithoutTopic && share >= 0.6) {
                // Past tickets decide when no definition matched, or when only generic failure words did.
                suggested = majority.key
            } else if let suggestion, majority.key != suggestion.severity, share >= 0.7, neighbours.count >= 5,
                      suggestion.reasons.allSatisfy({ $0.failureText != nil }),
                      let other = suggestion.otherEvidence.first(where: { $0.severity == majority.key }) {
                // The text names two levels and its most severe one rests only on a service word beside a failure word:
                // the level most similar past tickets had, which the text also names, weighs more.
                suggested = majority.key
                reasons.append(.similarTicketsChosen(severity: majority.key, matchedText: other.matchedText))
            }
        }
        if suggested == nil {
            reasons.append(.noEvidence)
        }
        return Suggestion.SeverityAdvice(suggested: suggested ?? 3, reasons: reasons)
    }

    func slaDue(severity: Int, request: IntakeRequest, plan: String?) -> Suggestion.SLADue {
        let probe = Ticket(id: request.ticketID ?? "intake", title: request.title, customer: request.customer, plan: plan,
                           service: request.service, severity: severity, status: .new, createdAt: request.receivedAt)
        let terms = policy.terms(for: probe)
        let targets = policy.targets(forSeverity: severity)
        return Suggestion.SLADue(
            plan: terms.planName, calendar: terms.calendar.name, timeZone: terms.timeZone.identifier, severity: severity,
            firstResponseTarget: targets.firstResponseSeconds,
            firstResponseDue: terms.calendar.instant(after: targets.firstResponseSeconds, from: request.receivedAt, in: terms.timeZone),
            resolutionTarget: targets.resolutionSeconds,
            resolutionDue: terms.calendar.instant(after: targets.resolutionSeconds, from: request.receivedAt, in: terms.timeZone),
            holidays: terms.holidayCalendar, businessDaySeconds: terms.calendar.businessDaySeconds)
    }

    func escalationHints(similar: [Candidate], request: IntakeRequest, severity: Int, service: String?) -> Suggestion.Escalation {
        var counts: [String: Int] = [:]
        let neighbours = similar.prefix(10)
        for candidate in neighbours {
            let targets = Set(candidate.ticket.events.filter { $0.kind == .escalation }.compactMap(\.to))
            for target in targets { counts[target, default: 0] += 1 }
        }
        let targets = counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { (target: $0.key, count: $0.value) }
        let probe = Ticket(id: request.ticketID ?? "intake", title: request.title, description: request.description,
                           customer: request.customer, service: service, severity: severity, status: .new,
                           level: policy.escalation.levels.first, createdAt: request.receivedAt)
        let sla = TicketSLA(ticket: probe, policy: policy, now: request.receivedAt)
        let rules = EscalationAdvisor.advise(ticket: probe, sla: sla, policy: policy)
        return Suggestion.Escalation(targets: targets, similarTickets: neighbours.count, rules: rules)
    }

    func routing(service: String?, requested: Bool) -> Suggestion.Routing {
        guard let service else {
            return Suggestion.Routing(service: nil, team: nil, level: nil, reason: .serviceUnknown)
        }
        let origin: RoutingReason.Origin = requested ? .given : .similarTickets
        guard let route = policy.route(forService: service) else {
            return Suggestion.Routing(service: service, team: nil, level: nil, reason: .noRoute(origin, service: service))
        }
        return Suggestion.Routing(service: service, team: route.team, level: route.level, reason: .routed(origin))
    }

    private func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return counts.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
