extension Store {
    /// Makes the phrases the ticket index lists those of `texts` that are made of several words, each analysed as a
    /// query's phrase is (`PhraseLocator.queryTerms`), so a query's phrase finds its list (`indexPhrases(analysed:)`).
    public func indexPhrases(_ texts: [String]) throws -> PhraseIndexing {
        try indexPhrases(analysed: texts.map { (spelling: $0, terms: PhraseLocator.queryTerms($0, tokenizer: tokenizer)) })
    }
}
