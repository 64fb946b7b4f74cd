/// Decides whether an indexed article already answers a ticket, from the ticket's title.
///
/// An article search with the ticket's title (kb's usual OR query, synonyms included) proposes
/// candidates; each candidate is scored by how much of the title's weight it carries. A title word
/// weighs its idf in the ticket index — what BM25 gives it — and counts for an article when the
/// article's title, problem, environment or tags hold it (or a synonym of it), analysed in the
/// article's language. The reference is the ticket's own best ticket match, which is the ticket
/// itself: every one of its title words matches, so its score is the sum of all their weights. An
/// article covers the ticket when its score is at least `threshold` (0.6 by default) of that
/// reference: it states most of the problem as the customer did, weighted towards the words that tell
/// tickets apart ("certificado", "ERR-401") over those most tickets share ("no", "portal").
///
/// FTS5's own BM25 scores are not compared: their idf comes from each table's size, so an article
/// index of a dozen files scores every term near zero while the ticket index does not.
/// Archived articles never cover a ticket.
final class ArticleCoverage {
    /// The default share of the reference score an article must reach.
    static let defaultThreshold = 0.6
    /// Candidates examined per ticket.
    static let candidates = 5

    let engine: SearchEngine
    let threshold: Double
    private var articles: [String: IndexedTerms] = [:]
    private var analyzers: [Language: Analyzer] = [:]
    private var cache: [String: Match?] = [:]

    /// An article's analysed text.
    private struct IndexedTerms {
        var language: Language
        var terms: Set<String>
    }

    /// The best covering candidate of a title.
    struct Match: Equatable {
        var articleID: String
        /// Share of the reference score, 0…1.
        var ratio: Double
    }

    init(engine: SearchEngine, threshold: Double = ArticleCoverage.defaultThreshold) throws {
        self.engine = engine
        self.threshold = threshold
        for article in try engine.store.activeArticleTexts() {
            let language = Language(rawValue: article.language) ?? .spanish
            let analyzer = self.analyzer(for: language)
            var terms = Set<String>()
            for text in [article.title, article.problem, article.tagsText] { terms.formUnion(analyzer.terms(text)) }
            // Two files with one id (a lint error) pool their text.
            articles[article.id, default: IndexedTerms(language: language, terms: [])].terms.formUnion(terms)
        }
    }

    /// True when some article is indexed that could cover a ticket.
    var isEmpty: Bool { articles.isEmpty }

    /// The candidate carrying the largest share of `title`'s weight, when it reaches the threshold.
    func coveringArticle(title: String) throws -> Match? {
        guard let best = try bestMatch(title: title), best.ratio >= threshold else { return nil }
        return best
    }

    /// The candidate carrying the largest share of `title`'s weight (ties: smaller id), if any matches.
    func bestMatch(title: String) throws -> Match? {
        if let known = cache[title] { return known }
        let match = try computeMatch(title: title)
        cache[title] = match
        return match
    }

    private func computeMatch(title: String) throws -> Match? {
        guard !articles.isEmpty else { return nil }
        let words = engine.builder.words(in: title)
        guard let expression = engine.builder.expression(words: words, mode: .any) else { return nil }
        var weights: [Double] = []
        for word in words { weights.append(try engine.statistics.idf(word)) }
        let reference = weights.reduce(0, +)
        guard reference > 0 else { return nil }
        var filters = SearchFilters()
        filters.type = .article
        filters.limit = ArticleCoverage.candidates
        var best: Match?
        var seen = Set<String>()
        for candidate in try engine.searchArticles(expression: expression, filters: filters) where seen.insert(candidate.id).inserted {
            guard let article = articles[candidate.id] else { continue }
            let analyzer = analyzer(for: article.language)
            var score = 0.0
            for (word, weight) in zip(words, weights) where contains(article.terms, word: word, analyzer: analyzer) {
                score += weight
            }
            let match = Match(articleID: candidate.id, ratio: score / reference)
            if let current = best, current.ratio > match.ratio || (current.ratio == match.ratio && current.articleID < match.articleID) {
                continue
            }
            best = match
        }
        return best
    }

    /// True when the article's terms hold the word, or every term of one of its synonyms.
    private func contains(_ terms: Set<String>, word: QueryBuilder.Word, analyzer: Analyzer) -> Bool {
        let own = analyzer.terms(word.original)
        if !own.isEmpty, own.allSatisfy(terms.contains) { return true }
        for alternative in engine.builder.synonyms(word.term) {
            let phrase = analyzer.terms(alternative)
            if !phrase.isEmpty, phrase.allSatisfy(terms.contains) { return true }
        }
        return false
    }

    private func analyzer(for language: Language) -> Analyzer {
        if let known = analyzers[language] { return known }
        let analyzer = Analyzer(language: language)
        analyzers[language] = analyzer
        return analyzer
    }
}
