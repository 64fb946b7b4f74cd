/// Where the phrases of a MATCH expression occur in a ticket's indexed text, as FTS5's `xInst` lists them: phrase,
/// column and token offset, by column, then offset, then phrase.
///
/// Search shows a snippet for each ticket it lists, and a snippet needs the matches' positions. Asking FTS5 costs one
/// MATCH query per row (the expression parsed again, every phrase's doclist walked to the row: ≈ 60 µs a row on
/// 10,000 tickets, more on larger stores), where analysing the row's five columns costs a few microseconds whatever
/// the store's size, as Lucene's and tantivy's highlighters do. The text is analysed as the index analysed it (in
/// the ticket's language), and each phrase as FTS5 analyses a query's phrases (`QueryLanguageMark` included), so the
/// positions are the index's; the tests compare them with those of an FTS5 index of the same text (`FullTextOracle`).
struct PhraseLocator {
    /// One phrase of the expression: its terms, the last one a prefix when `isPrefix` (`"text" *`).
    struct Phrase {
        let terms: [[UInt8]]
        let isPrefix: Bool
    }

    let phrases: [Phrase]

    /// The phrases of `match`, analysed by `tokenizer` as FTS5 has it analyse a query's phrases.
    init(match: MatchExpression, tokenizer: TokenizerContext) {
        phrases = match.phrases.map { Phrase(terms: Self.queryTerms($0.text, tokenizer: tokenizer), isPrefix: $0.isPrefix) }
    }

    /// The terms of one phrase as kb's tokenizer gives them for a query: in the language the phrase is marked with,
    /// else the tokenizer's current one.
    static func queryTerms(_ text: String, tokenizer: TokenizerContext) -> [[UInt8]] {
        var text = text
        return text.withUTF8 { bytes in
            var unmarked = bytes
            var language: Language?
            if let mark = QueryLanguageMark.split(bytes) {
                language = mark.language
                unmarked = UnsafeBufferPointer(rebasing: bytes[mark.offset...])
            }
            var terms: [[UInt8]] = []
            tokenizer.source(for: language)(unmarked) { term, _, _ in
                terms.append(Array(term))
                return true
            }
            return terms
        }
    }

    /// The matches of the phrases in `columns` (the texts of the index's columns, in order) analysed by `source`.
    func hits(in columns: [[UInt8]], source: TermSource) -> [SnippetFunction.Hit] {
        analyse(columns, source: source).hits
    }

    /// The matches of the phrases in `columns` analysed by `source`, how many tokens the columns hold together (the
    /// row's length as FTS5 counts it, `xColumnSize(-1)`) and how many the first (the title) holds.
    func analyse(_ columns: [[UInt8]], source: TermSource) -> (hits: [SnippetFunction.Hit], tokens: Int, firstColumnTokens: Int) {
        var firstColumnTokens = 0
        var hits: [SnippetFunction.Hit] = []
        var tokens = 0
        // The column's terms one after another, and where each ends: no array per token.
        var termBytes: [UInt8] = []
        var ends: [Int] = []
        for (column, text) in columns.enumerated() {
            termBytes.removeAll(keepingCapacity: true)
            ends.removeAll(keepingCapacity: true)
            text.withUnsafeBufferPointer { utf8 in
                source(utf8) { term, _, _ in
                    termBytes.append(contentsOf: term)
                    ends.append(termBytes.count)
                    return true
                }
            }
            tokens += ends.count
            if column == 0 { firstColumnTokens = ends.count }
            termBytes.withUnsafeBufferPointer { terms in
                for offset in ends.indices {
                    for (index, phrase) in phrases.enumerated() where Self.matches(phrase, at: offset, terms: terms, ends: ends) {
                        hits.append(SnippetFunction.Hit(phrase: Int32(index), column: Int32(column), offset: Int32(offset),
                                                        size: Int32(phrase.terms.count)))
                    }
                }
            }
        }
        return (hits, tokens, firstColumnTokens)
    }

    /// Whether `phrase` starts at token `offset`: each of its terms equal to the next token's (the last one a prefix of
    /// it for a prefix phrase). A phrase without terms matches nothing.
    private static func matches(_ phrase: Phrase, at offset: Int, terms: UnsafeBufferPointer<UInt8>, ends: [Int]) -> Bool {
        guard !phrase.terms.isEmpty, offset + phrase.terms.count <= ends.count else { return false }
        for (index, expected) in phrase.terms.enumerated() {
            let token = offset + index
            let start = token == 0 ? 0 : ends[token - 1]
            let length = ends[token] - start
            let isPrefix = phrase.isPrefix && index == phrase.terms.count - 1
            guard isPrefix ? length >= expected.count : length == expected.count else { return false }
            for (position, byte) in expected.enumerated() where terms[start + position] != byte { return false }
        }
        return true
    }
}
