/// What `kb index` did: paths added, changed, removed, unchanged, and the articles it could not read.
public struct IndexReport: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var unchanged: [String] = []
    public var invalid: [ArticleError] = []

    public init() {}
}

extension IndexReport: JSONEncodable {
    /// The `--json` form: paths added, changed and removed, the unchanged count and the unreadable articles.
    public func write(to writer: inout JSONWriter) {
        let unreadable = invalid.map { JSONObject(("file", $0.path), ("line", $0.line), ("reason", $0.reason)) }
        writer.object(("added", added), ("changed", changed), ("removed", removed), ("unchanged", unchanged.count),
                      ("invalid", unreadable))
    }
}
