/// Lower-cases and strips diacritics (á→a, ñ→n, ü→u) without Foundation, whose
/// `folding(options:locale:)` is slow on Linux; shared by section headings and name redaction.
enum AccentFolding {
    /// `text` lower-cased with Latin diacritics removed.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { appendFolded(scalar, to: &out) }
        return String(out)
    }

    /// Appends the folded form of one scalar (combining marks vanish, other letters lower-case).
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            out.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            return
        }
        if let base = latinBase(value) {
            out.append(base)
            return
        }
        if (0x300...0x36F).contains(value) { return }
        out.append(contentsOf: scalar.properties.lowercaseMapping.unicodeScalars)
    }

    /// The unaccented lower-case ASCII letter of a Latin-1 or Latin Extended-A letter.
    private static func latinBase(_ value: UInt32) -> Unicode.Scalar? {
        let letter: Character
        switch value {
        case 0xC0...0xC5, 0xE0...0xE5, 0x100...0x105: letter = "a"
        case 0xC7, 0xE7, 0x106...0x10D: letter = "c"
        case 0x10E...0x111: letter = "d"
        case 0xC8...0xCB, 0xE8...0xEB, 0x112...0x11B: letter = "e"
        case 0x11C...0x123: letter = "g"
        case 0xCC...0xCF, 0xEC...0xEF, 0x128...0x131: letter = "i"
        case 0xD1, 0xF1, 0x143...0x148: letter = "n"
        case 0xD2...0xD6, 0xD8, 0xF2...0xF6, 0xF8, 0x14C...0x151: letter = "o"
        case 0x154...0x159: letter = "r"
        case 0x15A...0x161: letter = "s"
        case 0x162...0x167: letter = "t"
        case 0xD9...0xDC, 0xF9...0xFC, 0x168...0x173: letter = "u"
        case 0xDD, 0xFD, 0xFF, 0x176...0x178: letter = "y"
        case 0x179...0x17E: letter = "z"
        default: return nil
        }
        return letter.unicodeScalars.first
    }
}
