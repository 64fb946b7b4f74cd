extension SearchResponse: JSONEncodable {
    /// `{"query":…,"lists":"merged","results":[{"type","id","title","score","status","service","severity","snippet"}…]}`:
    /// articles whose title is or contains the query, then articles and tickets by score (`SearchResponse.results`);
    /// matched words are marked `**word**` in the snippets.
    public func write(to writer: inout JSONWriter) {
        writer.object(("query", query), ("lists", SearchResponse.lists), ("results", results))
    }
}

extension SearchResult: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("type", type.rawValue), ("id", id), ("title", title), ("score", JSONNumber(score, decimals: 4)),
                      ("status", status), ("service", service), severity.map { ("severity", $0) },
                      ("snippet", markedSnippet(start: "**", end: "**")))
    }

    /// The snippet with each matched word between `start` and `end`.
    public func markedSnippet(start: String, end: String) -> String {
        snippet.replacingOccurrences(of: SearchEngine.highlightStart, with: start)
            .replacingOccurrences(of: SearchEngine.highlightEnd, with: end)
    }
}
