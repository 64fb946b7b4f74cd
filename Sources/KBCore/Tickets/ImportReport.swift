/// One record an import refused, with where it is and why.
public struct ImportRejection: Sendable, Equatable, CustomStringConvertible {
    public let file: String
    public let line: Int
    public let reason: String

    public init(file: String, line: Int, reason: String) {
        self.file = file
        self.line = line
        self.reason = reason
    }

    /// `FILE:LINE: error: reason`.
    public var description: String { "\(file):\(line): error: \(reason)" }
}

/// Counts of what an import did.
public struct ImportReport: Sendable, Equatable {
    public var read = 0
    public var inserted = 0
    public var updated = 0
    public var unchanged = 0
    public var rejected: [ImportRejection] = []
    /// True when `--strict` rolled everything back because of rejections.
    public var rolledBack = false

    public init() {}

    /// The `--json` form: `{"read":N,"inserted":N,"updated":N,"unchanged":N,"rejected":[…]}`.
    public var jsonText: String {
        var writer = JSONWriter()
        writer.beginObject()
        writer.member("read", read)
        writer.member("inserted", inserted)
        writer.member("updated", updated)
        writer.member("unchanged", unchanged)
        writer.key("rejected")
        writer.beginArray()
        for rejection in rejected {
            writer.beginObject()
            writer.member("file", rejection.file)
            writer.member("line", rejection.line)
            writer.member("reason", rejection.reason)
            writer.endObject()
        }
        writer.endArray()
        if rolledBack { writer.member("rolled_back", true) }
        writer.endObject()
        return writer.text
    }
}
