import Foundation

/// Gathers an incident's `IncidentHistory` from the store: similar closed past incidents, other reports of the
/// same incident, earlier incidents with the same cause, and the articles linked to it or covering its problem.
///
/// The similarity query is planned to stay fast on large stores. BM25 scores every ticket an OR'ed term matches, from
/// its stored text (`Store.bestClosedMatches`), so:
/// - only the incident's rare terms are OR'ed (at most `maximumTerms`, found in at most `postingBudget` tickets
///   together), chosen by tf·idf as Lucene's MoreLikeThis does, and ranked by BM25 over that bounded set;
/// - document frequencies are counted up to the budget, so a common word costs a bounded walk, never its whole list;
/// - when every word is common, the three weightiest must all match and only the latest `candidateLimit`
///   matches imported before the ticket are read (no BM25); they are ranked by the share of the incident's
///   title and root-cause words they contain.
public final class IncidentHistoryFinder {
    /// Terms OR'ed in the similarity query.
    public static let maximumTerms = 8
    /// The largest posting budget: the chosen terms together match at most this many tickets.
    public static let maximumPostingBudget = 5_000
    /// Hits examined before filtering to closed past tickets.
    public static let candidateLimit = 300
    /// Hits scoring below this share of the incident's own score are not similar.
    public static let minimumSimilarity = 0.25
    /// Added to the similarity of tickets of the same service when ranking.
    public static let sameServiceBonus = 0.15
    /// A similar ticket shares at least this many of the query's terms in its title, description, cause or
    /// resolution: one shared rare word is a coincidence, not the same problem.
    public static let minimumSharedTerms = 2

    let store: Store
    let builder: QueryBuilder
    let engine: SearchEngine
    /// The chosen terms together may match at most this many tickets; a word in more is common.
    public let postingBudget: Int
    private(set) var stopTerms: Set<String> = []

    /// A finder over `store`, building queries with `builder` (the workspace's, for its analyzer and synonyms).
    ///
    /// The posting budget defaults to 5% of the tickets, between 500 and `maximumPostingBudget`.
    public init(store: Store, builder: QueryBuilder, postingBudget: Int? = nil) throws {
        self.store = store
        self.builder = builder
        engine = try SearchEngine(store: store, builder: builder)
        self.postingBudget = postingBudget
            ?? min(Self.maximumPostingBudget, max(500, engine.statistics.documentCount / 20))
        stopTerms = Set(terms(of: Self.stopWords))
    }

    /// Document frequencies, shared by every review this finder serves.
    public var statistics: TermStatistics { engine.statistics }

    /// Everything the store knows around `ticket` as of `now`.
    public func history(for ticket: Ticket, now: Timestamp) throws -> IncidentHistory {
        let words = try selectWords(for: ticket)
        let (similar, truncated) = try similarIncidents(to: ticket, words: words.words, mode: words.mode)
        let concurrent = try concurrentReports(for: ticket, now: now)
        let reports = Set(concurrent.map(\.id))
        let recurrences = try recurrences(of: ticket, now: now, excluding: reports)
        return IncidentHistory(similar: similar.filter { !reports.contains($0.id) }, searchTerms: words.words.map(\.term),
                               similarIsTruncated: truncated, concurrent: concurrent,
                               recurrences: recurrences.incidents,
                               articles: try articles(for: ticket, words: words.words, recurrences: recurrences.incidents,
                                                      articleFields: recurrences.articles))
    }

    // MARK: - Query planning

    /// The analysed terms of `text` with the original spelling of each, and how often each occurs.
    func terms(of text: String) -> [String] {
        var found: [String] = []
        var copy = text
        copy.withUTF8 { bytes in
            builder.termSource(bytes) { term, _, _ in
                found.append(String(decoding: term, as: UTF8.self))
                return true
            }
        }
        return found
    }

    /// The words to search similar incidents with: rare terms by tf·idf within the posting budget, OR'ed;
    /// when every term is common, the three most frequent in the ticket AND'ed instead (narrow, never wide).
    func selectWords(for ticket: Ticket) throws -> (words: [QueryBuilder.Word], mode: QueryMode) {
        var weight: [String: Double] = [:]
        var spelling: [String: String] = [:]
        var order: [String] = []
        let titleTerms = Set(terms(of: ticket.title))
        for (text, fieldWeight) in [(ticket.title, 2.0), (ticket.description, 1.0), (ticket.rootCause ?? "", 1.0)] {
            var copy = text
            copy.withUTF8 { bytes in
                builder.termSource(bytes) { term, start, end in
                    let analysed = String(decoding: term, as: UTF8.self)
                    if spelling[analysed] == nil {
                        spelling[analysed] = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
                        order.append(analysed)
                    }
                    weight[analysed, default: 0] += fieldWeight
                    return true
                }
            }
        }
        // Names and ids find the same customer's or agent's tickets, not the same problem.
        var excluded = stopTerms
        let names = [ticket.id, ticket.customer, ticket.assignee].compactMap { $0 } + ticket.events.compactMap(\.author)
        for name in names { excluded.formUnion(terms(of: name)) }

        // A word only the ticket itself contains finds nothing else; when the ticket is not stored, one other is a hit.
        let isStored = try store.hasTicket(id: ticket.id)
        let minimumFrequency = isStored ? 2 : 1
        var candidates: [(word: QueryBuilder.Word, score: Double, frequency: Int)] = []
        var common: [(word: QueryBuilder.Word, weight: Double)] = []
        for term in order where !excluded.contains(term) && Self.isWorthSearching(term) {
            let word = QueryBuilder.Word(original: spelling[term]!, term: term)
            let frequency = try cappedFrequency(of: word)
            if frequency > postingBudget {
                common.append((word, weight[term]!))
            } else if frequency >= minimumFrequency {
                candidates.append((word, weight[term]! * idf(documentFrequency: frequency), frequency))
            }
        }
        candidates.sort { $0.score != $1.score ? $0.score > $1.score : $0.word.term < $1.word.term }
        var chosen: [QueryBuilder.Word] = []
        var postings = 0
        for candidate in candidates where chosen.count < Self.maximumTerms {
            guard postings + candidate.frequency <= postingBudget else { continue }
            chosen.append(candidate.word)
            postings += candidate.frequency
        }
        if !chosen.isEmpty { return (chosen, .any) }
        // Title words say what the problem is; filler repeated in a description should not outweigh them.
        common.sort { lhs, rhs in
            let lhsTitle = titleTerms.contains(lhs.word.term), rhsTitle = titleTerms.contains(rhs.word.term)
            if lhsTitle != rhsTitle { return lhsTitle }
            return lhs.weight != rhs.weight ? lhs.weight > rhs.weight : lhs.word.term < rhs.word.term
        }
        return (Array(common.prefix(3).map(\.word)), .all)
    }

    /// BM25's inverse document frequency (as `TermStatistics.idf`) of a term in `documentFrequency` tickets: the
    /// capped count is exact for the rare terms it is asked for, and cheaper than a full count, which reads the term's
    /// whole posting list.
    func idf(documentFrequency: Int) -> Double {
        let total = Double(max(statistics.documentCount, 1)), count = Double(documentFrequency)
        return max(1e-6, log((total - count + 0.5) / (count + 0.5)))
    }

    /// Tickets containing a word, counted up to `postingBudget + 1` (a common word stops the count early).
    func cappedFrequency(of word: QueryBuilder.Word) throws -> Int {
        guard let match = builder.match(words: [word], expandSynonyms: false, acrossLanguages: false) else { return 0 }
        return try store.ticketMatchCount(match, limit: postingBudget + 1)
    }

    /// Short words, plain numbers and years say little about a problem.
    static func isWorthSearching(_ term: String) -> Bool {
        let bytes = Array(term.utf8)
        guard bytes.count >= 3 else { return false }
        if bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) {
            guard let value = Int(term) else { return false }
            return !(1900...2100).contains(value)
        }
        return true
    }

    // MARK: - Similar incidents

    /// BM25 weights of title, description, resolution, root cause and timeline.
    static let weights = [10.0, 4.0, 2.0, 2.0, 1.0]

    /// Similar closed past tickets, best first, and whether the candidates filled `candidateLimit` (more may exist).
    func similarIncidents(to ticket: Ticket, words: [QueryBuilder.Word],
                          mode: QueryMode) throws -> (incidents: [RelatedIncident], truncated: Bool) {
        guard let expression = builder.match(words: words, mode: mode, expandSynonyms: false, acrossLanguages: false) else {
            return ([], false)
        }
        let ownRowID = try store.ticketRowID(id: ticket.id)
        var candidates: [Store.TicketExcerpt]
        var similarity: (Store.TicketExcerpt) -> Double
        if mode == .any {
            // Rare terms only: BM25 over at most `postingBudget` matches, normalised by the ticket's own score.
            candidates = try store.bestClosedMatches(expression, weights: Self.weights, limit: Self.candidateLimit,
                                                     excluding: ticket.id, createdBefore: ticket.createdAt)
            var reference = candidates.map(\.score).max() ?? 1
            if let ownRowID, let own = try store.ticketScore(expression, rowID: ownRowID, weights: Self.weights), own > 0 {
                reference = own
            }
            similarity = { min(1, $0.score / reference) }
        } else {
            // Common terms: no BM25 (it would read the text of every match); the latest matches imported before the
            // ticket, scored by how much of the incident's title and root cause they share.
            candidates = try store.latestClosedMatches(expression, before: ownRowID, limit: Self.candidateLimit,
                                                       excluding: ticket.id, createdBefore: ticket.createdAt)
            var profile: [String: Double] = [:]
            for (text, fieldWeight) in [(ticket.title, 2.0), (ticket.rootCause ?? "", 1.0)] {
                for term in terms(of: text) where !stopTerms.contains(term) && Self.isWorthSearching(term) {
                    profile[term] = max(profile[term] ?? 0, fieldWeight)
                }
            }
            let total = max(profile.values.reduce(0, +), 1)
            similarity = { row in
                let found = Set(self.terms(of: [row.title, row.rootCause ?? "", row.resolution ?? "", row.description]
                    .joined(separator: "\n")))
                return profile.reduce(0) { $0 + (found.contains($1.key) ? $1.value : 0) } / total
            }
        }

        // The inner query reads at most `candidateLimit` hits; filters drop some, so any that remain near the
        // limit mean the hits were cut off.
        let truncated = try store.ticketMatchCount(expression, before: mode == .any ? nil : ownRowID,
                                                   limit: Self.candidateLimit + 1) > Self.candidateLimit
        let service = ticket.service.map(Policy.foldedKey)
        let queryTerms = Set(words.map(\.term))
        let needed = min(Self.minimumSharedTerms, queryTerms.count)
        let related = candidates.compactMap { row -> (RelatedIncident, Double)? in
            guard let created = row.createdAt else { return nil }
            let similarity = similarity(row)
            guard similarity >= Self.minimumSimilarity else { return nil }
            let text = [row.title, row.description, row.rootCause ?? "", row.resolution ?? ""].joined(separator: "\n")
            guard queryTerms.intersection(terms(of: text)).count >= needed else { return nil }
            let sameService = service != nil && row.service.map(Policy.foldedKey) == service
            let incident = RelatedIncident(
                id: row.id, title: row.title, service: row.service, severity: row.severity, customer: row.customer,
                createdAt: created, resolvedAt: row.resolvedAt, rootCause: row.rootCause, resolution: row.resolution,
                similarity: similarity, sameService: sameService,
                daysBefore: Int((ticket.createdAt.seconds - created.seconds) / 86_400))
            return (incident, similarity + (sameService ? Self.sameServiceBonus : 0))
        }
        // Equally similar: the most recent first, as the closest in time says most about recurrence.
        let ranked = related.sorted { lhs, rhs in
            if lhs.1 != rhs.1 { return lhs.1 > rhs.1 }
            if lhs.0.createdAt.seconds != rhs.0.createdAt.seconds { return lhs.0.createdAt.seconds > rhs.0.createdAt.seconds }
            return lhs.0.id < rhs.0.id
        }.map(\.0)
        return (ranked, truncated)
    }

    // MARK: - Articles

    /// Function words of Spanish and English: never discriminative, and counting them would walk long posting lists.
    static let stopWords = """
        a al algo algun alguna algunas alguno algunos ante antes aun bajo bien cada casi como con contra cual cuando \
        de del desde donde dos el ella ellas ellos en entre era eran es esa esas ese eso esos esta estaba estado estan \
        estar este esto estos fue fueron hace hacia han hasta hay la las le les lo los mas me mi mientras muy nada ni no \
        nos nuestro o otra otras otro otros para pero poco por porque que se sea ser si sin sobre solo son su sus tambien \
        tiene tienen todo todos tras un una uno unos y ya \
        about after all also an and any are as at be been before but by can could did do does for from had has have \
        he her his how if in into is it its more no not of on or our out she so some than that the their them then \
        there these they this to up was we were what when which while who will with would you your
        """
}
