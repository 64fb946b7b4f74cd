/// kb's one accent-folding table: the lower-case ASCII letters each Latin-1 and Latin Extended-A letter folds
/// to (á→a, ñ→n, ü→u, ç→c, æ→ae, ß→ss, ł→l, œ→oe, þ→th…).
///
/// The analyzer folds search terms with it (`TextScalar.writeFoldedUTF8`) and every comparison of names and
/// labels folds with `fold(_:)` (redaction of customer and agent names, slugs, section headings, FAQ and
/// automation grouping), so "Łódź", "Lodz" and "lodz" are the same word to search and to redaction alike.
/// Works without Foundation, whose `folding(options:locale:)` is slow on Linux.
enum AccentFolding {
    /// `text` lower-cased with Latin diacritics folded and combining marks removed.
    static func fold(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { appendFolded(scalar, to: &out) }
        return String(out)
    }

    /// Appends the folded form of one scalar: combining marks vanish, Latin letters become their ASCII base, other
    /// letters their lower case.
    static func appendFolded(_ scalar: Unicode.Scalar, to out: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value < 0x80 {
            out.append(value >= 65 && value <= 90 ? Unicode.Scalar(value + 32)! : scalar)
            return
        }
        if let (first, second) = base(of: value) {
            out.append(Unicode.Scalar(first))
            if let second { out.append(Unicode.Scalar(second)) }
            return
        }
        if TextScalar.kind(of: value) == .mark { return }
        var lowered: [UInt32] = []
        TextScalar.appendLowercased(value, to: &lowered)
        for lower in lowered {
            if let (first, second) = base(of: lower) {
                out.append(Unicode.Scalar(first))
                if let second { out.append(Unicode.Scalar(second)) }
            } else if let folded = Unicode.Scalar(lower) {
                out.append(folded)
            }
        }
    }

    /// The ASCII letters (one, or two for ligatures and ß, þ) a Latin-1 or Latin Extended-A letter of either case
    /// folds to; nil for every other scalar, which folding leaves as it is.
    @inline(__always)
    static func base(of scalar: UInt32) -> (UInt8, UInt8?)? {
        if scalar >= 0xC0, scalar < 0x100 {
            switch scalar {
            case 0xC0 ... 0xC5, 0xE0 ... 0xE5: return (0x61, nil)
            case 0xC6, 0xE6: return (0x61, 0x65)
            case 0xC7, 0xE7: return (0x63, nil)
            case 0xC8 ... 0xCB, 0xE8 ... 0xEB: return (0x65, nil)
            case 0xCC ... 0xCF, 0xEC ... 0xEF: return (0x69, nil)
            case 0xD0, 0xF0: return (0x64, nil)
            case 0xD1, 0xF1: return (0x6E, nil)
            case 0xD2 ... 0xD6, 0xD8, 0xF2 ... 0xF6, 0xF8: return (0x6F, nil)
            case 0xD9 ... 0xDC, 0xF9 ... 0xFC: return (0x75, nil)
            case 0xDD, 0xFD, 0xFF: return (0x79, nil)
            case 0xDE, 0xFE: return (0x74, 0x68)
            case 0xDF: return (0x73, 0x73)
            default: return nil  // × ÷
            }
        }
        if scalar >= 0x100, scalar < 0x180 {
            switch scalar {
            case 0x132, 0x133: return (0x69, 0x6A)  // ĳ
            case 0x152, 0x153: return (0x6F, 0x65)  // œ
            default: return (latinExtendedABase[Int(scalar - 0x100)], nil)
            }
        }
        return nil
    }

    /// Base letters of U+0100…U+017F in order (ĳ and œ are handled apart).
    private static let latinExtendedABase: [UInt8] = Array(
        ("aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "ij"
            + "jj" + "kkk" + "llllllllll" + "nnnnnnnnn" + "oooooo" + "oe" + "rrrrrr" + "ssssssss"
            + "tttttt" + "uuuuuuuuuuuu" + "ww" + "yyy" + "zzzzzz" + "s").utf8)
}
