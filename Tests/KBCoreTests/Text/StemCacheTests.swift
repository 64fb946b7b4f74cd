import Foundation
import Testing
@testable import KBCore

@Suite("Stem cache")
struct StemCacheTests {
    /// Text exercising everything a word's term depends on: case, precomposed and decomposed
    /// accents, ñ/ü/ç, Latin Extended letters, other scripts, apostrophes, soft hyphens and
    /// zero-width joiners inside words, codes (never cached) next to words.
    static let sample = """
        Las CONTRASEÑAS caducaron; la contraseña caducada. Llamadas entrantes, llamada ENTRANTE.
        El técnico reinició el servidor db-01 tras el error ERR-401 (versión 2.3). Pingüino, pingüinos.
        Decompuesto: conexio\u{301}n, conexión, CONEXIO\u{301}N. Ça va, garçon. Łódź, Straße, Œuvre, İstanbul.
        Palabras con guion\u{AD}suave y zero\u{200D}width. Ελληνικά κείμενα, русский текст, 中文字符.
        The customer's devices weren't connecting; customers' DEVICES don't connect. Skies, skis, dying.
        reinicio.Luego e-mail x86_64 10.0.0.1 SIP/2.0 nº 1ª \u{1F600} fin
        """

    static func words(count: Int) -> [String] {
        let syllables = ["ca", "ción", "ño", "ra", "pe", "güe", "TRA", "mien", "to", "ás", "ble", "men", "te", "sa", "dor", "ías"]
        return (0..<count).map { number in
            var word = ""
            var rest = number
            repeat {
                word += syllables[rest % syllables.count]
                rest /= syllables.count
            } while rest > 0
            return word
        }
    }

    @Test(arguments: Language.allCases)
    func cachedTermsEqualAnalysedTerms(language: Language) {
        let cached = Analyzer(language: language, cachesTerms: true)
        let plain = Analyzer(language: language, cachesTerms: false)
        let expected = plain.tokens(Self.sample)
        #expect(!expected.isEmpty)
        // The first pass fills the cache, the next ones are answered from it.
        for _ in 0..<3 {
            #expect(cached.tokens(Self.sample) == expected)
        }
    }

    /// More distinct words than the cache holds, twice over: the cache starts over along the way
    /// and every term stays the same.
    @Test func manyDistinctWordsOverflowTheCache() {
        let words = Self.words(count: StemCache.maximumEntries + 5_000)
        let text = words.joined(separator: " ")
        let cached = Analyzer(language: .spanish, cachesTerms: true)
        let plain = Analyzer(language: .spanish, cachesTerms: false)
        let expected = plain.terms(text)
        #expect(expected.count == words.count)
        #expect(cached.terms(text) == expected)
        #expect(cached.terms(text) == expected)
    }

    @Test func cacheStartsOverWhenFull() {
        var cache = StemCache()
        func insert(_ word: String) {
            let key = Array(word.utf8)
            let term = Array(word.uppercased().utf8)
            key.withUnsafeBufferPointer { key in
                term.withUnsafeBufferPointer { term in
                    cache.insert(key: key, hash: StemCache.hash(key), term: term)
                }
            }
        }
        func lookUp(_ word: String) -> String? {
            Array(word.utf8).withUnsafeBufferPointer { key in
                cache.term(for: key, hash: StemCache.hash(key)).map { String(decoding: $0, as: UTF8.self) }
            }
        }
        let words = Self.words(count: StemCache.maximumEntries)
        for word in words { insert(word) }
        #expect(cache.count == StemCache.maximumEntries)
        #expect(lookUp(words[0]) == words[0].uppercased())
        #expect(lookUp(words[words.count - 1]) == words[words.count - 1].uppercased())
        #expect(lookUp("nunca") == nil)
        insert("nunca")
        #expect(cache.count == 1)
        #expect(lookUp("nunca") == "NUNCA")
        #expect(lookUp(words[0]) == nil)
    }

    @Test func emptyAndSimilarKeysStayApart() {
        var cache = StemCache()
        let pairs = [("a", "x"), ("ab", "y"), ("ba", "z"), ("", "")]
        for (word, term) in pairs {
            Array(word.utf8).withUnsafeBufferPointer { key in
                Array(term.utf8).withUnsafeBufferPointer { term in
                    cache.insert(key: key, hash: StemCache.hash(key), term: term)
                }
            }
        }
        for (word, term) in pairs {
            let found = Array(word.utf8).withUnsafeBufferPointer { key in
                cache.term(for: key, hash: StemCache.hash(key)).map { String(decoding: $0, as: UTF8.self) }
            }
            #expect(found == term)
        }
    }

    /// Copies of one analyzer share its cache; used from several threads at once, each call either
    /// gets the cache or runs without it, and the terms are the same either way.
    @Test func concurrentUseGivesTheSameTerms() async {
        let analyzer = Analyzer(language: .spanish)
        let expected = Analyzer(language: .spanish, cachesTerms: false).tokens(Self.sample)
        let results = await withTaskGroup(of: Bool.self) { group in
            for _ in 0..<8 {
                group.addTask {
                    (0..<25).allSatisfy { _ in analyzer.tokens(Self.sample) == expected }
                }
            }
            return await group.reduce(into: [Bool]()) { $0.append($1) }
        }
        #expect(results == Array(repeating: true, count: 8))
    }

    /// An analysis started from inside another one's callback finds the cache checked out and
    /// runs without it.
    @Test func nestedAnalysisWorks() {
        let analyzer = Analyzer(language: .spanish)
        let expected = analyzer.terms("caducaron las contraseñas")
        var inner: [[String]] = []
        var outer: [String] = []
        var text = "caducaron las contraseñas"
        text.withUTF8 { utf8 in
            analyzer.analyze(utf8) { term, _, _ in
                outer.append(String(decoding: term, as: UTF8.self))
                inner.append(analyzer.terms("caducaron las contraseñas"))
                return true
            }
        }
        #expect(outer == expected)
        #expect(inner == Array(repeating: expected, count: expected.count))
        #expect(analyzer.terms("caducaron las contraseñas") == expected)
    }

    @Test func stoppingEarlyKeepsTheCache() {
        let analyzer = Analyzer(language: .spanish)
        var seen = 0
        var text = Self.sample
        text.withUTF8 { utf8 in
            analyzer.analyze(utf8) { _, _, _ in
                seen += 1
                return seen < 3
            }
        }
        #expect(seen == 3)
        #expect(analyzer.tokens(Self.sample) == Analyzer(language: .spanish, cachesTerms: false).tokens(Self.sample))
    }
}
