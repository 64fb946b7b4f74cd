/// Ticket text shaped for a draft article: one tidy line (a title, a step) or a list of lines (a description, a
/// resolution), with runs of whitespace and control characters collapsed. Escaping is the template renderer's
/// (`Markdown.escape`): these are still plain text.
enum TextLines {
    /// `text` on one line: runs of whitespace and control characters become one space, ends trimmed.
    static func singleLine(_ text: String) -> String {
        String(decoding: collapse(Array(text.utf8)), as: UTF8.self)
    }

    /// `text` as lines, each collapsed, with runs of blank lines kept as one and none at either end.
    static func lines(_ text: String) -> [String] {
        var result: [String] = []
        let bytes = Array(text.utf8)
        for range in ScanByte.lineRanges(of: bytes) {
            let line = collapse(Array(bytes[range]))
            if line.isEmpty {
                if let last = result.last, !last.isEmpty { result.append("") }
            } else {
                result.append(String(decoding: line, as: UTF8.self))
            }
        }
        while result.last == "" { result.removeLast() }
        return result
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
}
