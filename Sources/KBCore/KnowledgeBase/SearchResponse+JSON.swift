extension SearchResponse: JSONEncodable {
    /// `{"query":…,"results":[{"type","id","title","score","status","service","severity","snippet"}…]}`; matched
    /// words are marked `**word**` in the snippets.
    public func write(to writer: inout JSONWriter) {
        writer.object(("query", query), ("results", results))
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
