/// Escaping for plain text placed in Markdown, the counterpart of `HTML`: kb's one Markdown escaper, which the
/// template renderer applies to every `{{name}}` of a Markdown template (`TemplateEscaping.markdown`).
///
/// Backslash-escapes the ASCII punctuation that starts emphasis, code, links, raw HTML, entities, tables and
/// strikethrough, and what would turn a line into a heading, list, quote, rule or setext underline. Underscores
/// inside words (`waiting_customer`) stay as they are: CommonMark never reads them as emphasis. `<!` becomes
/// `\<\!`, so ticket text can never carry the bytes of an internal-block marker (`<!-- internal -->`) into an
/// article, whose scanner finds markers wherever they are.
public enum Markdown {
    /// `text` as Markdown that shows it as written. Each line is escaped; a line break between two lines with text
    /// becomes a hard break (`\` at the end of the line), so the text keeps its lines in one paragraph.
    public static func escape(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { needsAttention($0) }) else { return text }
        var lines: [ArraySlice<UInt8>] = []
        var start = 0, index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline || byte == carriageReturn {
                lines.append(bytes[start..<index])
                index += byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline ? 2 : 1
                start = index
            } else {
                index += 1
            }
        }
        lines.append(bytes[start..<bytes.count])
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        for (number, line) in lines.enumerated() {
            if number > 0 { out.append(newline) }
            let escapedStart = out.count
            escapeLine(line, into: &out)
            let hasText = out[escapedStart...].contains { $0 != space && $0 != tab }
            if hasText, number + 1 < lines.count, lines[number + 1].contains(where: { $0 != space && $0 != tab }) {
                out.append(backslash)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `text` on one line, each line break (`\r\n`, `\r`, `\n`) a space: for values a template puts in a table
    /// cell, a heading or a list item, which a line break would end.
    public static func line(_ text: String) -> String {
        let bytes = Array(text.utf8)
        guard bytes.contains(where: { $0 == newline || $0 == carriageReturn }) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == newline || byte == carriageReturn {
                out.append(space)
                index += byte == carriageReturn && index + 1 < bytes.count && bytes[index + 1] == newline ? 2 : 1
            } else {
                out.append(byte)
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n"), carriageReturn = UInt8(ascii: "\r")
    private static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    /// Punctuation escaped wherever it stands.
    private static let alwaysEscaped: Set<UInt8> = Set("\\`*[]<>|~&".utf8)

    /// Bytes that may need an escape or split the text into lines; text without any is returned as it is.
    private static func needsAttention(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"), UInt8(ascii: "["), UInt8(ascii: "]"),
             UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "|"), UInt8(ascii: "~"), UInt8(ascii: "&"),
             UInt8(ascii: "_"), UInt8(ascii: "#"), UInt8(ascii: "="), UInt8(ascii: "-"), UInt8(ascii: "+"),
             UInt8(ascii: "."), UInt8(ascii: ")"), newline, carriageReturn:
            return true
        default:
            return false
        }
    }

    private static func escapeLine(_ line: ArraySlice<UInt8>, into out: inout [UInt8]) {
        let bytes = Array(line)
        var start = 0
        while start < bytes.count, bytes[start] == space { start += 1 }
        let leadingDigits = bytes[start...].prefix(while: isDigit).count
        for (index, byte) in bytes.enumerated() {
            if index == start, startsBlock(bytes, at: index) {
                out.append(backslash)
            } else if alwaysEscaped.contains(byte) {
                out.append(backslash)
            } else if byte == UInt8(ascii: "_") {
                let before = index > 0 && isWordByte(bytes[index - 1])
                let after = index + 1 < bytes.count && isWordByte(bytes[index + 1])
                if !(before && after) { out.append(backslash) }
            } else if byte == UInt8(ascii: "!"), index > 0, bytes[index - 1] == UInt8(ascii: "<") {
                out.append(backslash)
            } else if byte == UInt8(ascii: ".") || byte == UInt8(ascii: ")"), leadingDigits > 0,
                      index == start + leadingDigits, index + 1 == bytes.count || bytes[index + 1] == space {
                // `1. ` or `1) ` at the start of a line would begin an ordered list.
                out.append(backslash)
            }
            out.append(byte)
        }
    }

    /// What at the start of a line would make a heading (`#`… then a space), quote (`>`), setext underline (`=`) or
    /// list item or rule (`-`, `+` then a space, the same sign or the end).
    private static func startsBlock(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: ">"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "#"):
            var end = index
            while end < bytes.count, bytes[end] == byte { end += 1 }
            return end == bytes.count || bytes[end] == space || bytes[end] == tab
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            return index + 1 == bytes.count || bytes[index + 1] == space || bytes[index + 1] == byte
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte >= 0x80
    }
}
