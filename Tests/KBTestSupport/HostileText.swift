/// Hostile text for fuzz tests: query syntax of FTS5 and SQL, Unicode that trips naive code (combining marks,
/// emoji sequences, right-to-left text and overrides, NUL and other control characters), and very long runs.
public enum HostileText {
    /// Pieces with a meaning to FTS5's query parser, SQL or shells.
    public static let syntax: [String] = [
        "AND", "OR", "NOT", "NEAR", "NEAR(", "NEAR(a b, 2)", "and", "or", "not", "near/3", "*", "^", ":", "-", "+",
        "(", ")", "\"", "'", "\"\"", "title:", "description:", "events_text:", "{title description}:", "-title:",
        "tickets_fts", "rank", "bm25(", "\"unterminated", "a\"b", "*portal", "portal*", "^portal", "'; DROP TABLE tickets; --",
        "%", "_", "\\", "?", "?1", ":name", "@x", "$x", "/*", "*/", "--", ";", "`", "[", "]", "{", "}", "||", "&&",
        "0x41", "1e999", "-0", "NaN", "\u{0}", "\u{0}AND\u{0}",
    ]

    /// Words the small test corpus contains, so queries also match something.
    public static let words: [String] = [
        "portal", "login", "contraseña", "contrasena", "CONTRASEÑAS", "caducada", "certificado", "balanceador",
        "ERR-401", "err-401", "db-01", "v2.3", "correo", "ñandú", "pingüino", "acción", "no", "sin", "el", "la",
    ]

    /// Unicode that stresses tokenizers and byte offsets.
    public static let unicode: [String] = [
        "\u{301}", "e\u{301}", "a\u{301}\u{302}\u{303}\u{304}\u{305}", "👩‍💻", "🇨🇱", "👍🏽", "🏳️‍🌈", "\u{FE0F}",
        "مرحبا", "שלום", "\u{202E}evil\u{202C}", "\u{200F}", "\u{200B}", "\u{FEFF}", "\u{1}", "\u{7}", "\u{8}",
        "\u{1B}[1m", "\u{7F}", "\u{85}", "\u{2028}", "\u{2029}", "\t", "\n", "\r\n", "\u{A0}", "ﬁ", "ß", "İ", "ǅ",
        "𝔭𝔬𝔯𝔱𝔞𝔩", "ｐｏｒｔａｌ", "０１２", "漢字", "かな", "한국어", "\u{10FFFF}", "\u{E000}", "\u{FFFD}", "\u{2}", "\u{3}",
    ]

    /// One random string of `pieces` pieces from every class, joined with random separators.
    public static func string(using generator: inout SeededGenerator, pieces: ClosedRange<Int> = 1...12) -> String {
        var text = ""
        for _ in 0..<Int.random(in: pieces, using: &generator) {
            switch Int.random(in: 0..<10, using: &generator) {
            case 0...3: text += generator.pick(syntax)
            case 4...6: text += generator.pick(words)
            case 7...8: text += generator.pick(unicode)
            default: text += randomScalars(using: &generator, count: Int.random(in: 1...6, using: &generator))
            }
            text += generator.pick(["", " ", " ", "  ", "\t", "\n", "-", ":", "\""])
        }
        return text
    }

    /// Random Unicode scalars from the whole range (surrogates excluded, as Swift strings cannot hold them).
    public static func randomScalars(using generator: inout SeededGenerator, count: Int) -> String {
        var text = ""
        for _ in 0..<count {
            let range: ClosedRange<UInt32> = generator.pick([0...0x7F, 0x80...0x7FF, 0x800...0xD7FF, 0xE000...0x10FFFF])
            if let scalar = Unicode.Scalar(UInt32.random(in: range, using: &generator)) { text.unicodeScalars.append(scalar) }
        }
        return text
    }

    /// Strings of about `bytes` bytes built from one repeated hostile piece or many random ones.
    public static func long(using generator: inout SeededGenerator, bytes: Int = 10_240) -> String {
        switch Int.random(in: 0..<4, using: &generator) {
        case 0: return String(repeating: generator.pick(syntax + unicode), count: bytes / 4)
        case 1: return "e" + String(repeating: "\u{301}", count: bytes / 2)
        case 2: return String(repeating: "portal ", count: bytes / 7)
        default:
            var text = ""
            while text.utf8.count < bytes { text += string(using: &generator) }
            return text
        }
    }
}
