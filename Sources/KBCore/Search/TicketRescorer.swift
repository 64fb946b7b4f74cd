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
    private let averageLength: Double
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
        let termCount = termIDF.count
        guard termCount > 0, !columnWeights.isEmpty else { return 0 }
        let (hits, tokens) = locator.analyse(columns, source: source)
        let accumulators = UnsafeMutablePointer<Double>.allocate(capacity: max(1, 2 * termCount))
        defer { accumulators.deallocate() }
        accumulators.initialize(repeating: 0, count: max(1, 2 * termCount))
        let frequencies = accumulators
        let proximity = accumulators + termCount
        return termIDF.withUnsafeBufferPointer { idf in
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
                return RankFunction.total(lengthNorm: RankFunction.lengthNorm(tokens: Double(tokens), averageLength: averageLength),
                                          termCount: termCount, termIDF: idf.baseAddress!, proximityWeight: proximityWeight,
                                          frequencies: frequencies, proximity: proximity)
            }
        }
    }
}
