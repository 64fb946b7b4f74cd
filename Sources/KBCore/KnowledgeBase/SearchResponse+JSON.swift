extension SearchResponse: JSONEncodable {
    /// `{"query":…,"lists":"merged","sort":…,"results":[{"type","id","title","score","status","service","severity",
    /// "snippet","created_at"|"updated"}…]}`: articles whose title is or contains the query, then articles and tickets
    /// by score, or all newest first under `"sort":"recent"` (`SearchResponse.results`); matched words are marked
    /// `**word**` in the snippets.
    public func write(to writer: inout JSONWriter) {
        writer.object(("query", query), ("lists", SearchResponse.lists), ("sort", order.rawValue), ("results", results))
    }
}

extension SearchResult: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("type", type.rawValue), ("id", id), ("title", title), ("score", JSONNumber(score, decimals: 4)),
                      ("status", status), ("service", service), severity.map { ("severity", $0) },
                      ("snippet", markedSnippet(start: "**", end: "**")), createdAt.map { ("created_at", $0.utcString) },
                      updated.map { ("updated", $0) })
    }

    /// The snippet with each matched word between `start` and `end`.
    public func markedSnippet(start: String, end: String) -> String {
        // The marks are single ASCII bytes (STX, ETX): one pass over the UTF-8, no Foundation search (which was most of
        // the cost of writing a search answer's JSON).
        let open = SearchEngine.highlightStart.utf8.first!, close = SearchEngine.highlightEnd.utf8.first!
        let utf8 = snippet.utf8
        guard utf8.contains(where: { $0 == open || $0 == close }) else { return snippet }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(utf8.count + 8 * (start.utf8.count + end.utf8.count))
        for byte in utf8 {
            switch byte {
            case open: bytes.append(contentsOf: start.utf8)
            case close: bytes.append(contentsOf: end.utf8)
            default: bytes.append(byte)
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
