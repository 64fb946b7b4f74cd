/// Finds policy phrases in free text on whole words, ignoring case and diacritics (`Mensajería` = `mensajeria`).
///
/// Folding is done here, on Unicode scalars with a table for Latin letters, so the policy's matching
/// does not change when the search analyzer's normalisation does.
struct PolicyPhraseMatcher: Sendable {
    /// A phrase to look for: folded words, each optionally a prefix (written with a trailing `*`).
    struct Pattern: Sendable, Equatable {
        let source: String
        let words: [[UInt8]]
        let isPrefix: [Bool]

        /// Nil when the phrase has no word, or a `*` anywhere but at the end of a word.
        init?(_ source: String) {
            // `fa*lla` would silently become two words; a star must end its word.
            let scalars = Array(source.unicodeScalars)
            for (index, scalar) in scalars.enumerated() where scalar == "*" && index + 1 < scalars.count {
                let next = scalars[index + 1].properties
                if next.isAlphabetic || next.numericType != nil { return nil }
            }
            var words: [[UInt8]] = []
            var isPrefix: [Bool] = []
            for word in PolicyPhraseMatcher.words(of: source, keepingStars: true) {
                var bytes = word.folded
                let star = UInt8(ascii: "*")
                let prefix = bytes.last == star
                if prefix { bytes.removeLast() }
                guard !bytes.isEmpty, !bytes.contains(star) else { return nil }
                words.append(bytes)
                isPrefix.append(prefix)
            }
            guard !words.isEmpty else { return nil }
            self.source = source
            self.words = words
            self.isPrefix = isPrefix
        }
    }

    /// A word of the text: its folded bytes and where it sits in the original UTF-8.
    struct Word: Sendable {
        let folded: [UInt8]
        let start: Int
        let end: Int
    }

    /// A phrase found in the text: the pattern, the word index where it starts, and the original text it covers.
    struct Match: Sendable, Equatable {
        let pattern: Pattern
        let wordIndex: Int
        let text: String
    }

    let utf8: [UInt8]
    let words: [Word]

    init(text: String) {
        utf8 = Array(text.utf8)
        words = PolicyPhraseMatcher.words(of: text, keepingStars: false)
    }

    /// The first occurrence of a pattern, if any.
    func firstMatch(of pattern: Pattern) -> Match? {
        let count = pattern.words.count
        guard words.count >= count else { return nil }
        for start in 0...(words.count - count) where matches(pattern, at: start) {
            let first = words[start], last = words[start + count - 1]
            return Match(pattern: pattern, wordIndex: start,
                         text: String(decoding: utf8[first.start..<last.end], as: UTF8.self))
        }
        return nil
    }

    func matches(_ pattern: Pattern, at start: Int) -> Bool {
        for index in 0..<pattern.words.count {
            let word = words[start + index].folded
            let wanted = pattern.words[index]
            if pattern.isPrefix[index] {
                guard word.starts(with: wanted) else { return false }
            } else {
                guard word == wanted else { return false }
            }
        }
        return true
    }

    /// Splits text into folded words: letters and digits lower-cased with diacritics removed,
    /// anything else a separator. With `keepingStars`, `*` stays at the end of the word it follows.
    static func words(of text: String, keepingStars: Bool) -> [Word] {
        var result: [Word] = []
        var current: [UInt8] = []
        var start = 0
        var offset = 0
        func close(at end: Int) {
            if !current.isEmpty { result.append(Word(folded: current, start: start, end: end)) }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in text.unicodeScalars {
            let width = UTF8.width(scalar)
            defer { offset += width }
            if scalar.isASCII {
                let byte = UInt8(scalar.value)
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                    if current.isEmpty { start = offset }
                    current.append(byte)
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    if current.isEmpty { start = offset }
                    current.append(byte + 32)
                case UInt8(ascii: "*") where keepingStars && !current.isEmpty:
                    current.append(byte)
                    close(at: offset + width)
                default:
                    close(at: offset)
                }
                continue
            }
            // Combining marks belong to the letter before them and fold away.
            if (0x0300...0x036F).contains(scalar.value) {
                continue
            }
            guard scalar.properties.isAlphabetic || scalar.properties.numericType != nil else {
                close(at: offset)
                continue
            }
            if current.isEmpty { start = offset }
            for lower in scalar.properties.lowercaseMapping.unicodeScalars {
                if let folded = PolicyPhraseMatcher.foldTable[lower.value] {
                    current.append(contentsOf: folded.utf8)
                } else if !(0x0300...0x036F).contains(lower.value) {
                    current.append(contentsOf: String(lower).utf8)
                }
            }
        }
        close(at: offset)
        return result
    }

    /// Lower-case Latin letters with diacritics (Latin-1 Supplement and Latin Extended-A) → plain letters.
    static let foldTable: [UInt32: String] = {
        let groups: [(String, String)] = [
            ("àáâãäåāăą", "a"), ("çćĉċč", "c"), ("ďđð", "d"), ("èéêëēĕėęě", "e"), ("ĝğġģ", "g"), ("ĥħ", "h"),
            ("ìíîïĩīĭįı", "i"), ("ĵ", "j"), ("ķ", "k"), ("ĺļľŀł", "l"), ("ñńņňŉ", "n"), ("òóôõöøōŏő", "o"),
            ("ŕŗř", "r"), ("śŝşšſ", "s"), ("ţťŧ", "t"), ("ùúûüũūŭůűų", "u"), ("ŵ", "w"), ("ýÿŷ", "y"),
            ("źżž", "z"), ("æ", "ae"), ("œ", "oe"), ("ß", "ss"), ("þ", "th"), ("ĳ", "ij"),
        ]
        var table: [UInt32: String] = [:]
        for (letters, plain) in groups {
            for scalar in letters.unicodeScalars { table[scalar.value] = plain }
        }
        return table
    }()
}

extension PolicyPhraseMatcher.Match {
    /// Earlier in the text first; at the same place, the longer phrase, then the more exact one (fewer `*`).
    static func textOrder(_ lhs: PolicyPhraseMatcher.Match, _ rhs: PolicyPhraseMatcher.Match) -> Bool {
        if lhs.wordIndex != rhs.wordIndex { return lhs.wordIndex < rhs.wordIndex }
        if lhs.pattern.words.count != rhs.pattern.words.count { return lhs.pattern.words.count > rhs.pattern.words.count }
        let lhsStars = lhs.pattern.isPrefix.filter { $0 }.count, rhsStars = rhs.pattern.isPrefix.filter { $0 }.count
        if lhsStars != rhsStars { return lhsStars < rhsStars }
        return lhs.pattern.source < rhs.pattern.source
    }
}
