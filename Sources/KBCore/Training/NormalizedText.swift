import Foundation

/// Text as the redactor and lint judge it, with a map back to the text as written.
///
/// A reader sees `juan&#64;example.com`, `juan＠example.com` and `juan​@example.com` (with a zero-width space) as the
/// same address, and so must every check that decides what a customer may read. In the normalized form:
/// - HTML character references are decoded — named (`&commat;`), decimal (`&#64;`), hex (`&#x40;`), with or
///   without `;`, also encoded twice (`&amp;#64;`);
/// - the text is in Unicode NFKC: full-width forms (`＠`, `１０`), mathematical letters, ligatures, circled and
///   superscript digits, no-break spaces become their plain forms, and decomposed accents are composed; hyphens,
///   en dashes and the minus sign read as `-`, the ideographic full stop as `.`;
/// - default-ignorable code points (zero-width spaces and joiners, bidi controls, word joiners, soft hyphen, BOM,
///   variation selectors), control characters and terminal escape sequences are gone;
/// - a Markdown backslash escape (`10\.0\.0\.1`) is the character it escapes;
/// - defanged forms (`[.]`, `(dot)`, `[at]`, `(arroba)`) are the `.` and `@` they stand for.
///
/// Whatever is found in the normalized bytes maps back (`originalRange(of:)`) to a range of the original that
/// covers it whole — a decoded reference, a composed letter, a removed zero-width space inside it — so the
/// original is redacted in the form it is written and nothing of the encoded form is left behind.
struct NormalizedText {
    /// The normalized text, UTF-8.
    private(set) var bytes: [UInt8]
    /// Where the normalized text differs from the original, in text order; the stretches between are identical.
    private var pieces: [Piece] = []

    private struct Piece {
        var normalized: Range<Int>
        var original: Range<Int>
    }

    init(_ text: String) {
        self.init(Array(text.utf8))
    }

    /// The normalized form of UTF-8 `original`. With `markdownEscapes` false a backslash escape stays as written:
    /// `<\!--` shows as the text `<!--`, so it never opens a comment (drafts write ticket text that way).
    init(_ original: [UInt8], markdownEscapes: Bool = true) {
        guard original.contains(where: Self.mayChange) else {
            bytes = original
            return
        }
        bytes = []
        bytes.reserveCapacity(original.count)
        var builder = Builder(original: original, markdownEscapes: markdownEscapes)
        builder.run(into: &self)
    }

    /// True when the normalized text is the original.
    var isUnchanged: Bool { pieces.isEmpty }

    /// The normalized text as a string.
    var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The range of the original covering the normalized `range` whole.
    func originalRange(of range: Range<Int>) -> Range<Int> {
        guard !pieces.isEmpty, !range.isEmpty else { return range }
        let start: Int
        if let piece = lastPiece(startingAtOrBefore: range.lowerBound) {
            start = piece.normalized.contains(range.lowerBound)
                ? piece.original.lowerBound : range.lowerBound - piece.normalized.upperBound + piece.original.upperBound
        } else {
            start = range.lowerBound
        }
        let last = range.upperBound - 1
        let end: Int
        if let piece = lastPiece(startingAtOrBefore: last) {
            end = piece.normalized.contains(last)
                ? piece.original.upperBound : last - piece.normalized.upperBound + piece.original.upperBound + 1
        } else {
            end = range.upperBound
        }
        return start..<max(start, end)
    }

    /// The last piece whose normalized range starts at or before `offset` (a removed piece at `offset` sits just
    /// before the byte there).
    private func lastPiece(startingAtOrBefore offset: Int) -> Piece? {
        var low = 0
        var high = pieces.count
        while low < high {
            let middle = (low + high) / 2
            if pieces[middle].normalized.lowerBound <= offset { low = middle + 1 } else { high = middle }
        }
        return low == 0 ? nil : pieces[low - 1]
    }

    /// Bytes that may start something normalization changes; text without any is its own normalized form.
    @inline(__always) private static func mayChange(_ byte: UInt8) -> Bool {
        byte >= 0x7F || (byte < 0x20 && byte != ScanByte.tab && byte != ScanByte.newline) || byte == ScanByte.ampersand
            || byte == ScanByte.backslash || byte == ScanByte.openBracket || byte == ScanByte.openParen
            || byte == ScanByte.openBrace
    }

    private mutating func appendIdentical(_ slice: ArraySlice<UInt8>) {
        bytes.append(contentsOf: slice)
    }

    private mutating func appendReplacement(_ replacement: [UInt8], for original: Range<Int>) {
        let start = bytes.count
        bytes.append(contentsOf: replacement)
        pieces.append(Piece(normalized: start..<bytes.count, original: original))
    }

    /// True when the last normalized byte was copied unchanged (so it may join a combining mark that follows).
    private var lastByteIsIdentical: Bool {
        !bytes.isEmpty && (pieces.last.map { $0.normalized.upperBound < bytes.count } ?? true)
    }

    /// One pass over the original.
    private struct Builder {
        let original: [UInt8]
        let markdownEscapes: Bool
        /// NFKC forms already computed in this text: Spanish repeats the same few accented letters.
        var cache: [String: [UInt8]] = [:]

        mutating func run(into text: inout NormalizedText) {
            var index = 0
            while index < original.count {
                let byte = original[index]
                if let length = TerminalSanitizer.controlLength(original, at: index) {
                    text.appendReplacement([], for: index..<(index + length))
                    index += length
                    continue
                }
                if byte < 0x80 {
                    if let (replacement, end) = special(at: index) {
                        text.appendReplacement(replacement, for: index..<end)
                        index = end
                    } else {
                        text.appendIdentical(original[index...index])
                        index += 1
                    }
                    continue
                }
                index = appendUnit(at: index, to: &text)
            }
        }

        /// A character reference, a Markdown escape or a defanged `.`/`@` at `index`: its normalized bytes and end.
        private mutating func special(at index: Int) -> ([UInt8], Int)? {
            switch original[index] {
            case ScanByte.ampersand:
                guard var (scalars, end) = HTMLEntities.decode(original, bodyStart: index + 1) else { return nil }
                // `&amp;#64;` is `@` to a reader who decodes twice (a page showing an escaped source).
                var rounds = 0
                while scalars == ["&"], rounds < 4, let (next, nextEnd) = HTMLEntities.decode(original, bodyStart: end) {
                    (scalars, end) = (next, nextEnd)
                    rounds += 1
                }
                return (normalized(scalars), end)
            case ScanByte.backslash:
                guard markdownEscapes, index + 1 < original.count, Self.isASCIIPunctuation(original[index + 1]) else { return nil }
                return ([original[index + 1]], index + 2)
            case ScanByte.space, ScanByte.openBracket, ScanByte.openParen, ScanByte.openBrace:
                return defanged(at: index)
            default:
                return nil
            }
        }

        private static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
            (0x21...0x2F).contains(byte) || (0x3A...0x40).contains(byte) || (0x5B...0x60).contains(byte)
                || (0x7B...0x7E).contains(byte)
        }

        /// Words of defanged addresses (`juan[at]example[dot]com`, `10[.]0[.]0[.]1`) and what they stand for.
        private static let defangWords: [([UInt8], UInt8)] = [
            (".", ScanByte.dot), ("dot", ScanByte.dot), ("punto", ScanByte.dot),
            ("@", ScanByte.at), ("at", ScanByte.at), ("arroba", ScanByte.at),
        ].map { (Array($0.0.utf8), $0.1) }

        /// `[at]`, `(dot)`, `{.}`, also with a blank on each side (` [at] `), at `index`.
        private func defanged(at index: Int) -> ([UInt8], Int)? {
            var cursor = index
            let spaced = original[cursor] == ScanByte.space
            if spaced { cursor += 1 }
            guard cursor < original.count else { return nil }
            let close: UInt8
            switch original[cursor] {
            case ScanByte.openBracket: close = ScanByte.closeBracket
            case ScanByte.openParen: close = ScanByte.closeParen
            case ScanByte.openBrace: close = ScanByte.closeBrace
            default: return nil
            }
            cursor += 1
            for (word, meaning) in Self.defangWords {
                let end = cursor + word.count
                guard end < original.count, original[end] == close,
                      zip(original[cursor..<end], word).allSatisfy({ ScanByte.lowercased($0) == $1 }) else { continue }
                var after = end + 1
                if spaced {
                    guard after < original.count, original[after] == ScanByte.space else { return nil }
                    after += 1
                }
                return ([meaning], after)
            }
            return nil
        }

        /// A non-ASCII character (a scalar with the combining marks after it, and the ASCII letter before it when
        /// a mark composes with it) in normalized form; returns the index after it.
        private mutating func appendUnit(at index: Int, to text: inout NormalizedText) -> Int {
            let (first, firstLength) = ScanByte.scalar(in: original, at: index)
            var scalars = [first]
            var start = index
            var end = index + firstLength
            if Self.isMark(first), index > 0, original[index - 1] < 0x80, text.lastByteIsIdentical,
               ScanByte.isAlphanumeric(original[index - 1]) {
                // `n` + U+0303 is `ñ`: the letter already copied joins its mark.
                start = index - 1
                text.bytes.removeLast()
                scalars.insert(Unicode.Scalar(original[index - 1]), at: 0)
            }
            while end < original.count, original[end] >= 0x80 {
                let (next, length) = ScanByte.scalar(in: original, at: end)
                guard Self.isMark(next) else { break }
                scalars.append(next)
                end += length
            }
            let replacement = normalized(scalars)
            if replacement.elementsEqual(original[start..<end]) {
                text.appendIdentical(original[start..<end])
            } else {
                text.appendReplacement(replacement, for: start..<end)
            }
            return end
        }

        /// NFKC of `scalars` without default-ignorable code points and control characters, as UTF-8.
        private mutating func normalized(_ scalars: [Unicode.Scalar]) -> [UInt8] {
            if scalars.count == 1, Self.removable(scalars[0]) { return [] }
            if scalars.count == 1, Self.isStable(scalars[0]) {
                return Array(String(Self.plainForm(of: scalars[0])).utf8)
            }
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars)
            let key = String(view)
            if let cached = cache[key] { return cached }
            var out = String.UnicodeScalarView()
            for scalar in key.precomposedStringWithCompatibilityMapping.unicodeScalars where !Self.removable(scalar) {
                out.append(Self.plainForm(of: scalar))
            }
            let result = Array(String(out).utf8)
            cache[key] = result
            return result
        }

        /// Scalars NFKC leaves alone, told without Foundation: ASCII, and Latin-1 letters (accented capitals
        /// included) and those whose NFKC case folding changes nothing.
        private static func isStable(_ scalar: Unicode.Scalar) -> Bool {
            let value = scalar.value
            if value < 0x80 || ((0xC0...0xFF).contains(value) && value != 0xD7 && value != 0xF7) { return true }
            return !scalar.properties.changesWhenNFKCCaseFolded
        }

        /// Dashes and full stops NFKC leaves alone but a reader takes for `-` and `.` (hyphen, non-breaking hyphen,
        /// figure and en dashes, minus sign; ideographic full stop).
        private static func plainForm(of scalar: Unicode.Scalar) -> Unicode.Scalar {
            switch scalar.value {
            case 0x2010...0x2013, 0x2212, 0xFE63: "-"
            case 0x3002: "."
            default: scalar
            }
        }

        /// Code points a reader never sees: default ignorables (zero-width, bidi, soft hyphen, BOM, variation
        /// selectors, tags) and controls other than tab and line feed.
        private static func removable(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isDefaultIgnorableCodePoint || TerminalSanitizer.isControl(scalar.value)
                || scalar.value == 0x0D
        }

        private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
            switch scalar.properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark: true
            default: false
            }
        }
    }
}
