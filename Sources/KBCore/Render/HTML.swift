/// Escaping for text placed in HTML, XHTML or SVG.
public enum HTML {
    /// Escapes `&`, `<`, `>`, `"` and `'` so text can go anywhere in element content or a quoted attribute,
    /// and drops control characters other than tab, line feed and carriage return and the noncharacters U+FFFE and
    /// U+FFFF, which XML forbids even as references (an SVG holding one does not display at all).
    public static func escape(_ text: String) -> String {
        escape(text, inAttribute: false)
    }

    /// `escape(_:)` plus tab, line feed and carriage return as character references, so an attribute value keeps
    /// them instead of having them normalised to spaces.
    public static func escapeAttribute(_ text: String) -> String {
        escape(text, inAttribute: true)
    }

    private enum Action {
        case keep, drop
        case replace(String)
    }

    private static func action(for byte: UInt8, inAttribute: Bool) -> Action {
        switch byte {
        case UInt8(ascii: "&"): return .replace("&amp;")
        case UInt8(ascii: "<"): return .replace("&lt;")
        case UInt8(ascii: ">"): return .replace("&gt;")
        case UInt8(ascii: "\""): return .replace("&quot;")
        case UInt8(ascii: "'"): return .replace("&#39;")
        case 0x09: return inAttribute ? .replace("&#9;") : .keep
        case 0x0A: return inAttribute ? .replace("&#10;") : .keep
        case 0x0D: return inAttribute ? .replace("&#13;") : .keep
        case 0..<0x20: return .drop
        default: return .keep
        }
    }

    private static func escape(_ text: String, inAttribute: Bool) -> String {
        let utf8 = text.utf8
        // Most text has nothing to escape; return it without copying. 0xEF leads U+FFFE and U+FFFF.
        guard utf8.contains(where: {
            if $0 == 0xEF { return true }
            if case .keep = action(for: $0, inAttribute: inAttribute) { return false }
            return true
        }) else { return text }
        let bytes = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                index += 3
                continue
            }
            switch action(for: byte, inAttribute: inAttribute) {
            case .keep: out.append(byte)
            case .drop: break
            case .replace(let reference): out.append(contentsOf: reference.utf8)
            }
            index += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
