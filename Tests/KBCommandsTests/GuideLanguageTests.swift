import Foundation
import Testing
import KBTestSupport
@testable import KBCore
@testable import KBCommands

/// The customer guide, as a customer reads it (issue 18, item 7): every sentence in the document's language (judged
/// by kb's language detector), no placeholder or heuristic wording, no chapter without articles, general articles
/// in the General chapter; on the demo store and on a generated one.
@Suite struct GuideLanguageTests {
    /// Texts no customer guide may hold, in any language.
    static let forbidden = ["(por asignar)", "porque la resolución menciona", "because the resolution mentions", "(unassigned)"]
    /// kb's English state and audience words, which a Spanish document must not show.
    static let englishStateWords = ["validated", "not_validated", "internal", "archived", "wip", "customer"]

    /// The sentences a reader sees in a Markdown guide: markup removed, split at sentence ends, lines and table cells.
    static func sentences(in markdown: String) -> [String] {
        var text = markdown
        // Links show their text; anchors and markup are not read.
        text = text.replacingOccurrences(of: "\\]\\(#[^)]*\\)", with: "", options: .regularExpression)
        text = text.replacingOccurrences(of: "[\\[\\]*`#>|]", with: "\n", options: .regularExpression)
        text = text.replacingOccurrences(of: "(?m)^\\s*(\\d+\\.|-)\\s+", with: "", options: .regularExpression)
        return text.components(separatedBy: CharacterSet(charactersIn: "\n.!?;:¿¡"))
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
    }

    static func guides(in directory: TemporaryDirectory) -> [(language: Language, text: String)] {
        Language.allCases.map { language in
            let result = runKB(["training", "--lang", language.rawValue, "--out", "-"], in: directory.url)
            #expect(result.code == 0, "\(result.stderr)")
            return (language, result.stdout)
        }
    }

    static func check(_ guides: [(language: Language, text: String)]) {
        for (language, text) in guides {
            for phrase in forbidden { #expect(!text.contains(phrase), "\(language): \(phrase)") }
            #expect(text.range(of: "(^|\\|)\\s*\\?\\s*($|\\|)", options: .regularExpression) == nil, "\(language): a lone ?")
            if language == .spanish {
                let words = Set(text.lowercased().split { !$0.isLetter && $0 != "_" }.map(String.init))
                for word in englishStateWords { #expect(!words.contains(word), "English state word \(word) in the Spanish guide") }
            }
            var read = 0
            // Key combinations ("Cmd + Shift + 4") name keys, whatever the language around them.
            for sentence in sentences(in: text) where sentence.split(separator: " ").count >= 3 && !sentence.contains(" + ") {
                read += 1
                let detected = LanguageDetector.detect(sentence)
                #expect(detected == nil || detected == language, "\(language) guide holds a \(detected!.rawValue) sentence: \(sentence)")
            }
            #expect(read >= 20, "\(language): too few sentences read (\(read))")
            // No chapter without articles: every chapter heading before the incident chapter is followed by one.
            let chapters = text.components(separatedBy: "\n## ").dropFirst().prefix { !$0.hasPrefix(IncidentReportGuide.title(in: language)) }
            for chapter in chapters.dropFirst() { #expect(chapter.contains("\n### "), "empty chapter: \(chapter.prefix(40))") }
        }
    }

    @Test func demoStoreGuidesAreInTheirLanguage() throws {
        let directory = try DemoStoreDocumentsTests.demoWorkspace()
        let guides = Self.guides(in: directory)
        Self.check(guides)
        let spanish = guides[0].text
        // Articles about support in general are in the General chapter, not Portal's.
        let general = try #require(spanish.components(separatedBy: "\n## General\n").dropFirst().first)
        #expect(general.contains("### Horarios de soporte según el plan contratado"))
        #expect(!spanish.components(separatedBy: "\n## General\n")[0].contains("### Horarios de soporte según el plan contratado"))
        // The FAQ answers in the article's words, never with support's past-tense notes.
        #expect(!spanish.contains("Restablecimos la contraseña") && !spanish.contains("Se actualizó el color"))
        #expect(guides[1].text.contains("How to change or reset your password?"))
    }

    @Test func generatedStoreGuidesAreInTheirLanguage() throws {
        let directory = try DemoStoreDocumentsTests.demoWorkspace()
        let generated = runKB(["generate", "--tickets", "400", "--seed", "7"], in: directory.url)
        #expect(generated.code == 0)
        try directory.write("generated.jsonl", generated.stdout)
        let imported = runKB(["import", "generated.jsonl"], in: directory.url)
        #expect(imported.code == 0, "\(imported.stderr)")
        Self.check(Self.guides(in: directory))
    }
}
