/// The little Markdown structure kb needs from article bodies: lines, `## ` headings and code fences.
enum ArticleMarkdown {
    /// Splits `text` into numbered lines, the first being `firstLine`.
    static func lines(of text: String, firstLine: Int) -> [ArticleLine] {
        let bytes = Array(text.utf8)
        return ScanByte.lineRanges(of: bytes).enumerated().map { offset, range in
            ArticleLine(number: firstLine + offset, text: String(decoding: bytes[range], as: UTF8.self))
        }
    }

    /// The text of an ATX heading of exactly `level` (`## Título ##` → `Título`), nil otherwise.
    static func headingText(_ line: String, level: Int) -> String? {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == ScanByte.space { index += 1 }
        var hashes = 0
        while index < bytes.count, bytes[index] == ScanByte.hash { hashes += 1; index += 1 }
        guard hashes == level, index == bytes.count || ScanByte.isBlank(bytes[index]) else { return nil }
        var end = bytes.count
        while end > index, ScanByte.isBlank(bytes[end - 1]) { end -= 1 }
        // A closing run of '#' counts only when a space separates it from the text.
        var closing = end
        while closing > index, bytes[closing - 1] == ScanByte.hash { closing -= 1 }
        if closing < end, closing == index || ScanByte.isBlank(bytes[closing - 1]) { end = closing }
        while end > index, ScanByte.isBlank(bytes[end - 1]) { end -= 1 }
        while index < end, ScanByte.isBlank(bytes[index]) { index += 1 }
        return String(decoding: bytes[index..<end], as: UTF8.self)
    }

    /// True for a heading of level 1 or 2, the headings that bound a section.
    static func isSectionBoundary(_ line: String) -> Bool {
        headingText(line, level: 2) != nil || headingText(line, level: 1) != nil
    }

    /// True for an ATX heading of any level (a heading alone is not content).
    static func isHeading(_ line: String) -> Bool {
        (1...6).contains { headingText(line, level: $0) != nil }
    }

    /// The fence character and length when `line` opens or closes a fenced code block.
    static func fence(_ line: String) -> (byte: UInt8, count: Int)? {
        let bytes = Array(line.utf8)
        var index = 0
        while index < bytes.count, index < 3, bytes[index] == ScanByte.space { index += 1 }
        guard index < bytes.count, bytes[index] == ScanByte.backtick || bytes[index] == ScanByte.tilde else { return nil }
        let byte = bytes[index]
        var count = 0
        while index < bytes.count, bytes[index] == byte { count += 1; index += 1 }
        return count >= 3 ? (byte, count) : nil
    }

    /// Splits lines into `## ` sections, ignoring `##` lines inside fenced code; lines before
    /// the first heading belong to no section.
    static func sections(of lines: [ArticleLine]) -> [ArticleSection] {
        var sections: [ArticleSection] = []
        var openFence: (byte: UInt8, count: Int)?
        for line in lines {
            if let fence = fence(line.text) {
                if let current = openFence {
                    if fence.byte == current.byte, fence.count >= current.count { openFence = nil }
                } else {
                    openFence = fence
                }
            } else if openFence == nil, let heading = headingText(line.text, level: 2) {
                sections.append(ArticleSection(heading: heading, kind: ArticleSectionKind(heading: heading),
                                               line: line.number, lines: []))
                continue
            }
            if !sections.isEmpty { sections[sections.count - 1].lines.append(line) }
        }
        return sections
    }

    /// True when a line carries text a reader would see: not blank, not only an HTML comment.
    static func isContentLine(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        var start = 0
        var end = bytes.count
        while start < end, ScanByte.isWhitespace(bytes[start]) { start += 1 }
        while end > start, ScanByte.isWhitespace(bytes[end - 1]) { end -= 1 }
        if start == end { return false }
        let trimmed = bytes[start..<end]
        return !(trimmed.starts(with: "<!--".utf8) && trimmed.reversed().starts(with: ">--".utf8))
    }

    /// Counts words the way a reader would for the one-page check: space-separated tokens that hold a
    /// letter or digit (`2.3` is one word, a list bullet or `##` is none).
    static func wordCount(_ lines: [ArticleLine]) -> Int {
        var count = 0
        for line in lines {
            var tokenHasWord = false
            for byte in line.text.utf8 {
                if ScanByte.isWhitespace(byte) {
                    if tokenHasWord { count += 1 }
                    tokenHasWord = false
                } else if ScanByte.isWordByte(byte) {
                    tokenHasWord = true
                }
            }
            if tokenHasWord { count += 1 }
        }
        return count
    }
}
