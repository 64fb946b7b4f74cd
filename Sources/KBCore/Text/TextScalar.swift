/// Character-level rules of the analyzer: what a scalar is for tokenizing,
/// lower-casing, composing decomposed accents and folding diacritics.
///
/// Latin-1 and Latin Extended-A, where Spanish and English text lives, are
/// answered from code; only rarer scripts consult Unicode properties.
enum TextScalar {
    /// The role a scalar plays in tokenizing.
    enum Kind {
        /// A letter: starts or continues a word.
        case letter
        /// A decimal digit: starts or continues a word and makes it a code.
        case digit
        /// A combining mark: continues a word and is composed into the
        /// previous letter or dropped.
        case mark
        /// `-`, `.`, `/`, `_`: joins two words into a code.
        case joiner
        /// `'` or `’`: inside English words only.
        case apostrophe
        /// Soft hyphen and zero-width joiners: continue a word, add nothing.
        case ignorable
        /// Anything else ends a word.
        case separator
    }

    @inline(__always)
    static func kind(of scalar: UInt32) -> Kind {
        if scalar < 0x80 {
            switch scalar {
            case 0x61 ... 0x7A, 0x41 ... 0x5A: return .letter
            case 0x30 ... 0x39: return .digit
            case 0x2D, 0x2E, 0x2F, 0x5F: return .joiner
            case 0x27: return .apostrophe
            default: return .separator
            }
        }
        if scalar < 0x100 {
            switch scalar {
            case 0xAD: return .ignorable
            case 0xD7, 0xF7: return .separator  // × ÷
            case 0xB5, 0xC0 ... 0xFF: return .letter
            // ª and º are letters to Unicode, but "nº"/"1ª" read better as
            // abbreviations than as the words "no"/"1a".
            default: return .separator
            }
        }
        return kindBeyondLatin1(scalar)
    }

    /// Kept out of line: touching `Unicode.Scalar.Properties` costs a
    /// metadata lookup that the Latin-1 path must not pay.
    @inline(never)
    private static func kindBeyondLatin1(_ scalar: UInt32) -> Kind {
        switch scalar {
        case 0x100 ..< 0x250: return .letter  // Latin Extended-A and -B
        case 0x300 ..< 0x370: return .mark
        case 0x2019: return .apostrophe
        case 0x200C, 0x200D: return .ignorable
        default: break
        }
        guard let unicodeScalar = Unicode.Scalar(scalar) else { return .separator }
        let properties = unicodeScalar.properties
        switch properties.generalCategory {
        case .decimalNumber: return .digit
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        default: return properties.isAlphabetic ? .letter : .separator
        }
    }

    /// Appends the lower-case form of a letter.
    @inline(__always)
    static func appendLowercased(_ scalar: UInt32, to scalars: inout [UInt32]) {
        switch scalar {
        case 0x41 ... 0x5A, 0xC0 ... 0xD6, 0xD8 ... 0xDE:
            scalars.append(scalar + 0x20)
        case 0 ..< 0x100:
            scalars.append(scalar)
        default:
            appendLowercasedBeyondLatin1(scalar, to: &scalars)
        }
    }

    @inline(never)
    private static func appendLowercasedBeyondLatin1(_ scalar: UInt32, to scalars: inout [UInt32]) {
        guard let unicodeScalar = Unicode.Scalar(scalar),
              unicodeScalar.properties.changesWhenLowercased
        else {
            scalars.append(scalar)
            return
        }
        // İ lower-cases to i + U+0307; the mark would only be folded away.
        for lowered in unicodeScalar.properties.lowercaseMapping.unicodeScalars where kind(of: lowered.value) != .mark {
            scalars.append(lowered.value)
        }
    }

    /// Merges a combining mark into the preceding lower-case letter, so
    /// decomposed text ("e" + U+0301) stems like precomposed text ("é");
    /// marks with no Latin-1 composition are dropped, which is what folding
    /// would do to them anyway.
    static func compose(_ mark: UInt32, into scalars: inout [UInt32]) {
        guard let base = scalars.last else { return }
        let composed: UInt32? = switch (mark, base) {
        case (0x300, 0x61): 0xE0
        case (0x300, 0x65): 0xE8
        case (0x300, 0x69): 0xEC
        case (0x300, 0x6F): 0xF2
        case (0x300, 0x75): 0xF9
        case (0x301, 0x61): 0xE1
        case (0x301, 0x65): 0xE9
        case (0x301, 0x69): 0xED
        case (0x301, 0x6F): 0xF3
        case (0x301, 0x75): 0xFA
        case (0x301, 0x79): 0xFD
        case (0x302, 0x61): 0xE2
        case (0x302, 0x65): 0xEA
        case (0x302, 0x69): 0xEE
        case (0x302, 0x6F): 0xF4
        case (0x302, 0x75): 0xFB
        case (0x303, 0x61): 0xE3
        case (0x303, 0x6E): 0xF1
        case (0x303, 0x6F): 0xF5
        case (0x308, 0x61): 0xE4
        case (0x308, 0x65): 0xEB
        case (0x308, 0x69): 0xEF
        case (0x308, 0x6F): 0xF6
        case (0x308, 0x75): 0xFC
        case (0x308, 0x79): 0xFF
        case (0x30A, 0x61): 0xE5
        case (0x327, 0x63): 0xE7
        default: nil
        }
        if let composed {
            scalars[scalars.count - 1] = composed
        }
    }

    /// Longest UTF-8 that folding one scalar can produce.
    static let maximumFoldedBytes = 4

    /// Writes the UTF-8 of a scalar with its diacritics folded away by kb's
    /// one table (`AccentFolding`: á→a, ñ→n, ü→u, ç→c, æ→ae, ß→ss, ł→l…) at
    /// `offset`, returning the new offset; scripts beyond Latin pass through
    /// unchanged. `output` must have ``maximumFoldedBytes`` free bytes at `offset`.
    @inline(__always)
    static func writeFoldedUTF8(_ scalar: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        if scalar < 0x80 {
            output[offset] = UInt8(truncatingIfNeeded: scalar)
            return offset + 1
        }
        return writeFoldedNonASCII(scalar, to: output, at: offset)
    }

    @inline(never)
    private static func writeFoldedNonASCII(_ scalar: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        guard let (first, second) = AccentFolding.base(of: scalar) else { return writeUTF8(scalar, to: output, at: offset) }
        output[offset] = first
        guard let second else { return offset + 1 }
        output[offset + 1] = second
        return offset + 2
    }

    private static func writeUTF8(_ scalar: UInt32, to output: UnsafeMutableBufferPointer<UInt8>, at offset: Int) -> Int {
        switch scalar {
        case 0 ..< 0x80:
            output[offset] = UInt8(truncatingIfNeeded: scalar)
            return offset + 1
        case 0x80 ..< 0x800:
            output[offset] = UInt8(truncatingIfNeeded: 0xC0 | (scalar >> 6))
            output[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
            return offset + 2
        case 0x800 ..< 0x10000:
            output[offset] = UInt8(truncatingIfNeeded: 0xE0 | (scalar >> 12))
            output[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
            output[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
            return offset + 3
        default:
            output[offset] = UInt8(truncatingIfNeeded: 0xF0 | (scalar >> 18))
            output[offset + 1] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 12) & 0x3F))
            output[offset + 2] = UInt8(truncatingIfNeeded: 0x80 | ((scalar >> 6) & 0x3F))
            output[offset + 3] = UInt8(truncatingIfNeeded: 0x80 | (scalar & 0x3F))
            return offset + 4
        }
    }

    /// Decodes the scalar at `index`; malformed UTF-8 (bad lead or
    /// continuation bytes, overlong forms, surrogates, values past U+10FFFF,
    /// truncation) yields U+FFFD for one byte, so any input can be scanned.
    @inline(__always)
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let lead = bytes[index]
        if lead < 0x80 { return (UInt32(lead), 1) }
        return decodeMultibyte(bytes, at: index)
    }

    @inline(never)
    private static func decodeMultibyte(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (scalar: UInt32, length: Int) {
        let invalid: (scalar: UInt32, length: Int) = (0xFFFD, 1)
        let lead = bytes[index]
        let count = bytes.count
        @inline(__always) func continuation(_ offset: Int) -> UInt32? {
            guard index + offset < count else { return nil }
            let byte = bytes[index + offset]
            return byte & 0xC0 == 0x80 ? UInt32(byte & 0x3F) : nil
        }
        switch lead {
        case 0xC2 ... 0xDF:
            guard let second = continuation(1) else { return invalid }
            return (UInt32(lead & 0x1F) << 6 | second, 2)
        case 0xE0 ... 0xEF:
            guard let second = continuation(1), let third = continuation(2) else { return invalid }
            let scalar = UInt32(lead & 0x0F) << 12 | second << 6 | third
            guard scalar >= 0x800, !(0xD800 ... 0xDFFF).contains(scalar) else { return invalid }
            return (scalar, 3)
        case 0xF0 ... 0xF4:
            guard let second = continuation(1), let third = continuation(2), let fourth = continuation(3)
            else { return invalid }
            let scalar = UInt32(lead & 0x07) << 18 | second << 12 | third << 6 | fourth
            guard scalar >= 0x10000, scalar <= 0x10FFFF else { return invalid }
            return (scalar, 4)
        default:
            return invalid
        }
    }
}
