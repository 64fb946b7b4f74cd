/// Prepares Markdown for customer material: writers' HTML comments dropped and headings pushed below the
/// document's own structure. (Plain text is escaped by the template renderer, `Markdown.escape`.)
enum CustomerMarkdown {
    /// `markdown` without HTML comments and tags (outside code), with ATX headings moved down so the highest is
    /// at least `minimumHeadingLevel` (never past 6), runs of blank lines collapsed and surrounding blanks trimmed.
    ///
    /// Comments go because they are writers' hints (`<!-- describe el síntoma -->`), never meant for a reader.
    /// Tags go (their text stays) because the HTML output drops raw HTML, and the Markdown output should say
    /// the same thing without handing a `<script>` to whatever renders it later; for the same reason, whatever
    /// CommonMark still reads as raw HTML or a dangerous link target goes too (`withoutActiveContent`).
    static func prepare(_ markdown: String, minimumHeadingLevel: Int) -> String {
        var kept: [[UInt8]] = []
        var openFence: (byte: UInt8, count: Int)?
        var inComment = false
        var inIndentedCode = false
        let bytes = Array(markdown.utf8)
        for line in ScanByte.lineRanges(of: bytes).map({ Array(bytes[$0]) }) {
            if !inComment, let fence = ArticleMarkdown.fence(String(decoding: line, as: UTF8.self)) {
                if let current = openFence {
                    if fence.byte == current.byte, fence.count >= current.count { openFence = nil }
                } else {
                    openFence = fence
                }
                kept.append(line)
                continue
            }
            if openFence != nil {
                kept.append(line)
                continue
            }
            // An indented code block starts after a blank line and runs while lines stay indented (or blank).
            let previousBlank = kept.last.map { $0.allSatisfy(ScanByte.isWhitespace) } ?? true
            let isBlank = line.allSatisfy(ScanByte.isWhitespace)
            inIndentedCode = !inComment && (isIndentedCode(line) && (previousBlank || inIndentedCode) || isBlank && inIndentedCode)
            if inIndentedCode {
                kept.append(line)
                continue
            }
            let (uncommented, stillInComment, hadComment) = stripComments(line, startingInComment: inComment)
            inComment = stillInComment
            let visible = stripTags(uncommented)
            // A line that held only a comment or tags disappears instead of leaving a stray blank line.
            if visible.allSatisfy(ScanByte.isWhitespace), hadComment || visible.count != uncommented.count { continue }
            kept.append(visible)
        }
        let minimumFound = headingLevels(kept).min()
        let shift = minimumFound.map { max(0, minimumHeadingLevel - $0) } ?? 0
        var out: [String] = []
        var previousBlank = true
        openFence = nil
        for line in kept {
            let text = String(decoding: line, as: UTF8.self)
            if let fence = ArticleMarkdown.fence(text) {
                if let current = openFence {
                    if fence.byte == current.byte, fence.count >= current.count { openFence = nil }
                } else {
                    openFence = fence
                }
            }
            let isBlank = line.allSatisfy(ScanByte.isWhitespace)
            if isBlank, openFence == nil, previousBlank { continue }
            previousBlank = isBlank
            if shift > 0, openFence == nil, let level = headingLevel(line) {
                out.append(String(repeating: "#", count: min(6, level + shift)) + text.drop { $0 == " " }.drop { $0 == "#" })
            } else {
                out.append(text)
            }
        }
        while let last = out.last, last.utf8.allSatisfy(ScanByte.isWhitespace) { out.removeLast() }
        return withoutActiveContent(out.joined(separator: "\n"))
    }

    /// The line with `<!-- … -->` removed; whether a comment is still open at its end; whether it had any.
    private static func stripComments(_ line: [UInt8], startingInComment: Bool) -> ([UInt8], Bool, Bool) {
        var visible: [UInt8] = []
        var inComment = startingInComment
        var hadComment = startingInComment
        var index = 0
        while index < line.count {
            if inComment {
                if index + 2 < line.count, line[index] == ScanByte.dash, line[index + 1] == ScanByte.dash,
                   line[index + 2] == ScanByte.greater {
                    inComment = false
                    index += 3
                } else {
                    index += 1
                }
                continue
            }
            if index + 3 < line.count, line[index] == ScanByte.less, line[index + 1] == ScanByte.exclamation,
               line[index + 2] == ScanByte.dash, line[index + 3] == ScanByte.dash {
                inComment = true
                hadComment = true
                index += 4
                continue
            }
            visible.append(line[index])
            index += 1
        }
        return (visible, inComment, hadComment)
    }

    /// Four spaces or a tab: indented code, when it follows a blank line.
    private static func isIndentedCode(_ line: [UInt8]) -> Bool {
        line.first == ScanByte.tab || line.starts(with: [ScanByte.space, ScanByte.space, ScanByte.space, ScanByte.space])
    }

    /// The line without HTML tags (`<b>`, `</div>`, `<br/>`, `<a href="…">`), outside code spans; text between
    /// tags stays. Autolinks (`<https://…>`, `<ana@example.com>`) are not tags and are kept.
    private static func stripTags(_ line: [UInt8]) -> [UInt8] {
        guard line.contains(ScanByte.less) else { return line }
        var out: [UInt8] = []
        out.reserveCapacity(line.count)
        var index = 0
        while index < line.count {
            let byte = line[index]
            if byte == ScanByte.backtick {
                // A code span: a run of backticks up to the next run of the same length on the line.
                var run = 0
                while index + run < line.count, line[index + run] == ScanByte.backtick { run += 1 }
                if let close = closingBackticks(line, from: index + run, length: run) {
                    out.append(contentsOf: line[index..<(close + run)])
                    index = close + run
                } else {
                    out.append(contentsOf: line[index..<(index + run)])
                    index += run
                }
                continue
            }
            if byte == ScanByte.backslash, index + 1 < line.count {
                out.append(contentsOf: line[index...(index + 1)])
                index += 2
                continue
            }
            if byte == ScanByte.less, let end = tagEnd(line, at: index) {
                let tagStart = index
                index = end
                // A script or style element's text is code, not prose: it goes with its tags.
                if let name = rawTextElement(line, tagStart: tagStart),
                   let close = find(Array("</\(name)".utf8), in: line, from: index) {
                    index = close
                }
                continue
            }
            out.append(byte)
            index += 1
        }
        return out
    }

    /// `script` or `style` when the tag at `tagStart` opens one of them.
    private static func rawTextElement(_ line: [UInt8], tagStart: Int) -> String? {
        for name in ["script", "style"] {
            let bytes = Array(name.utf8)
            guard tagStart + 1 + bytes.count <= line.count else { continue }
            if zip(line[(tagStart + 1)...], bytes).allSatisfy({ ScanByte.lowercased($0) == $1 }) {
                let after = tagStart + 1 + bytes.count
                if after < line.count, !ScanByte.isAlphanumeric(line[after]) { return name }
            }
        }
        return nil
    }

    /// The first index of `needle` (compared case-insensitively) in `line` at or after `from`.
    private static func find(_ needle: [UInt8], in line: [UInt8], from: Int) -> Int? {
        guard needle.count <= line.count - from else { return nil }
        for index in from...(line.count - needle.count)
        where zip(line[index...], needle).allSatisfy({ ScanByte.lowercased($0) == $1 }) {
            return index
        }
        return nil
    }

    private static func closingBackticks(_ line: [UInt8], from start: Int, length: Int) -> Int? {
        var index = start
        while index < line.count {
            guard line[index] == ScanByte.backtick else {
                index += 1
                continue
            }
            var run = 0
            while index + run < line.count, line[index + run] == ScanByte.backtick { run += 1 }
            if run == length { return index }
            index += run
        }
        return nil
    }

    /// The index after the `>` of an HTML open or close tag starting at `start`, nil when it is not one.
    private static func tagEnd(_ line: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        if index < line.count, line[index] == ScanByte.slash { index += 1 }
        guard index < line.count, ScanByte.isLetter(line[index]) else { return nil }
        while index < line.count, ScanByte.isAlphanumeric(line[index]) || line[index] == ScanByte.dash { index += 1 }
        guard index < line.count else { return nil }
        let next = line[index]
        guard next == ScanByte.greater || next == ScanByte.slash || ScanByte.isBlank(next) else { return nil }
        // Attributes may hold `>` inside quotes.
        var quote: UInt8?
        while index < line.count {
            let byte = line[index]
            if let open = quote {
                if byte == open { quote = nil }
            } else if byte == ScanByte.doubleQuote || byte == ScanByte.singleQuote {
                quote = byte
            } else if byte == ScanByte.greater {
                return index + 1
            } else if byte == ScanByte.less {
                return nil
            }
            index += 1
        }
        return nil
    }

    /// Levels of the ATX headings outside code fences.
    private static func headingLevels(_ lines: [[UInt8]]) -> [Int] {
        var levels: [Int] = []
        var openFence: (byte: UInt8, count: Int)?
        for line in lines {
            if let fence = ArticleMarkdown.fence(String(decoding: line, as: UTF8.self)) {
                if let current = openFence {
                    if fence.byte == current.byte, fence.count >= current.count { openFence = nil }
                } else {
                    openFence = fence
                }
                continue
            }
            if openFence == nil, let level = headingLevel(line) { levels.append(level) }
        }
        return levels
    }

    /// The level of an ATX heading line (up to three spaces, 1–6 `#`, then a space or the end), nil otherwise.
    private static func headingLevel(_ line: [UInt8]) -> Int? {
        var index = 0
        while index < line.count, index < 3, line[index] == ScanByte.space { index += 1 }
        var hashes = 0
        while index < line.count, line[index] == ScanByte.hash { hashes += 1; index += 1 }
        guard (1...6).contains(hashes), index == line.count || ScanByte.isBlank(line[index]) else { return nil }
        return hashes
    }
}
