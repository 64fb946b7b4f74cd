/// The Snowball English stemmer (Porter2, current rules).
///
/// Written from the published algorithm, including its exceptional forms
/// (`skies`, `news`, `proceed`, `inning`, `dying`…), the region prefixes
/// (`gener`, `commun`, `arsen`, `past`, `univers`, `later`, `emerg`, `organ`,
/// `inter`) and the `y`→`Y` marking of consonant `y`; it reproduces
/// Snowball's reference output exactly. Apostrophes (`'`) are handled as
/// Snowball does.
public struct EnglishStemmer: Stemmer {
    private let exceptions: [(word: [UInt32], stem: [UInt32])]
    private let regionPrefixes: [[UInt32]]
    private let step1aApostrophes: SuffixTable
    private let step1aSuffixes: SuffixTable
    private let step1bSuffixes: SuffixTable
    private let step1bIngStems: SuffixTable
    private let step1bEndings: SuffixTable
    private let step2Suffixes: SuffixTable
    private let step3Suffixes: SuffixTable
    private let step4Suffixes: SuffixTable

    /// Creates the stemmer, building its suffix tables once.
    public init() {
        let exceptionPairs: [(String, String)] = [
            ("skis", "ski"), ("skies", "sky"),
            ("idly", "idl"), ("gently", "gentl"), ("ugly", "ugli"), ("early", "earli"),
            ("only", "onli"), ("singly", "singl"),
            ("sky", "sky"), ("news", "news"), ("howe", "howe"),
            ("atlas", "atlas"), ("cosmos", "cosmos"), ("bias", "bias"), ("andes", "andes"),
        ]
        exceptions = exceptionPairs.map { ($0.0.unicodeScalars.map(\.value), $0.1.unicodeScalars.map(\.value)) }
        regionPrefixes = ["gener", "commun", "arsen", "past", "univers", "later", "emerg", "organ", "inter"]
            .map { $0.unicodeScalars.map(\.value) }
        step1aApostrophes = SuffixTable([["'", "'s", "'s'"]])
        step1aSuffixes = SuffixTable([["sses"], ["ied", "ies"], ["s"], ["us", "ss"]])
        step1bSuffixes = SuffixTable([["eed", "eedly"], ["ed", "edly", "ingly"], ["ing"]])
        step1bIngStems = SuffixTable([["y"], ["inn", "out", "cann", "herr", "earr", "even"]])
        step1bEndings = SuffixTable([
            ["at", "bl", "iz"],
            ["bb", "dd", "ff", "gg", "mm", "nn", "pp", "rr", "tt"],
        ])
        step2Suffixes = SuffixTable([
            ["tional"], ["enci"], ["anci"], ["abli"], ["entli"], ["izer", "ization"],
            ["ational", "ation", "ator"], ["alism", "aliti", "alli"], ["fulness"],
            ["ousli", "ousness"], ["iveness", "iviti"], ["biliti", "bli"], ["ogist"], ["ogi"],
            ["fulli"], ["lessli"], ["li"],
        ])
        step3Suffixes = SuffixTable([
            ["tional"], ["ational"], ["alize"], ["icate", "iciti", "ical"], ["ful", "ness"], ["ative"],
        ])
        step4Suffixes = SuffixTable([
            [
                "al", "ance", "ence", "er", "ic", "able", "ible", "ant", "ement", "ment", "ent",
                "ism", "ate", "iti", "ous", "ive", "ize",
            ],
            ["ion"],
        ])
    }

    /// Stems a lower-case word, held as Unicode scalar values, in place.
    public func stem(_ word: inout [UInt32]) {
        if applyException(&word) { return }
        guard word.count >= 3 else { return }

        let foundY = markConsonantY(&word)
        let regions = markRegions(word)
        step1a(&word)
        step1b(&word, regions)
        step1c(&word)
        step2(&word, regions)
        step3(&word, regions)
        step4(&word, regions)
        step5(&word, regions)
        if foundY {
            for index in word.indices where word[index] == Letter.capitalY {
                word[index] = Letter.y
            }
        }
    }

    // MARK: - Letters and regions

    private enum Letter {
        static let apostrophe: UInt32 = 0x27
        static let capitalY: UInt32 = 0x59
        static let e: UInt32 = 0x65
        static let i: UInt32 = 0x69
        static let l: UInt32 = 0x6C
        static let s: UInt32 = 0x73
        static let t: UInt32 = 0x74
        static let y: UInt32 = 0x79
    }

    private struct Regions {
        var r1: Int
        var r2: Int
    }

    /// Vowels are a e i o u y; a `y` marked as consonant (`Y`) is not one.
    private static func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79: true
        default: false
        }
    }

    /// Vowels plus w, x and Y: letters that cannot close a short syllable.
    private static func isVowelWXY(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0x79, 0x77, 0x78, 0x59: true
        default: false
        }
    }

    private static func position(after wantVowel: Bool, in word: [UInt32], from start: Int) -> Int? {
        var index = start
        while index < word.count {
            if isVowel(word[index]) == wantVowel { return index + 1 }
            index += 1
        }
        return nil
    }

    private static func containsVowel(_ word: [UInt32], before end: Int) -> Bool {
        var index = 0
        while index < end {
            if isVowel(word[index]) { return true }
            index += 1
        }
        return false
    }

    /// Whether `word[..<end]` ends in a short syllable.
    private static func endsWithShortSyllable(_ word: [UInt32], end: Int) -> Bool {
        if end >= 3, !isVowelWXY(word[end - 1]), isVowel(word[end - 2]), !isVowel(word[end - 3]) {
            return true
        }
        if end == 2, !isVowel(word[1]), isVowel(word[0]) {
            return true
        }
        // pasted, pasting: "past" counts as short so the e comes back.
        return word.hasASCII("past", endingAt: end)
    }

    /// Words stemmed by fiat or left alone; true when `word` was one.
    private func applyException(_ word: inout [UInt32]) -> Bool {
        guard word.count <= 6 else { return false }
        for exception in exceptions where exception.word == word {
            word.removeAll(keepingCapacity: true)
            word.append(contentsOf: exception.stem)
            return true
        }
        return false
    }

    /// Drops a leading apostrophe and marks consonant `y` as `Y`; true when
    /// any `y` was marked.
    private func markConsonantY(_ word: inout [UInt32]) -> Bool {
        if word[0] == Letter.apostrophe {
            word.removeFirst()
        }
        var foundY = false
        if word.first == Letter.y {
            word[0] = Letter.capitalY
            foundY = true
        }
        var index = 1
        while index < word.count {
            if word[index] == Letter.y, Self.isVowel(word[index - 1]) {
                word[index] = Letter.capitalY
                foundY = true
            }
            index += 1
        }
        return foundY
    }

    private func markRegions(_ word: [UInt32]) -> Regions {
        let count = word.count
        var regions = Regions(r1: count, r2: count)
        var r1: Int?
        for prefix in regionPrefixes where word.starts(with: prefix) {
            r1 = prefix.count
            break
        }
        if r1 == nil, let vowelEnd = Self.position(after: true, in: word, from: 0) {
            r1 = Self.position(after: false, in: word, from: vowelEnd)
        }
        guard let r1 else { return regions }
        regions.r1 = r1
        if let vowelEnd = Self.position(after: true, in: word, from: r1),
           let r2 = Self.position(after: false, in: word, from: vowelEnd) {
            regions.r2 = r2
        }
        return regions
    }

    // MARK: - Steps

    /// Possessives and plurals.
    private func step1a(_ word: inout [UInt32]) {
        if let apostrophe = step1aApostrophes.longestMatch(in: word, end: word.count) {
            word.truncate(to: apostrophe.start)
        }
        guard let match = step1aSuffixes.longestMatch(in: word, end: word.count) else { return }
        let start = match.start
        switch match.rule {
        case 0:
            word.truncate(to: start + 2)  // sses → ss
        case 1:
            // ties → tie, but cries → cri.
            word.replaceTail(from: start, with: start >= 2 ? "i" : "ie")
        case 2:
            // gas stays, gaps → gap: a vowel must precede the letter before s.
            if start >= 1, Self.containsVowel(word, before: start - 1) {
                word.truncate(to: start)
            }
        default:
            break
        }
    }

    /// -eed, -ed, -ing and their -ly forms.
    private func step1b(_ word: inout [UInt32], _ regions: Regions) {
        guard let match = step1bSuffixes.longestMatch(in: word, end: word.count) else { return }
        let start = match.start
        switch match.rule {
        case 0:
            // proceed, exceed, succeed keep their ending.
            let isException = start == 4 && word.hasASCII("proc", endingAt: start)
                || start == 3 && word.hasASCII("exc", endingAt: start)
                || start == 4 && word.hasASCII("succ", endingAt: start)
            if !isException, start >= regions.r1 {
                word.replaceTail(from: start, with: "ee")
            }
            return
        case 2:
            if let stem = step1bIngStems.longestMatch(in: word, end: start) {
                if stem.rule == 0 {
                    // dying → die, lying → lie, tying → tie, vying → vie.
                    if stem.start == 1, !Self.isVowel(word[0]) {
                        word.replaceTail(from: stem.start, with: "ie")
                        return
                    }
                } else if stem.start == 0 {
                    // inning, outing, canning, herring, earring, evening.
                    return
                }
            }
        default:
            break
        }

        guard Self.containsVowel(word, before: start) else { return }
        word.truncate(to: start)
        if let ending = step1bEndings.longestMatch(in: word, end: start) {
            if ending.rule == 0 {
                word.append(Letter.e)  // luxuriat → luxuriate
            } else if !(ending.start == 1 && Self.isAEO(word[0])) {
                word.removeLast()  // hopp → hop, but add and egg stay
            }
        } else if start == regions.r1, Self.endsWithShortSyllable(word, end: start) {
            word.append(Letter.e)  // hop → hope
        }
    }

    private static func isAEO(_ scalar: UInt32) -> Bool {
        scalar == 0x61 || scalar == 0x65 || scalar == 0x6F
    }

    /// Final y after a consonant that is not the first letter becomes i.
    private func step1c(_ word: inout [UInt32]) {
        let last = word.count - 1
        guard last >= 2,
              word[last] == Letter.y || word[last] == Letter.capitalY,
              !Self.isVowel(word[last - 1])
        else { return }
        word[last] = Letter.i
    }

    private func step2(_ word: inout [UInt32], _ regions: Regions) {
        guard let match = step2Suffixes.longestMatch(in: word, end: word.count),
              match.start >= regions.r1
        else { return }
        let start = match.start
        switch match.rule {
        case 0: word.replaceTail(from: start, with: "tion")
        case 1: word.replaceTail(from: start, with: "ence")
        case 2: word.replaceTail(from: start, with: "ance")
        case 3: word.replaceTail(from: start, with: "able")
        case 4: word.replaceTail(from: start, with: "ent")
        case 5: word.replaceTail(from: start, with: "ize")
        case 6: word.replaceTail(from: start, with: "ate")
        case 7: word.replaceTail(from: start, with: "al")
        case 8: word.replaceTail(from: start, with: "ful")
        case 9: word.replaceTail(from: start, with: "ous")
        case 10: word.replaceTail(from: start, with: "ive")
        case 11: word.replaceTail(from: start, with: "ble")
        case 12: word.replaceTail(from: start, with: "og")
        case 13:
            if start >= 1, word[start - 1] == Letter.l {
                word.replaceTail(from: start, with: "og")
            }
        case 14: word.replaceTail(from: start, with: "ful")
        case 15: word.replaceTail(from: start, with: "less")
        default:
            if start >= 1, Self.isValidLIEnding(word[start - 1]) {
                word.truncate(to: start)
            }
        }
    }

    /// Letters after which a final -li is an adverb ending: c d e g h k m n r t.
    private static func isValidLIEnding(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x63, 0x64, 0x65, 0x67, 0x68, 0x6B, 0x6D, 0x6E, 0x72, 0x74: true
        default: false
        }
    }

    private func step3(_ word: inout [UInt32], _ regions: Regions) {
        guard let match = step3Suffixes.longestMatch(in: word, end: word.count),
              match.start >= regions.r1
        else { return }
        let start = match.start
        switch match.rule {
        case 0: word.replaceTail(from: start, with: "tion")
        case 1: word.replaceTail(from: start, with: "ate")
        case 2: word.replaceTail(from: start, with: "al")
        case 3: word.replaceTail(from: start, with: "ic")
        case 4: word.truncate(to: start)
        default:
            if start >= regions.r2 {
                word.truncate(to: start)
            }
        }
    }

    private func step4(_ word: inout [UInt32], _ regions: Regions) {
        guard let match = step4Suffixes.longestMatch(in: word, end: word.count),
              match.start >= regions.r2
        else { return }
        let start = match.start
        if match.rule == 0 {
            word.truncate(to: start)
        } else if start >= 1, word[start - 1] == Letter.s || word[start - 1] == Letter.t {
            word.truncate(to: start)
        }
    }

    private func step5(_ word: inout [UInt32], _ regions: Regions) {
        guard let last = word.indices.last else { return }
        if word[last] == Letter.e {
            if last >= regions.r2 || (last >= regions.r1 && !Self.endsWithShortSyllable(word, end: last)) {
                word.removeLast()
            }
        } else if word[last] == Letter.l {
            if last >= regions.r2, last >= 1, word[last - 1] == Letter.l {
                word.removeLast()
            }
        }
    }
}
