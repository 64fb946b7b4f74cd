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

    /// A rescorer for `match`'s phrases, each term with `idf[term]`, on an index whose rows average `averageLength`
    /// tokens.
    init(match: MatchExpression, idf: [Double], tokenizer: TokenizerContext, columnWeights: [Double],
         averageLength: Double, proximityWeight: Double) {
        locator = PhraseLocator(match: match, tokenizer: tokenizer)
        phraseTerms = match.phrases.map(\.term)
        termIDF = idf
        self.columnWeights = columnWeights
        self.averageLength = averageLength
        self.proximityWeight = proximityWeight
    }

    /// The score of the ticket whose index columns are `columns`, analysed by `source` (its language's).
    func score(columns: [[UInt8]], source: TermSource) -> Double {
        accumulated(columns: columns, source: source) { frequencies, proximity, tokens in
            termIDF.withUnsafeBufferPointer { idf in
                RankFunction.total(lengthNorm: RankFunction.lengthNorm(tokens: Double(tokens), averageLength: averageLength),
                                   termCount: idf.count, termIDF: idf.baseAddress!, proximityWeight: proximityWeight,
                                   frequencies: frequencies, proximity: proximity)
            }
        } ?? 0
    }

    /// Each term's weighted count in the ticket whose index columns are `columns` (what `kb_rank` adds up for it) and the
    /// ticket's length: the exact counts where kb's posting lists only bound them (`TicketPostingsRanker`).
    func frequencies(columns: [[UInt8]], source: TermSource) -> (frequencies: [Double], tokens: Int) {
        accumulated(columns: columns, source: source) { frequencies, _, tokens in
            (Array(UnsafeBufferPointer(start: frequencies, count: termIDF.count)), tokens)
        } ?? (Array(repeating: 0, count: termIDF.count), 0)
    }

    /// Calls `body` with the ticket's accumulators as `kb_rank` fills them (frequencies, proximity) and its length; nil
    /// when there is no term to count.
    private func accumulated<T>(columns: [[UInt8]], source: TermSource,
                                _ body: (UnsafePointer<Double>, UnsafePointer<Double>, Int) -> T) -> T? {
        let termCount = termIDF.count
        guard termCount > 0, !columnWeights.isEmpty else { return nil }
        let (hits, tokens) = locator.analyse(columns, source: source)
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
        return body(frequencies, proximity, tokens)
    }
}
