/// Finds and removes `<!-- internal -->` … `<!-- /internal -->` blocks, the notes that never leave the team.
///
/// Markers are HTML comments whose text is `internal` or `/internal` in any spacing, case and line layout
/// (`<!--INTERNAL-->`, `<!--\ninternal\n-->`, `<!-- / internal -->`), read in the text as a reader sees it
/// (`NormalizedText`: `&lt;!-- internal --&gt;`, full-width letters and zero-width characters do not hide a
/// marker; a Markdown-escaped `<\!--`, as drafts write ticket text, is text and opens nothing), anywhere in the body (also inside code fences), because a marker missed here is an internal note
/// shown to a customer. Any other comment that mentions internal (`<!-- internal note -->`, `<!-- interno -->`,
/// `<!-- internal` never closed) is an issue: the writer meant a marker and kb cannot tell where the block ends.
/// When markers are malformed the removal errs on the side of hiding more: an unclosed block runs to the end of
/// the body, a nested block ends only when every opener is closed, and a closing marker without an opener hides
/// its section from the heading down to the marker. An article with any issue is left out of customer material.
public enum InternalBlocks {
    /// The marker that opens an internal block, as templates write it.
    public static let openMarker = "<!-- internal -->"
    /// The marker that closes an internal block, as templates write it.
    public static let closeMarker = "<!-- /internal -->"

    /// One outermost internal block.
    public struct Block: Sendable, Equatable {
        /// 1-based line of the opening marker.
        public var openLine: Int
        /// 1-based line of the closing marker; nil when the block is never closed.
        public var closeLine: Int?

        public init(openLine: Int, closeLine: Int?) {
            self.openLine = openLine
            self.closeLine = closeLine
        }
    }

    /// What is wrong with a marker.
    public enum IssueKind: String, Sendable, Equatable {
        /// An opening marker with no closing marker after it.
        case unclosed
        /// An opening marker inside a block that is already open.
        case nested
        /// A closing marker with no open block.
        case strayClose = "stray_close"
        /// A comment that mentions internal but is not a marker (or is never closed).
        case unrecognized
    }

    /// A malformed marker, with its line.
    public struct Issue: Sendable, Equatable {
        public var kind: IssueKind
        /// 1-based line of the offending marker.
        public var line: Int
        /// The line of the block this marker conflicts with (the outer opener for `nested`).
        public var relatedLine: Int?

        public init(kind: IssueKind, line: Int, relatedLine: Int? = nil) {
            self.kind = kind
            self.line = line
            self.relatedLine = relatedLine
        }

        /// Lower-case explanation for lint.
        public var message: String {
            switch kind {
            case .unclosed:
                "internal block is never closed with '\(InternalBlocks.closeMarker)' (everything after it is hidden from customers)"
            case .nested:
                "internal block opened inside another one (opened on line \(relatedLine ?? line)); internal blocks do not nest"
            case .strayClose:
                "'\(InternalBlocks.closeMarker)' without a matching '\(InternalBlocks.openMarker)'"
            case .unrecognized:
                "comment mentions internal but is not '\(InternalBlocks.openMarker)' or '\(InternalBlocks.closeMarker)' "
                    + "(or is never closed); write the markers exactly so kb knows what to hide"
            }
        }
    }

    /// The result of scanning a body: what customers may see and what is wrong with the markers.
    public struct Scan: Sendable, Equatable {
        /// Lines outside internal blocks (a line cut by an inline marker keeps its visible part).
        public var keptLines: [ArticleLine]
        public var blocks: [Block]
        public var issues: [Issue]
    }

    /// Scans `lines` for internal blocks.
    public static func scan(_ lines: [ArticleLine]) -> Scan {
        var text: [UInt8] = []
        var lineStarts: [Int] = []
        for line in lines {
            lineStarts.append(text.count)
            text.append(contentsOf: line.text.utf8)
            text.append(ScanByte.newline)
        }
        let normalized = NormalizedText(text, markdownEscapes: false)
        /// The index in `lines` of the line holding byte `offset`.
        func lineIndex(_ offset: Int) -> Int {
            var low = 0
            var high = lineStarts.count
            while low < high {
                let middle = (low + high) / 2
                if lineStarts[middle] <= offset { low = middle + 1 } else { high = middle }
            }
            return max(0, low - 1)
        }
        var hidden: [Range<Int>] = []
        var blocks: [Block] = []
        var issues: [Issue] = []
        var depth = 0
        var openStart = 0
        var openLine = 0
        for comment in comments(in: normalized.bytes) {
            let range = normalized.originalRange(of: comment.range)
            let line = lines[lineIndex(range.lowerBound)].number
            switch comment.kind {
            case .other:
                continue
            case .mention:
                issues.append(Issue(kind: .unrecognized, line: line))
                if depth == 0 { hidden.append(range) }
            case .open:
                if depth == 0 {
                    openStart = range.lowerBound
                    openLine = line
                } else {
                    issues.append(Issue(kind: .nested, line: line, relatedLine: openLine))
                }
                depth += 1
            case .close:
                if depth > 0 {
                    depth -= 1
                    if depth == 0 {
                        blocks.append(Block(openLine: openLine, closeLine: line))
                        hidden.append(openStart..<range.upperBound)
                    }
                } else {
                    issues.append(Issue(kind: .strayClose, line: line))
                    // Hidden from the line after the last visible heading above the marker.
                    var start = 0
                    var index = lineIndex(range.lowerBound) - 1
                    while index >= 0 {
                        let lineRange = lineStarts[index]..<(lineStarts[index] + lines[index].text.utf8.count)
                        if ArticleMarkdown.isSectionBoundary(lines[index].text),
                           !hidden.contains(where: { $0.overlaps(lineRange) }) {
                            start = lineStarts[index] + lines[index].text.utf8.count + 1
                            break
                        }
                        index -= 1
                    }
                    hidden.append(start..<range.upperBound)
                }
            }
        }
        if depth > 0 {
            blocks.append(Block(openLine: openLine, closeLine: nil))
            issues.append(Issue(kind: .unclosed, line: openLine))
            hidden.append(openStart..<text.count)
        }
        issues.sort { $0.line < $1.line }
        return Scan(keptLines: keptLines(lines, lineStarts: lineStarts, text: text, hidden: hidden), blocks: blocks, issues: issues)
    }

    /// `lines` without the `hidden` byte ranges of their joined text: a line no range touches is kept as it is, a
    /// line cut by one keeps its visible part unless that is blank.
    private static func keptLines(_ lines: [ArticleLine], lineStarts: [Int], text: [UInt8],
                                  hidden: [Range<Int>]) -> [ArticleLine] {
        guard !hidden.isEmpty else { return lines }
        let ranges = hidden.sorted { $0.lowerBound < $1.lowerBound }
        var kept: [ArticleLine] = []
        var next = 0
        for (index, line) in lines.enumerated() {
            let lineRange = lineStarts[index]..<(lineStarts[index] + line.text.utf8.count)
            while next < ranges.count, ranges[next].upperBound <= lineRange.lowerBound, ranges[next].upperBound < lineRange.upperBound {
                next += 1
            }
            let touching = ranges[next...].prefix { $0.lowerBound <= lineRange.upperBound }.filter {
                $0.overlaps(lineRange) || (lineRange.isEmpty && $0.contains(lineRange.lowerBound))
            }
            if touching.isEmpty {
                kept.append(line)
                continue
            }
            var visible: [UInt8] = []
            var cursor = lineRange.lowerBound
            for range in touching {
                if range.lowerBound > cursor { visible.append(contentsOf: text[cursor..<range.lowerBound]) }
                cursor = max(cursor, range.upperBound)
            }
            if cursor < lineRange.upperBound { visible.append(contentsOf: text[cursor..<lineRange.upperBound]) }
            if !visible.allSatisfy(ScanByte.isWhitespace) {
                kept.append(ArticleLine(number: line.number, text: String(decoding: visible, as: UTF8.self)))
            }
        }
        return kept
    }

    /// `text` without its internal blocks (the customer-safe form), lines joined with `\n`.
    public static func remove(from text: String) -> String {
        scan(ArticleMarkdown.lines(of: text, firstLine: 1)).keptLines.map(\.text).joined(separator: "\n")
    }

    /// An HTML comment and what it is to internal blocks.
    private struct Comment {
        enum Kind { case open, close, mention, other }
        /// From `<!--` through `-->` (or the end of the text when never closed), in the normalized text.
        var range: Range<Int>
        var kind: Kind
    }

    private static let openText = Array("internal".utf8)
    private static let closeText = Array("/internal".utf8)
    private static let mentionWords: Set<[UInt8]> = Set(["interno", "interna", "internos", "internas"].map { Array($0.utf8) })

    /// Every HTML comment in `bytes` (normalized text), in order.
    private static func comments(in bytes: [UInt8]) -> [Comment] {
        var found: [Comment] = []
        var index = 0
        while index + 4 <= bytes.count {
            guard bytes[index] == ScanByte.less, bytes[index + 1] == ScanByte.exclamation,
                  bytes[index + 2] == ScanByte.dash, bytes[index + 3] == ScanByte.dash else {
                index += 1
                continue
            }
            let bodyStart = index + 4
            var end = bodyStart
            var closed = false
            while end + 3 <= bytes.count {
                if bytes[end] == ScanByte.dash, bytes[end + 1] == ScanByte.dash, bytes[end + 2] == ScanByte.greater {
                    closed = true
                    break
                }
                end += 1
            }
            if !closed { end = bytes.count }
            let body = bytes[bodyStart..<end]
            let compact = body.filter { !ScanByte.isWhitespace($0) }.map(ScanByte.lowercased)
            let kind: Comment.Kind
            if closed, compact == openText {
                kind = .open
            } else if closed, compact == closeText {
                kind = .close
            } else if mentionsInternal(body) {
                kind = .mention
            } else {
                kind = .other
            }
            let commentEnd = closed ? end + 3 : end
            found.append(Comment(range: index..<commentEnd, kind: kind))
            index = commentEnd
        }
        return found
    }

    /// True when a comment's text names internal content: "internal" in its letters (also split by spaces, as in
    /// `in ternal`), or the Spanish words "interno", "interna".
    private static func mentionsInternal(_ body: ArraySlice<UInt8>) -> Bool {
        let letters = body.filter(ScanByte.isLetter).map(ScanByte.lowercased)
        if letters.count >= openText.count,
           (0...(letters.count - openText.count)).contains(where: { letters[$0..<($0 + openText.count)].elementsEqual(openText) }) {
            return true
        }
        let words = body.split { !ScanByte.isLetter($0) }.map { $0.map(ScanByte.lowercased) }
        return words.contains { mentionWords.contains($0) }
    }
}
