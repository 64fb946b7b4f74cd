/// Why a query cannot be searched for.
public enum SearchQueryError: Error, Equatable, Sendable, CustomStringConvertible, UsageProblem {
    /// The query holds no word to look for: only punctuation and symbols, or only function words ("a", "de la",
    /// "the"), which every document has. Searching would list documents at random with a score of 0.
    case nothingSearchable(query: String)

    public var description: String {
        switch self {
        case .nothingSearchable(let query):
            let shown = query.count > 80 ? String(query.prefix(80)) + "…" : query
            return "nothing searchable in '\(shown)': only punctuation, symbols or function words (a, de, la, the…); "
                + "type the words that say what you are looking for"
        }
    }
}
