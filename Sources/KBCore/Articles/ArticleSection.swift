/// A `## ` section of an article body: its heading, what KCS section it is, and its lines.
public struct ArticleSection: Sendable, Equatable {
    /// Heading text without the `## ` and any closing `#`s.
    public var heading: String
    /// Which KCS section the heading names; nil for other headings.
    public var kind: ArticleSectionKind?
    /// 1-based line of the heading in the file.
    public var line: Int
    /// Lines between this heading and the next `## ` heading (or the end).
    public var lines: [ArticleLine]

    public init(heading: String, kind: ArticleSectionKind?, line: Int, lines: [ArticleLine]) {
        self.heading = heading
        self.kind = kind
        self.line = line
        self.lines = lines
    }

    /// The content with leading and trailing blank lines removed.
    public var text: String {
        guard let first = lines.firstIndex(where: { !$0.isBlank }),
              let last = lines.lastIndex(where: { !$0.isBlank }) else { return "" }
        return lines[first...last].map(\.text).joined(separator: "\n")
    }

    /// True when some line says something: blank lines, HTML comments (template hints)
    /// and internal-block markers do not count.
    public var hasContent: Bool {
        lines.contains { ArticleMarkdown.isContentLine($0.text) }
    }
}
