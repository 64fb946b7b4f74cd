/// Makes text from tickets inert inside a Markdown article: whatever a customer typed, it stays text
/// in the section it was put in.
///
/// It cannot start a heading (`#`), a code fence, a setext underline or an HTML block, and it cannot
/// open or close an internal block: a `<` that could start a tag (`<div`, `</x`) is backslash-escaped
/// and `<!` becomes `<\!`, both of which CommonMark renders as the characters typed.
enum MarkdownText {
    /// `text` on one line: runs of whitespace and control characters become one space, ends trimmed.
    static func singleLine(_ text: String) -> String {
        escape(collapse(Array(text.utf8)))
    }

    /// `text` as lines, each made inert, with runs of blank lines kept as one and none at either end.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        let bytes = Array(text.utf8)
        for range in ScanByte.lineRanges(of: bytes) {
            let line = collapse(Array(bytes[range]))
            if line.isEmpty {
                if let last = result.last, !last.isEmpty { result.append("") }
            } else {
                result.append(escape(line))
            }
        }
        while result.last == "" { result.removeLast() }
        return result
    }

    /// `text` as a block of inert lines (a paragraph, or several separated by blank lines).
    static func paragraph(_ text: String) -> String {
        lines(text).joined(separator: "\n")
    }

    /// The text without leading and trailing whitespace.
    static func trimmed(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard let first = bytes.firstIndex(where: { !ScanByte.isWhitespace($0) }),
              let last = bytes.lastIndex(where: { !ScanByte.isWhitespace($0) }) else { return "" }
        return String(decoding: bytes[first...last], as: UTF8.self)
    }

    /// Whitespace and C0/C1 control runs → one space; trimmed. Works on bytes: ticket text can be long.
    private static func collapse(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var pendingSpace = false
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            // C1 controls (U+0080–U+009F) are encoded as 0xC2 0x80–0x9F.
            let isC1 = byte == 0xC2 && index + 1 < bytes.count && (0x80...0x9F).contains(bytes[index + 1])
            if byte < 0x20 || byte == 0x7F || isC1 {
                pendingSpace = !out.isEmpty
                index += isC1 ? 2 : 1
                continue
            }
            if byte == ScanByte.space {
                pendingSpace = !out.isEmpty
                index += 1
                continue
            }
            if pendingSpace { out.append(ScanByte.space) }
            pendingSpace = false
            out.append(byte)
            index += 1
        }
        return out
    }

    /// Escapes what would make a collapsed, non-empty line structural.
    private static func escape(_ line: [UInt8]) -> String {
        guard let first = line.first else { return "" }
        var out: [UInt8] = []
        out.reserveCapacity(line.count + 4)
        let isRule = line.allSatisfy {
            $0 == ScanByte.dash || $0 == ScanByte.equals || $0 == ScanByte.asterisk || $0 == ScanByte.underscore || $0 == ScanByte.space
        }
        if first == ScanByte.hash || first == ScanByte.backtick || first == ScanByte.tilde || isRule {
            out.append(ScanByte.backslash)
        }
        for (index, byte) in line.enumerated() {
            let next = index + 1 < line.count ? line[index + 1] : 0
            if byte == ScanByte.less, ScanByte.isLetter(next) || next == ScanByte.slash || next == ScanByte.question {
                out.append(ScanByte.backslash)
            }
            out.append(byte)
            // `<\!--` rather than `\<!--`: internal markers are found by their bytes wherever they are,
            // so the sequence itself must be broken.
            if byte == ScanByte.less, next == ScanByte.exclamation { out.append(ScanByte.backslash) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
