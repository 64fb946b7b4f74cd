/// Finds and removes `<!-- internal -->` … `<!-- /internal -->` blocks, the notes that never leave the team.
///
/// Markers are recognised anywhere in a line (also inside code fences) and with any spacing or
/// case (`<!--INTERNAL-->`), because a marker missed here is an internal note shown to a customer.
/// When markers are malformed the removal errs on the side of hiding more: an unclosed block runs to
/// the end of the body, a nested block ends only when every opener is closed, and a closing marker
/// without an opener hides its section from the heading down to the marker.
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
        var kept: [ArticleLine] = []
        var blocks: [Block] = []
        var issues: [Issue] = []
        var depth = 0
        var openLine = 0
        // Index in `kept` just after the last heading, where a stray closing marker's hidden part starts.
        var sectionStart = 0
        for line in lines {
            let bytes = Array(line.text.utf8)
            let markers = findMarkers(bytes)
            if markers.isEmpty {
                guard depth == 0 else { continue }
                kept.append(line)
                if ArticleMarkdown.isSectionBoundary(line.text) { sectionStart = kept.count }
                continue
            }
            var visible: [UInt8] = []
            var cursor = 0
            for marker in markers {
                if depth == 0 {
                    if marker.isClose {
                        issues.append(Issue(kind: .strayClose, line: line.number))
                        kept.removeSubrange(sectionStart...)
                        visible.removeAll()
                    } else {
                        visible.append(contentsOf: bytes[cursor..<marker.range.lowerBound])
                        depth = 1
                        openLine = line.number
                    }
                    cursor = marker.range.upperBound
                } else if marker.isClose {
                    depth -= 1
                    if depth == 0 {
                        blocks.append(Block(openLine: openLine, closeLine: line.number))
                        cursor = marker.range.upperBound
                    }
                } else {
                    issues.append(Issue(kind: .nested, line: line.number, relatedLine: openLine))
                    depth += 1
                }
            }
            if depth == 0 { visible.append(contentsOf: bytes[cursor...]) }
            if !visible.allSatisfy(ScanByte.isWhitespace) {
                kept.append(ArticleLine(number: line.number, text: String(decoding: visible, as: UTF8.self)))
            }
        }
        if depth > 0 {
            blocks.append(Block(openLine: openLine, closeLine: nil))
            issues.append(Issue(kind: .unclosed, line: openLine))
        }
        return Scan(keptLines: kept, blocks: blocks, issues: issues)
    }

    /// `text` without its internal blocks (the customer-safe form), lines joined with `\n`.
    public static func remove(from text: String) -> String {
        scan(ArticleMarkdown.lines(of: text, firstLine: 1)).keptLines.map(\.text).joined(separator: "\n")
    }

    private struct Marker {
        var range: Range<Int>
        var isClose: Bool
    }

    /// Every `<!-- internal -->` and `<!-- /internal -->` in a line, in order.
    private static func findMarkers(_ bytes: [UInt8]) -> [Marker] {
        var markers: [Marker] = []
        var index = 0
        let word = Array("internal".utf8)
        while index + 4 <= bytes.count {
            guard bytes[index] == ScanByte.less, bytes[index + 1] == ScanByte.exclamation,
                  bytes[index + 2] == ScanByte.dash, bytes[index + 3] == ScanByte.dash else {
                index += 1
                continue
            }
            let start = index
            var cursor = index + 4
            func skipBlanks() { while cursor < bytes.count, ScanByte.isBlank(bytes[cursor]) { cursor += 1 } }
            skipBlanks()
            var isClose = false
            if cursor < bytes.count, bytes[cursor] == ScanByte.slash {
                isClose = true
                cursor += 1
                skipBlanks()
            }
            var matched = cursor + word.count <= bytes.count
            if matched {
                for offset in 0..<word.count where ScanByte.lowercased(bytes[cursor + offset]) != word[offset] {
                    matched = false
                    break
                }
            }
            if matched {
                cursor += word.count
                skipBlanks()
                if cursor + 3 <= bytes.count, bytes[cursor] == ScanByte.dash, bytes[cursor + 1] == ScanByte.dash,
                   bytes[cursor + 2] == ScanByte.greater {
                    markers.append(Marker(range: start..<(cursor + 3), isClose: isClose))
                    index = cursor + 3
                    continue
                }
            }
            index = start + 4
        }
        return markers
    }
}
