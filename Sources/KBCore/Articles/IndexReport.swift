/// What `kb index` did: paths added, changed, removed, unchanged, and the articles it could not read.
public struct IndexReport: Sendable, Equatable {
    public var added: [String] = []
    public var changed: [String] = []
    public var removed: [String] = []
    public var unchanged: [String] = []
    public var invalid: [ArticleError] = []

    public init() {}

    /// The `--json` form.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("added", added)
        writer.member("changed", changed)
        writer.member("removed", removed)
        writer.member("unchanged", unchanged.count)
        writer.key("invalid")
        writer.beginArray()
        for error in invalid {
            writer.beginObject()
            writer.member("file", error.path)
            writer.member("line", error.line)
            writer.member("reason", error.reason)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
        return writer.text
    }
}
