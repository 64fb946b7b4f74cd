/// Removes from text everything a terminal (or a viewer of a document file) would act on instead of showing.
///
/// Ticket and article text is data. An escape sequence in it could retitle the window (`ESC ] 0 ; … BEL`), clear
/// the screen (`ESC [ 2 J`), hide text (`ESC [ 8 m`), write the clipboard (OSC 52) or answer back; a carriage return
/// or backspaces overwrite what is already on the line. So every C0 control character except tab and line feed (a
/// carriage return too, even before a line feed), DEL, every C1 control (U+0080–U+009F as code points) and every
/// escape sequence — CSI (SGR included), OSC, DCS, SOS, PM, APC and the two-byte ones, introduced by ESC or by their C1 form (`U+009B 31m`) — is removed whole,
/// so no stray `[2J` is left behind. An OSC or DCS string that is never terminated is removed to the end of its
/// line. kb's own styling is added afterwards (`Styled`), never let through from data.
///
/// Used for everything kb prints (`OutputStream` in KBCommands) and for every value a template inserts into a
/// Markdown or HTML document (`MustacheRenderer`), so files written with `--out` carry no control characters
/// from data either; JSON escapes them (`JSONWriter`).
public enum TerminalSanitizer {
    /// `text` without control characters and escape sequences.
    public static func sanitized(_ text: String) -> String {
        guard text.utf8.contains(where: isSuspect) else { return text }
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if let length = controlLength(bytes, at: index) {
                index += length
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Text for a document (Markdown or HTML) made safe the same way, and without numeric character references to
    /// those control characters either (`&#27;`, `&#x1B;`, `&#13;`), which a browser or a Markdown renderer would
    /// turn back into them (cmark writes `&#27;` in Markdown as a raw ESC in HTML).
    public static func sanitizedForDocument(_ text: String) -> String {
        let clean = sanitized(text)
        guard clean.utf8.contains(UInt8(ascii: "&")) else { return clean }
        let bytes = Array(clean.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            if bytes[index] == UInt8(ascii: "&"), index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "#"),
               let (value, end) = HTMLEntities.numericValue(bytes, digitsStart: index + 2), isControl(value) {
                index = end
                continue
            }
            out.append(bytes[index])
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// True for the code points removed: C0 controls but tab and line feed, DEL and the C1 controls.
    public static func isControl(_ value: UInt32) -> Bool {
        (value < 0x20 && value != 0x09 && value != 0x0A) || (0x7F...0x9F).contains(value)
    }

    /// A byte that may start something to remove: a C0 control, DEL, or the lead byte of a C1 control.
    @inline(__always) private static func isSuspect(_ byte: UInt8) -> Bool {
        (byte < 0x20 && byte != 0x09 && byte != 0x0A) || byte == 0x7F || byte == 0xC2
    }

    /// The length in bytes of the control character or escape sequence that starts at `index` in UTF-8 `bytes`;
    /// nil when none starts there.
    static func controlLength(_ bytes: [UInt8], at index: Int) -> Int? {
        let byte = bytes[index]
        if byte == escape {
            guard index + 1 < bytes.count else { return 1 }
            let next = bytes[index + 1]
            switch next {
            case UInt8(ascii: "["):
                return controlSequenceEnd(bytes, from: index + 2) - index
            case UInt8(ascii: "]"), UInt8(ascii: "P"), UInt8(ascii: "X"), UInt8(ascii: "^"), UInt8(ascii: "_"):
                return stringEnd(bytes, from: index + 2) - index
            case 0x20...0x2F:
                var end = index + 1
                while end < bytes.count, (0x20...0x2F).contains(bytes[end]) { end += 1 }
                if end < bytes.count, (0x30...0x7E).contains(bytes[end]) { end += 1 }
                return end - index
            case 0x30...0x7E:
                return 2
            default:
                return 1
            }
        }
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A ? nil : 1 }
        if byte == 0x7F { return 1 }
        guard byte == 0xC2, index + 1 < bytes.count, (0x80...0x9F).contains(bytes[index + 1]) else { return nil }
        switch bytes[index + 1] {
        case 0x9B: return controlSequenceEnd(bytes, from: index + 2) - index
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return stringEnd(bytes, from: index + 2) - index
        default: return 2
        }
    }

    private static let escape: UInt8 = 0x1B

    /// The end of a control sequence's parameters, intermediates and final byte; a malformed one ends where
    /// it stops following the grammar.
    private static func controlSequenceEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count, (0x30...0x3F).contains(bytes[end]) { end += 1 }
        while end < bytes.count, (0x20...0x2F).contains(bytes[end]) { end += 1 }
        if end < bytes.count, (0x40...0x7E).contains(bytes[end]) { end += 1 }
        return end
    }

    /// The end of an OSC, DCS, SOS, PM or APC string: after BEL, `ESC \` or ST (U+009C); before another ESC, which
    /// starts a sequence of its own; at the end of the line when it is never terminated.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> Int {
        var end = start
        while end < bytes.count {
            switch bytes[end] {
            case 0x07:
                return end + 1
            case escape:
                return end + 1 < bytes.count && bytes[end + 1] == UInt8(ascii: "\\") ? end + 2 : end
            case 0xC2 where end + 1 < bytes.count && bytes[end + 1] == 0x9C:
                return end + 2
            case 0x0A:
                return end
            default:
                end += 1
            }
        }
        return end
    }
}
