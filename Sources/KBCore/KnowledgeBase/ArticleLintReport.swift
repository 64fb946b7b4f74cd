/// What `KnowledgeBase.lintArticles(at:)` found, sorted by file and line.
public struct ArticleLintReport: Sendable, JSONEncodable {
    /// How many article files were linted.
    public let fileCount: Int
    public let diagnostics: [LintDiagnostic]
    /// True when the workspace has no database yet: linked tickets were not checked and only generic personal
    /// data was looked for.
    public let withoutDatabase: Bool

    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    public var warningCount: Int { diagnostics.count - errorCount }

    /// `{"diagnostics":[{"path","line","severity","message"}…],"errors":N,"warnings":N}`.
    public func write(to writer: inout JSONWriter) {
        writer.object(("diagnostics", diagnostics), ("errors", errorCount), ("warnings", warningCount))
    }
}

extension LintDiagnostic: JSONEncodable {
    public func write(to writer: inout JSONWriter) {
        writer.object(("path", path), ("line", line), ("severity", severity.rawValue), ("message", message))
    }
}
