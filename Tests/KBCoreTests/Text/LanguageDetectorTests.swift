import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct LanguageDetectorTests {
    @Test(arguments: [
        ("No podemos acceder a la VPN desde esta mañana, todo el equipo está sin trabajar", Language.spanish),
        ("Las grabaciones de las llamadas de ayer no aparecen en el portal", .spanish),
        ("portal lento", .spanish),
        ("¿Dónde están los manuales?", .spanish),
        ("contraseña", .spanish),
        ("I would like to cancel my subscription, please refund the last payment", .english),
        ("Cancellation request", .english),
        ("The reports show times one hour off since the clock change", .english),
        ("I'm having an issue with the product. Please assist.", .english),
        ("charged twice", .english),
    ])
    func detectsSpanishAndEnglish(text: String, language: Language) {
        #expect(LanguageDetector.detect(text) == language, "\(LanguageDetector.evidence(text))")
    }

    /// German, French and Portuguese are neither: the workspace default applies to them.
    @Test(arguments: [
        "Sehr geehrte Damen und Herren, ich habe ein Problem mit der Plattform, die seit heute nicht mehr funktioniert.",
        "Bonjour, je ne peux pas me connecter à mon compte depuis la mise à jour, merci de votre aide.",
        "Prezados, não consigo acessar o portal desde ontem, vocês podem verificar com urgência?",
    ])
    func otherLanguagesAreUnknown(text: String) {
        #expect(LanguageDetector.detect(text) == nil, "\(LanguageDetector.evidence(text))")
    }

    @Test func textWithoutWordsIsUnknown() {
        #expect(LanguageDetector.detect("") == nil)
        #expect(LanguageDetector.detect("12345 -- ERR-401 !!") == nil)
    }

    /// Only the first `maximumWords` words are read, so a long text costs no more than that.
    @Test func readsABoundedNumberOfWords() {
        let text = String(repeating: "the customer cannot log in ", count: 10_000)
        #expect(LanguageDetector.evidence(text).words == LanguageDetector.maximumWords)
        #expect(LanguageDetector.detect(text) == .english)
    }

    /// Several texts read as one: a Spanish title over an English description is decided by the words of both.
    @Test func severalTextsReadAsOne() {
        #expect(LanguageDetector.detect(["Refund", "I was charged twice for my order and would like the money back"]) == .english)
        #expect(LanguageDetector.detect(["", "", "   "]) == nil)
    }

    /// A word's trigram score is the sum of the weights of every window of three characters of `^word$`, lower-cased
    /// as the detector lower-cases (ASCII and Latin-1 capitals): read as the text streams by, without the word at hand.
    @Test(arguments: [
        "a", "ab", "ción", "Último", "don't", "contraseña", "straße", "aaaaaaaaaaaa", "漢字仮名", "nação", "ción niño the",
    ])
    func trigramScoreIsEveryWindowOfThreeCharacters(text: String) {
        var expected = 0.0
        for word in text.split(separator: " ") {
            let characters = Array("^" + word.lowercased() + "$")
            for start in 0...(characters.count - 3) {
                let trigram = String(characters[start..<(start + 3)])
                expected += LanguageDetector.Trigrams.table[LanguageDetector.Trigrams.key(ArraySlice(trigram.utf8))] ?? 0
            }
            expected += word.contains("ñ") ? LanguageDetector.spanishLetterWeight : 0
        }
        let evidence = LanguageDetector.evidence(text)
        #expect(evidence.words == text.split(separator: " ").count)
        #expect(abs(evidence.trigramScore - expected) < 1e-9, "\(evidence.trigramScore) against \(expected)")
    }

    /// On XQuAD's parallel Spanish and English paragraphs (outside the repository; skipped when absent).
    @Test(arguments: [("xquad-es", Language.spanish), ("xquad-en", .english)])
    func xquadParagraphs(set: String, language: Language) throws {
        let corpus = SharedTestData.url("retrieval/\(set)/corpus.tsv")
        guard FileManager.default.fileExists(atPath: corpus.path) else {
            print("skipped: no \(corpus.path)")
            return
        }
        let rows = try String(contentsOf: corpus, encoding: .utf8).split(separator: "\n").dropFirst()
        let texts = rows.compactMap { $0.split(separator: "\t").dropFirst(2).first.map(String.init) }
        let right = texts.filter { LanguageDetector.detect($0) == language }.count
        #expect(texts.count == 240)
        #expect(right == texts.count)
    }
}
