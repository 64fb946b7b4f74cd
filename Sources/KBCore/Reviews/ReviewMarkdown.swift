import Foundation

/// Escapes plain text (ticket titles, descriptions, event notes) so Markdown shows it as written.
///
/// Backslash-escapes the ASCII punctuation that starts emphasis, code, links, raw HTML, tables and
/// strikethrough, and the markers that would turn a line into a heading, list or quote. Underscores inside
/// words (`waiting_customer`) are left alone: CommonMark never reads them as emphasis.
public enum ReviewMarkdown {
    /// Text for one line or a table cell: line breaks become spaces.
    public static func inline(_ text: String) -> String {
        escapeLine(String(text.map { $0 == "\n" || $0 == "\r" ? " " : $0 }))
    }

    /// Text for a block: each line escaped, line breaks kept (a single break becomes a hard break).
    public static func block(_ text: String) -> String {
        let lines = text.replacingNewlineSequences().split(separator: "\n", omittingEmptySubsequences: false)
        var out: [String] = []
        for (index, line) in lines.enumerated() {
            let escaped = escapeLine(String(line))
            let nextIsText = index + 1 < lines.count && !lines[index + 1].allSatisfy(\.isWhitespace)
            let hardBreak = !escaped.allSatisfy(\.isWhitespace) && nextIsText
            out.append(hardBreak ? escaped + "\\" : escaped)
        }
        return out.joined(separator: "\n")
    }

    private static let alwaysEscaped: Set<UInt8> = Set("\\`*[]<>|~&".utf8)

    private static func escapeLine(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 8)
        let backslash = UInt8(ascii: "\\")
        var start = 0
        while start < bytes.count, bytes[start] == UInt8(ascii: " ") { start += 1 }
        for (index, byte) in bytes.enumerated() {
            if index == start, startsBlock(bytes, at: index) {
                out.append(backslash)
            } else if alwaysEscaped.contains(byte) {
                out.append(backslash)
            } else if byte == UInt8(ascii: "_") {
                let before = index > 0 && isWordByte(bytes[index - 1])
                let after = index + 1 < bytes.count && isWordByte(bytes[index + 1])
                if !(before && after) { out.append(backslash) }
            } else if byte == UInt8(ascii: "."), index > start, bytes[start..<index].allSatisfy(isDigit),
                      index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") {
                // `1. ` at the start of a line would begin an ordered list.
                out.append(backslash)
            }
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `#`, `>`, `-`, `+`, `=` at the start of a line would make a heading, quote, list or rule.
    private static func startsBlock(_ bytes: [UInt8], at index: Int) -> Bool {
        let byte = bytes[index]
        switch byte {
        case UInt8(ascii: "#"), UInt8(ascii: ">"), UInt8(ascii: "="):
            return true
        case UInt8(ascii: "-"), UInt8(ascii: "+"):
            return index + 1 == bytes.count || bytes[index + 1] == UInt8(ascii: " ") || bytes[index + 1] == byte
        default:
            return false
        }
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 48 && byte <= 57 }

    private static func isWordByte(_ byte: UInt8) -> Bool {
        isDigit(byte) || (byte | 0x20 >= 97 && byte | 0x20 <= 122) || byte >= 0x80
    }
}
