/// A heading of a Markdown document, with the anchor `MarkdownRenderer` gives it, for building tables of contents.
public struct MarkdownHeading: Sendable, Hashable {
    /// 1 for `#`, up to 6.
    public var level: Int
    /// The heading's plain text (formatting removed, whitespace collapsed).
    public var text: String
    /// The `id` of the rendered heading, unique within the document.
    public var anchor: String

    public init(level: Int, text: String, anchor: String) {
        self.level = level
        self.text = text
        self.anchor = anchor
    }
}
