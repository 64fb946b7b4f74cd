extension MarkdownRenderer {
    /// A table row with more cell separators than this is not read as a table row: cmark-gfm 0.29 (Debian 12)
    /// splits rows in quadratic time (50,000 `|` on one line took 9 s; a 4 MB article would take hours).
    static let maximumTableSeparatorsPerLine = 256

    /// A paragraph with more `[` than this has them escaped: cmark-gfm 0.29 deactivates earlier link openers
    /// each time a link closes, so `![[]()` repeated 33,000 times took 11 s, growing with the square.
    static let maximumBracketsPerParagraph = 500

    /// `markdown` with the inputs that make cmark-gfm slow made harmless, and whether tables may be read.
    ///
    /// Text with fewer of both than the limits (every real document) comes back unchanged. Otherwise only the
    /// offending paragraphs change (their `[` escaped, so they show as typed), and tables are read only when no
    /// line holds too many `|`. Fenced code is left alone: cmark does not parse inlines inside it.
    static func defused(_ markdown: String) -> (text: String, tables: Bool) {
        var brackets = 0
        var pipesOnLine = 0
        var widestRow = 0
        for byte in markdown.utf8 {
            switch byte {
            case ScanByte.openBracket: brackets += 1
            case ScanByte.pipe: pipesOnLine += 1
            case ScanByte.newline:
                widestRow = max(widestRow, pipesOnLine)
                pipesOnLine = 0
            default: break
            }
        }
        let tables = max(widestRow, pipesOnLine) <= maximumTableSeparatorsPerLine
        guard brackets > maximumBracketsPerParagraph else { return (markdown, tables) }

        let bytes = Array(markdown.utf8)
        var lines = ScanByte.lineRanges(of: bytes).map { Array(bytes[$0]) }
        var openFence: (byte: UInt8, count: Int)?
        var paragraph: [Int] = []
        func escapeIfNeeded() {
            let count = paragraph.reduce(0) { total, index in total + lines[index].filter { $0 == ScanByte.openBracket }.count }
            if count > maximumBracketsPerParagraph {
                for index in paragraph { lines[index] = escapedBrackets(lines[index]) }
            }
            paragraph.removeAll()
        }
        for index in lines.indices {
            if let fence = ArticleMarkdown.fence(String(decoding: lines[index], as: UTF8.self)) {
                if let current = openFence {
                    if fence.byte == current.byte, fence.count >= current.count { openFence = nil }
                } else {
                    escapeIfNeeded()
                    openFence = fence
                }
                continue
            }
            if openFence != nil { continue }
            if lines[index].allSatisfy(ScanByte.isWhitespace) { escapeIfNeeded() } else { paragraph.append(index) }
        }
        escapeIfNeeded()
        return (lines.map { String(decoding: $0, as: UTF8.self) }.joined(separator: "\n"), tables)
    }

    /// Every `[` not already escaped, escaped.
    private static func escapedBrackets(_ line: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(line.count + line.count / 4)
        var escaped = false
        for byte in line {
            if byte == ScanByte.openBracket, !escaped { out.append(ScanByte.backslash) }
            escaped = byte == ScanByte.backslash && !escaped
            out.append(byte)
        }
        return out
    }
}
