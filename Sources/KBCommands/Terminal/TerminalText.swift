/// Text made safe to print: ticket and article text is data, and a terminal must not run it as commands.
///
/// An escape sequence in a ticket title (`ESC ] 0 ; … BEL` retitles the window, `ESC [ 2 J` clears the screen,
/// OSC 52 writes the clipboard) or a bare carriage return (which overwrites what is already on the line) would
/// act when `kb search` or `kb show` prints it. Only what kb itself writes survives: tab, line feed, a carriage
/// return that ends a line with the line feed after it (`CR LF` overwrites nothing, and a document rendered with
/// CRLF line endings must print as it renders), styling and line-erasing sequences (`ESC [ 1 m`, `ESC [ 0 m`,
/// `ESC [ K`) and a carriage return that starts a progress line (`CR ESC [ K`). Every other C0 control character
/// and escape sequence introducer is dropped.
enum TerminalText {
    private static let escape: UInt8 = 0x1B
    private static let carriageReturn: UInt8 = 0x0D

    static func sanitized(_ text: String) -> String {
        let utf8 = text.utf8
        guard utf8.contains(where: { $0 < 0x20 && $0 != 0x0A && $0 != 0x09 }) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte >= 0x20 || byte == 0x0A || byte == 0x09 {
                out.append(byte)
                index += 1
            } else if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == 0x0A {
                out.append(byte)
                index += 1
            } else if byte == escape, let end = styleSequenceEnd(bytes, from: index) {
                out.append(contentsOf: bytes[index..<end])
                index = end
            } else if byte == carriageReturn, index + 1 < bytes.count, bytes[index + 1] == escape,
                      let end = styleSequenceEnd(bytes, from: index + 1), bytes[end - 1] == UInt8(ascii: "K") {
                out.append(contentsOf: bytes[index..<end])
                index = end
            } else {
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The end of `ESC [ digits-and-semicolons m|K` starting at `start`, nil for any other sequence.
    private static func styleSequenceEnd(_ bytes: [UInt8], from start: Int) -> Int? {
        guard start + 2 < bytes.count, bytes[start + 1] == UInt8(ascii: "[") else { return nil }
        var index = start + 2
        while index < bytes.count, (bytes[index] >= 0x30 && bytes[index] <= 0x39) || bytes[index] == UInt8(ascii: ";") {
            index += 1
        }
        guard index < bytes.count, bytes[index] == UInt8(ascii: "m") || bytes[index] == UInt8(ascii: "K") else { return nil }
        return index + 1
    }
}
