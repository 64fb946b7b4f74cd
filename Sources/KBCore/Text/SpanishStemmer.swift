/// The Snowball Spanish stemmer (snowballstem.org, current rules including
/// the `-acion`/`-ucion` misspellings and the `y`-verb forms).
///
/// Written from the published algorithm; it reproduces Snowball's reference
/// output exactly. Accents other than `ü` and `ñ` are removed by the
/// algorithm's postlude; the analyzer folds what remains.
public struct SpanishStemmer: Stemmer {
    private let pronouns: SuffixTable
    private let pronounHosts: SuffixTable
    private let standardSuffixes: SuffixTable
    private let yVerbSuffixes: SuffixTable
    private let verbSuffixes: SuffixTable
    private let residualSuffixes: SuffixTable
    private let amenteSuffixes: SuffixTable
    private let menteSuffixes: SuffixTable
    private let idadSuffixes: SuffixTable

    /// Creates the stemmer, building its suffix tables once.
    public init() {
        pronouns = SuffixTable([
            ["me", "se", "sela", "selo", "selas", "selos", "la", "le", "lo", "las", "les", "los", "nos"],
        ])
        pronounHosts = SuffixTable([
            ["iéndo"], ["ándo"], ["ár"], ["ér"], ["ír"],
            ["ando", "iendo", "ar", "er", "ir"],
            ["yendo"],
        ])
        standardSuffixes = SuffixTable([
            [
                "anza", "anzas", "ico", "ica", "icos", "icas", "ismo", "ismos", "able", "ables",
                "ible", "ibles", "ista", "istas", "oso", "osa", "osos", "osas",
                "amiento", "amientos", "imiento", "imientos",
            ],
            [
                "adora", "ador", "ación", "adoras", "adores", "aciones", "ante", "antes",
                "ancia", "ancias", "acion",
            ],
            ["logía", "logías"],
            ["ución", "uciones", "ucion"],
            ["encia", "encias"],
            ["amente"],
            ["mente"],
            ["idad", "idades"],
            ["iva", "ivo", "ivas", "ivos"],
        ])
        yVerbSuffixes = SuffixTable([
            ["ya", "ye", "yan", "yen", "yeron", "yendo", "yo", "yó", "yas", "yes", "yais", "yamos"],
        ])
        verbSuffixes = SuffixTable([
            ["en", "es", "éis", "emos"],
            [
                "arían", "arías", "arán", "arás", "aríais", "aría", "aréis", "aríamos", "aremos", "ará", "aré",
                "erían", "erías", "erán", "erás", "eríais", "ería", "eréis", "eríamos", "eremos", "erá", "eré",
                "irían", "irías", "irán", "irás", "iríais", "iría", "iréis", "iríamos", "iremos", "irá", "iré",
                "aba", "ada", "ida", "ía", "ara", "iera", "ad", "ed", "id", "ase", "iese", "aste", "iste",
                "an", "aban", "ían", "aran", "ieran", "asen", "iesen", "aron", "ieron", "ado", "ido",
                "ando", "iendo", "ió", "ar", "er", "ir", "as", "abas", "adas", "idas", "ías", "aras",
                "ieras", "ases", "ieses", "ís", "áis", "abais", "íais", "arais", "ierais", "aseis",
                "ieseis", "asteis", "isteis", "ados", "idos", "amos", "ábamos", "íamos", "imos",
                "áramos", "iéramos", "iésemos", "ásemos",
            ],
        ])
        residualSuffixes = SuffixTable([
            ["os", "a", "o", "á", "í", "ó"],
            ["e", "é"],
        ])
        amenteSuffixes = SuffixTable([["iv"], ["os", "ic", "ad"]])
        menteSuffixes = SuffixTable([["ante", "able", "ible"]])
        idadSuffixes = SuffixTable([["abil", "ic", "iv"]])
    }

    /// Stems a lower-case word, held as Unicode scalar values, in place.
    public func stem(_ word: inout [UInt32]) {
        let regions = markRegions(word)
        removeAttachedPronoun(&word, regions)
        if !removeStandardSuffix(&word, regions), !removeYVerbSuffix(&word, regions) {
            removeVerbSuffix(&word, regions)
        }
        removeResidualSuffix(&word, regions)
        for index in word.indices {
            switch word[index] {
            case 0xE1: word[index] = 0x61  // á
            case 0xE9: word[index] = 0x65  // é
            case 0xED: word[index] = 0x69  // í
            case 0xF3: word[index] = 0x6F  // ó
            case 0xFA: word[index] = 0x75  // ú
            default: break
            }
        }
    }

    // MARK: - Regions

    /// RV, R1 and R2 start positions (Snowball's pV, p1, p2).
    private struct Regions {
        var rv: Int
        var r1: Int
        var r2: Int
    }

    private static func isVowel(_ scalar: UInt32) -> Bool {
        switch scalar {
        case 0x61, 0x65, 0x69, 0x6F, 0x75, 0xE1, 0xE9, 0xED, 0xF3, 0xFA, 0xFC: true
        default: false
        }
    }

    /// Index just past the first vowel (or non-vowel) at or after `start`.
    private static func position(after wantVowel: Bool, in word: [UInt32], from start: Int) -> Int? {
        var index = start
        while index < word.count {
            if isVowel(word[index]) == wantVowel { return index + 1 }
            index += 1
        }
        return nil
    }

    private func markRegions(_ word: [UInt32]) -> Regions {
        let count = word.count
        var regions = Regions(rv: count, r1: count, r2: count)
        if count >= 2 {
            let firstIsVowel = Self.isVowel(word[0])
            let secondIsVowel = Self.isVowel(word[1])
            switch (firstIsVowel, secondIsVowel) {
            case (true, false), (false, false):
                // Second letter a consonant: RV starts after the next vowel.
                if let end = Self.position(after: true, in: word, from: 2) { regions.rv = end }
            case (true, true):
                // Two leading vowels: RV starts after the next consonant.
                if let end = Self.position(after: false, in: word, from: 2) { regions.rv = end }
            case (false, true):
                // Consonant then vowel: RV starts after the third letter.
                if count >= 3 { regions.rv = 3 }
            }
        }
        if let vowelEnd = Self.position(after: true, in: word, from: 0),
           let r1 = Self.position(after: false, in: word, from: vowelEnd) {
            regions.r1 = r1
            if let secondVowelEnd = Self.position(after: true, in: word, from: r1),
               let r2 = Self.position(after: false, in: word, from: secondVowelEnd) {
                regions.r2 = r2
            }
        }
        return regions
    }

    // MARK: - Steps

    /// Step 0: an enclitic pronoun after a gerund or infinitive.
    private func removeAttachedPronoun(_ word: inout [UInt32], _ regions: Regions) {
        guard let pronoun = pronouns.longestMatch(in: word, end: word.count),
              let host = pronounHosts.longestMatch(in: word, end: pronoun.start),
              host.start >= regions.rv
        else { return }
        switch host.rule {
        case 0: word.replaceTail(from: host.start, with: "iendo")
        case 1: word.replaceTail(from: host.start, with: "ando")
        case 2: word.replaceTail(from: host.start, with: "ar")
        case 3: word.replaceTail(from: host.start, with: "er")
        case 4: word.replaceTail(from: host.start, with: "ir")
        case 5: word.truncate(to: pronoun.start)
        default:
            if host.start >= 1, word[host.start - 1] == 0x75 {  // u
                word.truncate(to: pronoun.start)
            }
        }
    }

    /// Step 1: derivational suffixes; false when none applies.
    private func removeStandardSuffix(_ word: inout [UInt32], _ regions: Regions) -> Bool {
        guard let match = standardSuffixes.longestMatch(in: word, end: word.count) else { return false }
        let start = match.start
        switch match.rule {
        case 0:
            guard start >= regions.r2 else { return false }
            word.truncate(to: start)
        case 1:
            guard start >= regions.r2 else { return false }
            word.truncate(to: start)
            if word.hasASCII("ic", endingAt: start), start - 2 >= regions.r2 {
                word.truncate(to: start - 2)
            }
        case 2:
            guard start >= regions.r2 else { return false }
            word.replaceTail(from: start, with: "log")
        case 3:
            guard start >= regions.r2 else { return false }
            word.replaceTail(from: start, with: "u")
        case 4:
            guard start >= regions.r2 else { return false }
            word.replaceTail(from: start, with: "ente")
        case 5:
            guard start >= regions.r1 else { return false }
            word.truncate(to: start)
            if let inner = amenteSuffixes.longestMatch(in: word, end: start), inner.start >= regions.r2 {
                word.truncate(to: inner.start)
                if inner.rule == 0, word.hasASCII("at", endingAt: inner.start), inner.start - 2 >= regions.r2 {
                    word.truncate(to: inner.start - 2)
                }
            }
        case 6:
            guard start >= regions.r2 else { return false }
            word.truncate(to: start)
            if let inner = menteSuffixes.longestMatch(in: word, end: start), inner.start >= regions.r2 {
                word.truncate(to: inner.start)
            }
        case 7:
            guard start >= regions.r2 else { return false }
            word.truncate(to: start)
            if let inner = idadSuffixes.longestMatch(in: word, end: start), inner.start >= regions.r2 {
                word.truncate(to: inner.start)
            }
        default:
            guard start >= regions.r2 else { return false }
            word.truncate(to: start)
            if word.hasASCII("at", endingAt: start), start - 2 >= regions.r2 {
                word.truncate(to: start - 2)
            }
        }
        return true
    }

    /// Step 2a: verb forms beginning with `y` after `u` (huyendo, construyó).
    private func removeYVerbSuffix(_ word: inout [UInt32], _ regions: Regions) -> Bool {
        guard regions.rv <= word.count,
              let match = yVerbSuffixes.longestMatch(in: word, end: word.count, limit: regions.rv),
              match.start >= 1, word[match.start - 1] == 0x75  // u
        else { return false }
        word.truncate(to: match.start)
        return true
    }

    /// Step 2b: other verb endings inside RV.
    private func removeVerbSuffix(_ word: inout [UInt32], _ regions: Regions) {
        guard regions.rv <= word.count,
              let match = verbSuffixes.longestMatch(in: word, end: word.count, limit: regions.rv)
        else { return }
        var start = match.start
        // "gu" + e-ending: the u only marks the hard g, so it goes too.
        if match.rule == 0, start >= 2, word[start - 1] == 0x75, word[start - 2] == 0x67 {
            start -= 1
        }
        word.truncate(to: start)
    }

    /// Step 3: residual vowels inside RV.
    private func removeResidualSuffix(_ word: inout [UInt32], _ regions: Regions) {
        guard let match = residualSuffixes.longestMatch(in: word, end: word.count),
              match.start >= regions.rv
        else { return }
        let start = match.start
        word.truncate(to: start)
        if match.rule == 1, start >= 2, word[start - 1] == 0x75, word[start - 2] == 0x67,
           start - 1 >= regions.rv {
            word.truncate(to: start - 1)
        }
    }
}
