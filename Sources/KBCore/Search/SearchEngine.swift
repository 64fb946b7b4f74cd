/// Full-text search over tickets and articles, ranked with column-weighted BM25 and a proximity score; tickets
/// are ranked exactly (every match is a candidate) with MaxScore pruning, whatever the store's size.
public final class SearchEngine {
    /// Marks around matched words in snippets; presentation replaces them (ANSI bold, `**`).
    public static let highlightStart = "\u{2}"
    public static let highlightEnd = "\u{3}"

    /// Column weights for title, description, resolution, root cause, timeline.
    ///
    /// BM25's length normalisation already favours a match in a short title, so the title needs only a
    /// small extra weight: tuned on the retrieval sets (xquad-es, xquad-en, cranfield), where heavier
    /// title weights (10, 4, 2, 2, 1) lost 0.2–3 points of MRR/nDCG; `kb-bench retrieval` measures it.
    static let ticketWeights = "1.5 1 1 1 1"
    /// `ticketWeights` as numbers, for the rankings computed outside FTS5.
    static let ticketColumnWeights = ticketWeights.split(separator: " ").compactMap { Double($0) }
    /// Column weights: title ≫ problem > solution > tags.
    static let articleWeights = "10 4 2 3"
    /// Weight of `kb_rank`'s term-proximity score, tuned on the retrieval sets (0.4–0.75 all gain; see RankFunction).
    static let proximityWeight = 0.5
    /// Weight of the whole-title match in ticket ranking's second phase (`TicketRescorer.score`: a ticket whose whole
    /// title the query holds, in order, gains this share of the idfs of the query terms in its title). On the 1M bench
    /// store, of 300 old tickets with rare titles, looked for by their title and by title + first sentence, the top 10
    /// held 199 without it, 250 with 0.5 (251 with 1) when only the first phase's best 50 could gain it; with title keys
    /// (`titledTickets`) 294 with 0.5 and all 300 with 1 or 2 — a pasted subject followed by a template's sentence
    /// ("Buenos días, la llamada entrante no llega…") needs the larger gain to outweigh the sentence's words in tickets
    /// that repeat them. The labelled sets moved by at most +0.002 at 0.5 (BANKING77 top-1 0.8208 → 0.8227) and by
    /// at most +0.0005 from 0.5 to 1 (xquad-es, xquad-en, cranfield, demo; BANKING77 not re-measured).
    static let titleMatchWeight = 1.0
    /// How many tickets the first phase of ticket ranking (BM25 alone) hands the second (with proximity,
    /// `TicketRescorer`); more when a query asks for more results.
    ///
    /// The second phase reads and analyses each ticket's text (most of a search's time on small stores), so the window is
    /// the smallest that changes no labelled figure: xquad-es, xquad-en, cranfield and the demo set give the same MRR and
    /// nDCG to the 4th decimal with 20, 25, 30 and 50; with 15 cranfield's nDCG@10 moves 0.3775 → 0.3773, with 10 to
    /// 0.3746 (`kb-bench relevance`). Whole titles reach past it (`titledTickets`).
    static let rescoreWindow = 20
    /// A title carried by more tickets than this names none of them: ranking finds the tickets whose whole title a
    /// query holds by the title's key only up to this many per title (`titledTickets`); a template's title, shared by
    /// thousands, gains its match only for the tickets the first phase hands the second.
    static let titledTicketLimit = 50
    /// The longest title, in terms, that ranking looks up by its key (a query of n terms holds n(n+1)/2 runs).
    static let longestTitleRun = 32
    /// Titles are looked up where they start within a query's first this many words: a subject is pasted first, and a
    /// whole pasted message (thousands of words) must not cost thousands of lookups per word.
    static let titleRunStarts = 64

    let store: Store
    public let builder: QueryBuilder

    /// Document frequencies for query planning.
    public let statistics: TermStatistics

    /// Function words of each language: weighed down in ranked ticket queries, dropped from article queries.
    let stopWords: [Language: Set<String>]

    public init(store: Store, builder: QueryBuilder) throws {
        self.store = store
        self.builder = builder
        try store.registerOnce("kb_rank", RankFunction.register(on:))
        try store.registerOnce("kb_snippet", SnippetFunction.register(on:))
        self.statistics = try TermStatistics(store: store)
        self.stopWords = Dictionary(uniqueKeysWithValues: Language.allCases.map { ($0, Set(StopWords.words(of: $0))) })
    }

    /// Runs `query` with `mode` and `filters`: articles and tickets, each ranked (or newest first, `order`), and
    /// merged (see `SearchResponse.lists`).
    public func search(_ query: String, mode: QueryMode = .any, filters: SearchFilters = SearchFilters(),
                       order: SearchOrder = .relevance) throws -> SearchResponse {
        // Analysed once: the ticket and article queries weigh or drop the same words.
        let analysed = builder.words(in: query)
        let words = queryWords(analysed, mode: mode, order: order)
        guard let expression = builder.expression(words: words, mode: mode) else {
            return SearchResponse(query: query, expression: nil, order: order)
        }
        var tickets: [SearchResult] = []
        if filters.type != .article {
            switch order {
            case .relevance:
                if var match = try ticketMatch(words: ticketWords(analysed, mode: mode), mode: mode) {
                    match.queryText = query
                    tickets = SearchResponse.ranked(tickets: try searchTickets(match: match, filters: filters), limit: filters.limit)
                }
            case .recent:
                // Every word the list is filtered by counts: none is dropped for being common, as ranking may.
                if let match = builder.match(words: words, mode: mode) {
                    tickets = try newestTickets(match: match, filters: filters)
                }
            }
        }
        let articles = filters.type == .ticket ? [] : try searchArticles(query: query, words: words, mode: mode, filters: filters, order: order)
        return SearchResponse(query: query, expression: expression, articles: articles, tickets: tickets, limit: filters.limit, order: order)
    }

    /// The ticket MATCH expression `search` runs for `query`, or nil when no word is left.
    public func ticketMatch(for query: String, mode: QueryMode = .any) throws -> MatchExpression? {
        var match = try ticketMatch(words: ticketWords(builder.words(in: query), mode: mode), mode: mode)
        match?.queryText = query
        return match
    }

    /// The ticket MATCH expression `search` lists newest first for `query` (`SearchOrder.recent`), or nil when no
    /// word is left.
    public func recentMatch(for query: String, mode: QueryMode = SearchOrder.recent.defaultMode) -> MatchExpression? {
        builder.match(words: queryWords(builder.words(in: query), mode: mode, order: .recent), mode: mode)
    }

    /// The query's words (`QueryBuilder.words(in:)`) for ranking tickets: in `any` mode its function words weigh
    /// `StopWords.queryWeight` of their idf (all count fully when nothing else is left).
    private func ticketWords(_ words: [QueryBuilder.Word], mode: QueryMode) -> [QueryBuilder.Word] {
        guard mode == .any, words.contains(where: { !isFunctionWord($0) }) else { return words }
        return words.map { word in
            var weighted = word
            if isFunctionWord(word) { weighted.weight = StopWords.queryWeight }
            return weighted
        }
    }

    /// The query's words (`QueryBuilder.words(in:)`); in `any` mode (and, by date, in `all` mode) without the
    /// language's function words (unless nothing else is left): a date-ordered list of every ticket holding "de" is
    /// no answer to "problema de sonido", and requiring "de" would leave out tickets that say "sin sonido".
    private func queryWords(_ words: [QueryBuilder.Word], mode: QueryMode, order: SearchOrder = .relevance) -> [QueryBuilder.Word] {
        guard mode == .any || (mode == .all && order == .recent) else { return words }
        let content = words.filter { !isFunctionWord($0) }
        return content.isEmpty ? words : content
    }

    /// Whether `word` is a function word of its query's language (the store's unless the query is written in another
    /// language tickets use, `QueryBuilder.queryLanguage(of:)`), by spelling: "sonido" stems to "son", a function word,
    /// yet is none; an English question in a Spanish workspace weighs "my" and "the" down as an English one would.
    func isFunctionWord(_ word: QueryBuilder.Word) -> Bool {
        stopWords[word.language ?? store.tokenizer.language]?.contains(word.original.lowercased()) == true
    }

    private func ticketMatch(words: [QueryBuilder.Word], mode: QueryMode) throws -> MatchExpression? {
        // Words in most tickets add nothing to BM25 but make ranking score most of the index: drop them.
        let planned = mode == .any ? try statistics.selective(words) : words
        return builder.match(words: planned, mode: mode)
    }

    /// Tickets matching a MATCH expression, best first: exactly the `filters.limit` tickets, scores and order that
    /// ranking every match gives (ties: highest rowid first), whatever the store's size.
    ///
    /// A query of OR'ed terms is ranked with MaxScore (Turtle and Flood, 1995) over kb's posting lists: each
    /// term has an upper bound on what it can add to a score (`RankFunction.upperBound`), so once the top
    /// `limit` of the tickets holding the strongest terms are known, the tickets holding only terms whose bounds
    /// add up to less than the `limit`-th score cannot enter and are never scored. Rare terms are strong, so a
    /// query like "problema de sonido" scores the tickets holding "sonido", not every ticket holding "problema".
    /// `exhaustive` scores every match instead (the reference the tests and kb-bench compare with). Without
    /// `snippets` the results' snippets are empty.
    public func searchTickets(match: MatchExpression, filters: SearchFilters, snippets: Bool = true,
                              exhaustive: Bool = false) throws -> [SearchResult] {
        try results(of: try rank(match, filters: filters, exhaustive: exhaustive), match: match, snippets: snippets)
    }

    /// The best `filters.limit` tickets matching `match` and the filters, as rowids and scores, in two phases: the best
    /// `rescoreWindow` (at least `filters.limit`) by BM25 alone (`firstPhase`, exact), then those by their full score,
    /// BM25 and proximity (`TicketRescorer`); equal scores, highest rowid first. The tickets whose whole title a typed
    /// query holds (`titledTickets`) are scored the second way whatever their rank in the first.
    func rank(_ match: MatchExpression, filters: SearchFilters, exhaustive: Bool) throws -> [(rowid: Int64, score: Double)] {
        guard filters.limit > 0 else { return [] }
        let terms = try rankedTerms(match)
        var window = filters
        window.limit = max(filters.limit, Self.rescoreWindow)
        let rescorer = try rescorer(for: match, terms: terms)
        var heldTerms: [Int64: UInt64] = [:]
        let candidates = try firstPhase(match, terms: terms, filters: window, exhaustive: exhaustive, rescorer: rescorer,
                                        heldTerms: &heldTerms)
        // What proximity can add for each term; no ticket gains more than their sum, and none gains anything when the
        // query has one term (proximity counts pairs of different terms). A title match adds at most its share of the
        // idfs of the terms the ticket holds (nothing when the query was not typed: no `queryText`). The window is
        // rescored best BM25 first, and once a ticket's BM25 and those gains fall short of the `limit`-th full score,
        // neither it nor any after it can enter.
        let termGains = terms.map { Self.proximityWeight * min(1, $0.idf) * (RankFunction.k1 + 1) * (1 + 1e-9) }
        let proximityBound = terms.count < 2 ? 0 : termGains.reduce(0, +)
        let titleBound = rescorer.titleMatchBound(held: nil)
        var best = TopScores(limit: filters.limit)
        let titleKeys = rescorer.titleKeys(languages: try store.ticketLanguages(), longest: Self.longestTitleRun,
                                           starts: Self.titleRunStarts)
        let titled = try titledTickets(match, keys: titleKeys.keys, rescorer: rescorer, filters: filters)
        for (rowid, score) in titled { _ = best.keep(rowid: rowid, score: score) }
        for candidate in candidates {
            if candidate.score + proximityBound + titleBound < best.threshold { break }
            if titled[candidate.rowid] != nil { continue }
            // A ticket the first phase says holds fewer terms gains at most their share (nothing from proximity with one).
            var proximityGain = proximityBound
            var titleGain = titleBound
            if let held = heldTerms[candidate.rowid] {
                proximityGain = held.nonzeroBitCount < 2 ? 0 : termGains.indices.reduce(0.0) { held & (1 << UInt64($1)) != 0 ? $0 + termGains[$1] : $0 }
                titleGain = rescorer.titleMatchBound(held: held)
            }
            // A title the query does not hold gains nothing, and its key says so without reading the ticket's text.
            if titleGain > 0, titleKeys.complete, let key = try store.titleKey(rowid: candidate.rowid), !titleKeys.keys.contains(key) {
                titleGain = 0
            }
            if candidate.score + proximityGain + titleGain < best.threshold { continue }
            guard proximityGain + titleGain > 0 else {
                _ = best.keep(rowid: candidate.rowid, score: candidate.score)
                continue
            }
            let score = try indexedColumns(of: candidate.rowid) { rescorer.score(columns: $0, language: $1) }
            _ = best.keep(rowid: candidate.rowid, score: score ?? candidate.score)
        }
        return best.sorted()
    }

    /// The tickets whose whole title the query as typed holds (those `TicketRescorer.score` gives a title match), with
    /// their full scores, found by their titles' keys (`TitleKey`) whatever their BM25 rank: a ticket looked up by its
    /// subject must not depend on its other words outranking a million others' in the first phase. Only titles carried
    /// by at most `titledTicketLimit` tickets, of at most `longestTitleRun` terms, starting within the query's first
    /// `titleRunStarts` words; tickets that pass the filters and
    /// match the query as FTS5 would.
    private func titledTickets(_ match: MatchExpression, keys: Set<Int64>, rescorer: TicketRescorer,
                               filters: SearchFilters) throws -> [Int64: Double] {
        guard !keys.isEmpty else { return [:] }
        let (conditions, values) = filterConditions(filters)
        let check = try TicketFilterCheck(conditions: conditions, values: values, connection: store.connection)
        var scores: [Int64: Double] = [:]
        for key in keys.sorted() {
            guard let rowids = try store.tickets(titleKey: key, limit: Self.titledTicketLimit) else { continue }
            for rowid in rowids {
                if let check, try !check.accepts(rowid) { continue }
                let score = try indexedColumns(of: rowid) { rescorer.titledScore(columns: $0, language: $1, requireAll: !match.matchesAnyTerm) }
                if let score = score ?? nil { scores[rowid] = score }
            }
        }
        return scores
    }

    /// `body` with the index columns of the ticket at `rowid` and the language they were analysed in (nil: the
    /// workspace's), from one read of its stored document; nil when no ticket has that rowid.
    private func indexedColumns<T>(of rowid: Int64, _ body: ([[UInt8]], Language?) throws -> T) throws -> T? {
        try store.connection.cached("SELECT packed, language FROM tickets WHERE rowid = ?").first([rowid]) { row in
            let columns = try row.withBlob(0) { try Store.indexedText(packed: $0, columns: true) }.columns
            return try body(columns, indexLanguage(row.optionalText(1)))
        }
    }

    /// The results for ticket rows `hits`, in their order: titles and snippets only for the rows shown, from one
    /// read of each stored document. The matches' positions come from analysing its text as the index did
    /// (`PhraseLocator`), not from a MATCH query per row.
    func results(of hits: some Sequence<(rowid: Int64, score: Double)>, match: MatchExpression, snippets: Bool) throws -> [SearchResult] {
        let details = try store.connection.cached("SELECT id, status, service, severity, language, packed, created_at FROM tickets WHERE rowid = ?")
        let locator = snippets ? PhraseLocator(match: match, tokenizer: store.tokenizer) : nil
        let display = store.tokenizer.source(for: nil)
        return try hits.compactMap { hit in
            try details.first([hit.rowid]) { row in
                let (title, columns) = try row.withBlob(5) { try Store.indexedText(packed: $0, columns: snippets) }
                var snippet = ""
                if let locator {
                    let hits = locator.hits(in: columns, source: store.tokenizer.source(for: indexLanguage(row.optionalText(4))))
                    snippet = SnippetFunction.snippet(hits: hits, columns: columns, tokens: Self.snippetTokens, source: display)
                }
                var result = SearchResult(type: .ticket, id: row.text(0), title: title, score: hit.score, status: row.text(1),
                                          service: row.optionalText(2), severity: row.int(3), snippet: snippet)
                result.createdAt = Timestamp(seconds: row.int64(6))
                return result
            }
        }
    }

    /// How many tokens a ticket snippet shows.
    static let snippetTokens: Int32 = 24

    /// The language a ticket's text was indexed in: its stored `language`, else (tickets indexed before kb stored it)
    /// the workspace's.
    private func indexLanguage(_ stored: String?) -> Language? {
        stored.flatMap(Language.init(rawValue:))
    }

    /// One query term of a MATCH expression: its idf and upper bound.
    struct RankedTerm {
        let idf: Double
        let bound: Double
    }

    /// The query terms of `match` in term order, each phrase group counted as one term with one idf.
    func rankedTerms(_ match: MatchExpression) throws -> [RankedTerm] {
        let count = (match.phrases.map(\.term).max() ?? -1) + 1
        return try (0..<count).map { term in
            let phrases = match.phrases.filter { $0.term == term }
            let idf: Double
            let single = phrases.count == 1 && !phrases[0].isPrefix ? builder.terms(in: phrases[0].text) : []
            if single.count == 1 {
                idf = try statistics.idf(QueryBuilder.Word(original: phrases[0].text, term: single[0]))
            } else {
                idf = try statistics.idf(ofGroup: phrases)
            }
            let weighted = idf * (phrases.first?.weight ?? 1)
            return RankedTerm(idf: weighted, bound: RankFunction.upperBound(idf: weighted, proximityWeight: 0))
        }
    }

    /// The best `filters.limit` tickets matching `match` and the filters by BM25 alone, as rowids and scores: exactly
    /// those ranking every match gives (ties: highest rowid first), whatever the store's size. `exhaustive` scores every
    /// match, pruning nothing: the reference the tests and kb-bench compare pruned ranking with.
    func firstPhase(_ match: MatchExpression, terms: [RankedTerm], filters: SearchFilters, exhaustive: Bool) throws
        -> [(rowid: Int64, score: Double)] {
        var heldTerms: [Int64: UInt64] = [:]
        return try firstPhase(match, terms: terms, filters: filters, exhaustive: exhaustive,
                              rescorer: try rescorer(for: match, terms: terms), heldTerms: &heldTerms)
    }

    /// `firstPhase`, and for the tickets the posting lists ranked, the terms each holds (`TicketPostingsRanker.top`).
    /// `rescorer` counts the tickets the posting lists only estimate.
    private func firstPhase(_ match: MatchExpression, terms: [RankedTerm], filters: SearchFilters, exhaustive: Bool,
                            rescorer: TicketRescorer, heldTerms: inout [Int64: UInt64]) throws -> [(rowid: Int64, score: Double)] {
        try postingsFirstPhase(match, terms: terms, filters: filters, rescorer: rescorer, prunes: !exhaustive,
                               heldTerms: &heldTerms) ?? []
    }

    /// The first phase over kb's own posting lists (`TicketPostingsRanker`), every shape of query kb builds included
    /// (prefixes of several words or of many index terms too); nil only for an expression naming no term (nothing
    /// matches it).
    /// Filters are checked per ticket that would enter the best (`TicketFilterCheck`), a period also bounds the rowids
    /// walked.
    func postingsFirstPhase(_ match: MatchExpression, terms: [RankedTerm], filters: SearchFilters) throws
        -> [(rowid: Int64, score: Double)]? {
        var heldTerms: [Int64: UInt64] = [:]
        return try postingsFirstPhase(match, terms: terms, filters: filters, rescorer: try rescorer(for: match, terms: terms),
                                      prunes: true, heldTerms: &heldTerms)
    }

    private func postingsFirstPhase(_ match: MatchExpression, terms: [RankedTerm], filters: SearchFilters, rescorer: TicketRescorer,
                                    prunes: Bool, heldTerms: inout [Int64: UInt64]) throws -> [(rowid: Int64, score: Double)]? {
        guard filters.limit > 0 else { return nil }
        let bounds = try rowidBounds(filters)
        if let bounds, bounds.lowest > bounds.highest { return [] }
        let rowids = bounds.map { $0.lowest...$0.highest }
        guard let lists = try TicketPostingsRanker.termLists(match: match, terms: terms, store: store, rowids: rowids,
                                                             documentFrequency: { try self.statistics.documentFrequency($0) })
        else { return nil }
        var ranker = TicketPostingsRanker(lists: lists, averageLength: rescorer.averageLength, requireAll: !match.matchesAnyTerm) { rowid in
            try self.indexedColumns(of: rowid) { rescorer.frequencies(columns: $0, language: $1) }
        }
        ranker.rowids = rowids
        ranker.prunes = prunes
        let (conditions, values) = filterConditions(filters)
        if let check = try TicketFilterCheck(conditions: conditions, values: values, connection: store.connection) {
            ranker.accepts = check.accepts
        }
        return try ranker.top(filters.limit, heldTerms: &heldTerms)
    }

    /// The second phase's scorer for `match` (and the first phase's exact counts where the posting lists estimate them).
    private func rescorer(for match: MatchExpression, terms: [RankedTerm]) throws -> TicketRescorer {
        let totals = try store.ticketIndexTotals()
        return TicketRescorer(match: match, idf: terms.map(\.idf), tokenizer: store.tokenizer, columnWeights: Self.ticketColumnWeights,
                              averageLength: RankFunction.averageLength(rows: totals.rows, tokens: totals.tokens),
                              proximityWeight: Self.proximityWeight, titleMatchWeight: Self.titleMatchWeight)
    }

    /// The lowest and highest rowid of the tickets created in the filters' period (read from the `created_at`
    /// index), or nil when the filters set no period. Exact whatever the order tickets were imported in.
    func rowidBounds(_ filters: SearchFilters) throws -> (lowest: Int64, highest: Int64)? {
        guard filters.since != nil || filters.until != nil else { return nil }
        let row = try store.connection.cached(
            "SELECT coalesce(min(rowid), 0), coalesce(max(rowid), -1) FROM tickets WHERE created_at >= ? AND created_at < ?"
        ).first([filters.since?.seconds ?? Int64.min, filters.until?.seconds ?? Int64.max]) { ($0.int64(0), $0.int64(1)) }
        return row.map { (lowest: $0.0, highest: $0.1) }
    }

    /// SQL conditions on `tickets t` for the filters, with their values.
    func filterConditions(_ filters: SearchFilters) -> (conditions: [String], values: [any SQLBindable]) {
        var conditions: [String] = []
        var values: [any SQLBindable] = []
        if !filters.services.isEmpty {
            conditions.append("t.service IN (" + placeholders(filters.services.count) + ")")
            values += filters.services as [any SQLBindable]
        }
        if !filters.severities.isEmpty {
            conditions.append("t.severity IN (" + placeholders(filters.severities.count) + ")")
            values += filters.severities as [any SQLBindable]
        }
        if let customer = filters.customer {
            conditions.append("t.customer = ?")
            values.append(customer)
        }
        if !filters.statuses.isEmpty {
            conditions.append("t.status IN (" + placeholders(filters.statuses.count) + ")")
            values += filters.statuses as [any SQLBindable]
        }
        if let since = filters.since {
            conditions.append("t.created_at >= ?")
            values.append(since.seconds)
        }
        if let until = filters.until {
            conditions.append("t.created_at < ?")
            values.append(until.seconds)
        }
        return (conditions, values)
    }

    func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
