/// What `kb index` did: paths added, changed, removed, unchanged, and the articles it could not read.
public struct IndexReport: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var unchanged: [String] = []
    public var invalid: [ArticleError] = []
    /// The synonyms' phrases the ticket index lists, and what changed in them (`Store.indexPhrases`).
    public var phrases = PhraseIndexing()

    public init() {}
}

extension IndexReport: JSONEncodable {
    /// The `--json` form: paths added, changed and removed, the unchanged count, the unreadable articles, and the
    /// synonym phrases indexed.
    public func write(to writer: inout JSONWriter) {
        let unreadable = invalid.map { JSONObject(("file", $0.path), ("line", $0.line), ("reason", $0.reason)) }
        let phrases = JSONObject(("indexed", self.phrases.indexed), ("added", self.phrases.added), ("removed", self.phrases.removed),
                                 ("tickets_read", self.phrases.ticketsRead))
        writer.object(("added", added), ("changed", changed), ("removed", removed), ("unchanged", unchanged.count),
                      ("invalid", unreadable), ("phrases", phrases))
    }
}
