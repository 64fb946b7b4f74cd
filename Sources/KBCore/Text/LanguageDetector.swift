/// Tells Spanish from English (and from other languages, which it reports as unknown) in a document's text.
///
/// Two kinds of evidence, read from at most `maximumWords` words of the UTF-8 text:
/// - **function words** (articles, prepositions, pronouns, greetings) of Spanish, English and of the other languages
///   support tickets come in (German, French, Portuguese, Italian): a text whose other-language function words
///   outnumber its Spanish and English ones is none of the two;
/// - **character trigrams** of each word (`^ca`, `ció`, `ón$`, `ing`, `th$`…), weighted by how much likelier they are
///   in Spanish than in English: the log-ratio of their frequencies in the Snowball vocabularies of the two
///   languages (see `LanguageDetector+Trigrams.swift`). They decide texts without function words ("cancellation",
///   "portal lento") and break ties.
///
/// `ñ`, `¿` and `¡` count for Spanish; `ã`, `õ`, `ç`, `è`, `ê`, `â`, `ô`, `ä`, `ö`, `ß`, `œ` for the other languages.
/// Measured by `kb-bench language` on public labelled text (README, "Retrieval quality").
public enum LanguageDetector {
    /// Words read at most: the first ones decide, and the cost stays bounded whatever the text's size.
    public static let maximumWords = 160
    /// The score (log-odds, Spanish positive) a text needs, either way, to be called Spanish or English.
    static let margin = 1.0
    /// Weight of one function word of a language over the other.
    static let functionWordWeight = 2.5
    /// Score added for `ñ`, `¿` or `¡`.
    static let spanishLetterWeight = 4.0
    /// Function-word hits counted for an other-language letter (`ã`, `ß`…).
    static let otherLetterHits = 2

    /// The evidence read from a text.
    public struct Evidence: Sendable, Equatable {
        /// Words read.
        public var words = 0
        /// Function words of Spanish, of English, and of the most frequent other language.
        public var spanishWords = 0
        public var englishWords = 0
        public var otherWords = 0
        /// Log-odds of Spanish over English from trigrams and letters (positive: Spanish).
        public var trigramScore = 0.0

        /// The language the evidence points to, or nil when it is another one or too weak to tell.
        public var language: Language? {
            guard words > 0 else { return nil }
            if otherWords >= 2, otherWords > max(spanishWords, englishWords) { return nil }
            let score = trigramScore + LanguageDetector.functionWordWeight * Double(spanishWords - englishWords)
            if score > LanguageDetector.margin { return .spanish }
            if score < -LanguageDetector.margin { return .english }
            return nil
        }
    }

    /// The language of `text`: Spanish, English, or nil (another language, or too little text to tell).
    public static func detect(_ text: String) -> Language? {
        evidence(text).language
    }

    /// The evidence `detect` decides on.
    public static func evidence(_ text: String) -> Evidence {
        var text = text
        return text.withUTF8 { evidence(utf8: $0) }
    }

    /// The language of several texts read as one (a ticket's title, description and resolution).
    public static func detect(_ texts: [String]) -> Language? {
        var evidence = Evidence()
        var others: [Int] = Array(repeating: 0, count: FunctionWords.otherLanguageCount)
        for text in texts where evidence.words < maximumWords {
            var text = text
            text.withUTF8 { read($0, into: &evidence, others: &others) }
        }
        evidence.otherWords = others.max() ?? 0
        return evidence.language
    }

    /// The evidence of UTF-8 text.
    public static func evidence(utf8: UnsafeBufferPointer<UInt8>) -> Evidence {
        var evidence = Evidence()
        var others: [Int] = Array(repeating: 0, count: FunctionWords.otherLanguageCount)
        read(utf8, into: &evidence, others: &others)
        evidence.otherWords = others.max() ?? 0
        return evidence
    }

    /// Adds the words of `utf8` to `evidence` (and each other language's function words to `others`) until
    /// `maximumWords` have been read.
    ///
    /// One pass over the bytes with nothing buffered: a word's FNV-1a hash (for the function words) grows a byte at a
    /// time, and each trigram is scored as its third character arrives, from the packed bytes of the two before it.
    /// Collecting each word into an array first and scanning it at its end took 7% of an import.
    private static func read(_ utf8: UnsafeBufferPointer<UInt8>, into evidence: inout Evidence, others: inout [Int]) {
        let trigrams = Trigrams.table
        let functionWords = FunctionWords.table
        let twoByteAlphabetic = Self.twoByteAlphabetic
        var word = TrigramWindow()
        var otherLetters = 0

        func score(_ trigram: UInt64?) {
            if let trigram, let weight = trigrams[trigram] { evidence.trigramScore += weight }
        }

        func endWord() {
            guard word.characters > 0 else { return }
            evidence.words += 1
            if let languages = functionWords[word.hash] {
                if languages & FunctionWords.spanish != 0 { evidence.spanishWords += 1 }
                if languages & FunctionWords.english != 0 { evidence.englishWords += 1 }
                for index in 0..<others.count where languages & (FunctionWords.firstOther << UInt8(index)) != 0 {
                    others[index] += 1
                }
            }
            score(word.closingKey())
            word = TrigramWindow()
        }

        var index = 0
        let count = utf8.count
        while index < count, evidence.words < maximumWords {
            let byte = utf8[index]
            if byte < 0x80 {
                switch byte {
                case UInt8(ascii: "a")...UInt8(ascii: "z"):
                    score(word.append(ascii: byte))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                    score(word.append(ascii: byte | 0x20))
                case UInt8(ascii: "'") where word.characters > 0 && index + 1 < count && Self.isASCIILetter(utf8[index + 1]):
                    score(word.append(ascii: byte))
                default:
                    endWord()
                }
                index += 1
                continue
            }
            // A multi-byte character: decode it (malformed bytes end the word and are skipped one at a time).
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 1
            guard length > 1, index + length <= count else {
                endWord()
                index += 1
                continue
            }
            var value = UInt32(byte) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
            for offset in 1..<length { value = (value << 6) | (UInt32(utf8[index + offset]) & 0x3F) }
            guard value < 0x800 ? twoByteAlphabetic[Int(value)] : Self.isAlphabetic(value) else {
                if value == 0xBF || value == 0xA1 { evidence.trigramScore += spanishLetterWeight }  // ¿ ¡
                endWord()
                index += length
                continue
            }
            // Latin-1 capitals (À…Þ but ×) lower-case by adding 0x20; others are rare enough to keep as they are.
            let lower = (0xC0...0xDE).contains(value) && value != 0xD7 ? value + 0x20 : value
            switch lower {
            case 0xF1: evidence.trigramScore += spanishLetterWeight  // ñ
            case 0xE3, 0xF5, 0xE7, 0xE8, 0xEA, 0xE2, 0xF4, 0xE4, 0xF6, 0xDF, 0x153: otherLetters += 1
            default: break
            }
            score(word.append(utf8: lower))
            index += length
        }
        endWord()
        if otherLetters > 0 {
            for language in 0..<others.count { others[language] += otherLetterHits }
        }
    }

    /// The word being read, as much of it as the detector needs: its FNV-1a hash so far, and the packed UTF-8 of its
    /// last two characters (the word starts after a `^`, as the trigrams were counted) to make each trigram's key with
    /// the next one (`Trigrams.key`: the bytes big-endian in an integer; 0, no trigram, past eight bytes).
    private struct TrigramWindow {
        var hash = FNV1a.offsetBasis
        /// Characters read (without the `^`).
        var characters = 0
        var previous: UInt64 = 0
        var previousLength = 0
        var last = UInt64(UInt8(ascii: "^"))
        var lastLength = 1

        /// Adds an ASCII character; returns the key of the trigram it ends, if any.
        @inline(__always)
        mutating func append(ascii byte: UInt8) -> UInt64? {
            hash = (hash ^ UInt64(byte)) &* FNV1a.prime
            return push(UInt64(byte), length: 1)
        }

        /// Adds the character of scalar `value` (at least U+0080), UTF-8 encoded; returns the key of the trigram it ends.
        @inline(__always)
        mutating func append(utf8 value: UInt32) -> UInt64? {
            var packed: UInt64 = 0
            var length = 0
            func add(_ byte: UInt32) {
                let byte = UInt8(truncatingIfNeeded: byte)
                hash = (hash ^ UInt64(byte)) &* FNV1a.prime
                packed = packed << 8 | UInt64(byte)
                length += 1
            }
            if value < 0x800 {
                add(0xC0 | (value >> 6))
            } else {
                if value < 0x10000 {
                    add(0xE0 | (value >> 12))
                } else {
                    add(0xF0 | (value >> 18))
                    add(0x80 | ((value >> 12) & 0x3F))
                }
                add(0x80 | ((value >> 6) & 0x3F))
            }
            add(0x80 | (value & 0x3F))
            return push(packed, length: length)
        }

        /// The key of the word's last trigram, the one its `$` ends.
        func closingKey() -> UInt64 {
            key(with: UInt64(UInt8(ascii: "$")), length: 1)
        }

        @inline(__always)
        private mutating func push(_ packed: UInt64, length: Int) -> UInt64? {
            let key = characters >= 1 ? key(with: packed, length: length) : nil
            (previous, previousLength, last, lastLength) = (last, lastLength, packed, length)
            characters += 1
            return key
        }

        /// The trigram of the last two characters and one of `length` bytes packed in `packed`; 0 (in no table)
        /// when the three take more than eight bytes.
        @inline(__always)
        private func key(with packed: UInt64, length: Int) -> UInt64 {
            guard previousLength + lastLength + length <= 8 else { return 0 }
            return previous << (8 * (lastLength + length)) | last << (8 * length) | packed
        }
    }

    /// Whether `value` is an alphabetic scalar, as `Unicode.Scalar.Properties.isAlphabetic` says; false when it is no
    /// scalar.
    private static func isAlphabetic(_ value: UInt32) -> Bool {
        guard let scalar = Unicode.Scalar(value) else { return false }
        return scalar.properties.isAlphabetic
    }

    /// `isAlphabetic` of U+0000 … U+07FF (every letter of Spanish and its neighbours, and whatever a malformed two-byte
    /// sequence decodes to), computed once from the property itself: asking the property cost a library call per
    /// accented letter.
    private static let twoByteAlphabetic: [Bool] = (0..<0x800).map { Unicode.Scalar(UInt32($0))!.properties.isAlphabetic }

    private static func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte | 0x20)
    }
}
