/// One line of an article body with its 1-based line number in the file, so lint and
/// redaction findings point at the file even after internal blocks are removed.
public struct ArticleLine: Sendable, Equatable {
    public var number: Int
    public var text: String

    public init(number: Int, text: String) {
        self.number = number
        self.text = text
    }

    /// True when the line is empty or only spaces and tabs.
    public var isBlank: Bool { text.utf8.allSatisfy(ScanByte.isWhitespace) }
}
