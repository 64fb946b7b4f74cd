/// Ranking's second phase: the full `kb_rank` score of a ticket (BM25 and the term-proximity score), computed from its
/// stored text instead of through FTS5.
///
/// Tickets are ranked in two phases, as search engines rescore a first-phase window (Elasticsearch's `rescore`,
/// Vespa's second-phase ranking): first the best `SearchEngine.rescoreWindow` tickets by BM25 alone — exact, with
/// pruning — then those tickets scored again with proximity, best first. BM25 alone prunes far better (its upper
/// bounds carry no proximity part) and needs no word positions; proximity only reorders tickets that already match
/// the query's words well. The text is analysed as the index analysed it (`PhraseLocator`), so the matches are FTS5's
/// and the score is the one `kb_rank` with proximity gives the row, to the last bit: the tests compare the two.
struct TicketRescorer {
    private let locator: PhraseLocator
    /// Per phrase of the match: the term it counts for.
    private let phraseTerms: [Int]
    /// Per term: its idf (weighted as the first phase weighs it).
    private let termIDF: [Double]
    private let columnWeights: [Double]
    let averageLength: Double
    private let proximityWeight: Double
    private let titleMatchWeight: Double
    private let tokenizer: TokenizerContext
    /// The terms of the query as typed (`MatchExpression.queryText`) as each language analyses it, the workspace's
    /// under nil, which a title must hold in order for `titleMatch`: analysed once, not once per ticket; nil when the
    /// match was not typed.
    private let queryTerms: [Language?: [String]]?

    /// A rescorer for `match`'s phrases, each term with `idf[term]`, on an index whose rows average `averageLength`
    /// tokens.
    init(match: MatchExpression, idf: [Double], tokenizer: TokenizerContext, columnWeights: [Double],
         averageLength: Double, proximityWeight: Double, titleMatchWeight: Double = 0) {
        locator = PhraseLocator(match: match, tokenizer: tokenizer)
        phraseTerms = match.phrases.map(\.term)
        termIDF = idf
        self.columnWeights = columnWeights
        self.averageLength = averageLength
        self.proximityWeight = proximityWeight
        self.titleMatchWeight = titleMatchWeight
        self.tokenizer = tokenizer
        queryTerms = match.queryText.map { query in
            Dictionary(uniqueKeysWithValues: ([nil] + Language.allCases.map(Optional.some)).map { language in
                (language, QueryBuilder.terms(in: query, source: tokenizer.source(for: language)))
            })
        }
    }

    /// The score of the ticket whose index columns are `columns`, analysed in `language` (the ticket's; nil: the
    /// workspace's).
    ///
    /// With a `titleMatchWeight`, a ticket whose whole title the query holds, word for word and in order, gains that
    /// weight times the idfs of the title's words (`titleMatch`): on top of `kb_rank`'s score.
    func score(columns: [[UInt8]], language: Language?) -> Double {
        accumulated(columns: columns, language: language, withTitleMatch: true, total) ?? 0
    }

    /// The keys of the titles the query as typed holds whole (`TitleKey.runs`), analysed in each of `languages`, each
    /// run at most `longest` terms and starting within the first `starts`; none when the match was not typed or titles
    /// gain nothing. `complete` when those are all the query's runs in every language (a query no longer than `longest`
    /// and `starts` terms): then a ticket of one of `languages` whose title key is not among them gains no title match.
    func titleKeys(languages: [Language], longest: Int, starts: Int) -> (keys: Set<Int64>, complete: Bool) {
        guard titleMatchWeight > 0, let queryTerms else { return ([], true) }
        var keys = Set<Int64>()
        var complete = true
        for language in languages {
            let terms = queryTerms[language] ?? []
            keys.formUnion(TitleKey.runs(of: terms, language: language, longest: longest, starts: starts))
            complete = complete && TitleKey.runsCoverEveryRun(termCount: terms.count, longest: longest, starts: starts)
        }
        return (keys, complete)
    }

    /// `score` for a ticket the query names by its whole title: nil unless the ticket matches the query (any of its
    /// terms, or with `requireAll` every one, as FTS5 matches the expression) and the query holds its whole title.
    func titledScore(columns: [[UInt8]], language: Language?, requireAll: Bool) -> Double? {
        accumulated(columns: columns, language: language, withTitleMatch: true) { frequencies, proximity, tokens, titleMatch -> Double? in
            let counted = UnsafeBufferPointer(start: frequencies, count: termIDF.count)
            guard titleMatch > 0, requireAll ? counted.allSatisfy({ $0 > 0 }) : counted.contains(where: { $0 > 0 }) else { return nil }
            return total(frequencies, proximity, tokens, titleMatch)
        } ?? nil
    }

    /// `kb_rank`'s score from a ticket's accumulators and length, plus its title match's share.
    private func total(_ frequencies: UnsafePointer<Double>, _ proximity: UnsafePointer<Double>, _ tokens: Int, _ titleMatch: Double) -> Double {
        termIDF.withUnsafeBufferPointer { idf in
            RankFunction.total(lengthNorm: RankFunction.lengthNorm(tokens: Double(tokens), averageLength: averageLength),
                               termCount: idf.count, termIDF: idf.baseAddress!, proximityWeight: proximityWeight,
                               frequencies: frequencies, proximity: proximity) + titleMatchWeight * titleMatch
        }
    }

    /// The most `score`'s title match can add for a ticket holding the terms `held` (a bit per term; nil: any).
    func titleMatchBound(held: UInt64?) -> Double {
        guard titleMatchWeight > 0, queryTerms != nil else { return 0 }
        var total = 0.0
        for term in termIDF.indices where held.map({ $0 & (1 << UInt64(term)) != 0 }) ?? true { total += termIDF[term] }
        return titleMatchWeight * total * (1 + 1e-9)
    }

    /// Whether the query as typed holds the whole of `title`, word for word and in order, as `language` analyses both:
    /// the condition of `score`'s title match. It is articles' "title contains the query" with the parts swapped.
    private func queryHolds(title: [UInt8], language: Language?) -> Bool {
        guard let query = queryTerms?[language] else { return false }
        let titleTerms = title.withUnsafeBufferPointer { QueryBuilder.terms(in: $0, source: tokenizer.source(for: language)) }
        return SearchEngine.TitleMatch(title: query, query: titleTerms) >= .contained
    }

    /// Each term's weighted count in the ticket whose index columns are `columns` (what `kb_rank` adds up for it) and the
    /// ticket's length: the exact counts where kb's posting lists only bound them (`TicketPostingsRanker`).
    func frequencies(columns: [[UInt8]], language: Language?) -> (frequencies: [Double], tokens: Int) {
        accumulated(columns: columns, language: language) { frequencies, _, tokens, _ in
            (Array(UnsafeBufferPointer(start: frequencies, count: termIDF.count)), tokens)
        } ?? (Array(repeating: 0, count: termIDF.count), 0)
    }

    /// Calls `body` with the ticket's accumulators as `kb_rank` fills them (frequencies, proximity), its length and, when
    /// asked, its title match (`titleMatch`, else 0); nil when there is no term to count.
    private func accumulated<T>(columns: [[UInt8]], language: Language?, withTitleMatch: Bool = false,
                                _ body: (UnsafePointer<Double>, UnsafePointer<Double>, Int, Double) -> T) -> T? {
        let termCount = termIDF.count
        guard termCount > 0, !columnWeights.isEmpty else { return nil }
        let (hits, tokens, titleTokens) = locator.analyse(columns, source: tokenizer.source(for: language))
        let accumulators = UnsafeMutablePointer<Double>.allocate(capacity: 2 * termCount)
        defer { accumulators.deallocate() }
        accumulators.initialize(repeating: 0, count: 2 * termCount)
        let frequencies = accumulators
        let proximity = accumulators + termCount
        termIDF.withUnsafeBufferPointer { idf in
            columnWeights.withUnsafeBufferPointer { weights in
                var neighbour = RankFunction.Neighbour()
                // `analyse` lists the matches by column, offset, then phrase: `xInst`'s order, which `kb_rank` reads.
                for hit in hits {
                    let term = phraseTerms[Int(hit.phrase)]
                    guard term >= 0 else { continue }
                    RankFunction.accumulate(term: term, column: hit.column, offset: hit.offset, weights: weights.baseAddress!,
                                            columnCount: weights.count, termIDF: idf.baseAddress!, proximityWeight: proximityWeight,
                                            frequencies: frequencies, proximity: proximity, neighbour: &neighbour)
                }
            }
        }
        // Only the full score needs it (not the first phase's exact counts).
        let titleGain = withTitleMatch && titleMatchWeight > 0 && titleTokens > 0 ? titleMatch(hits, title: columns[0], language: language) : 0
        return body(frequencies, proximity, tokens, titleGain)
    }

    /// The idfs of the query terms the title holds, added up, when the query as typed holds the whole title word for
    /// word and in order (analysed alike, function words and the words too common to rank included); else 0. An agent
    /// who pastes a ticket's subject, alone or with more of its text, is looking for that ticket: BM25 sees only the
    /// words, and at a million tickets other tickets hold the same words more often (a time such as "20:19" is two
    /// common numbers).
    private func titleMatch(_ hits: [SnippetFunction.Hit], title: [UInt8], language: Language?) -> Double {
        guard queryHolds(title: title, language: language) else { return 0 }
        var inTitle = [Bool](repeating: false, count: termIDF.count)
        for hit in hits where hit.column == 0 {
            let term = phraseTerms[Int(hit.phrase)]
            if term >= 0 { inTitle[term] = true }
        }
        // Added in term order, never in a set's (per-process) order: the same ticket must get the same score, to the last
        // bit, in every search that ranks it, or equal scores stop comparing equal (pruned ranking against every match).
        var total = 0.0
        for term in inTitle.indices where inTitle[term] { total += termIDF[term] }
        return total
    }
}
