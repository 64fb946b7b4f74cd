import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct CatalogueTests {
    static let spanish = Language.spanish.catalogue

    @Test(arguments: Language.allCases)
    func everyLanguageHasTheSameKeysOnceEach(language: Language) {
        let catalogue = language.catalogue
        #expect(catalogue.language == language)
        #expect(catalogue.repeatedKeys.isEmpty, "listed twice: \(catalogue.repeatedKeys)")
        #expect(Set(catalogue.keys).subtracting(Self.spanish.keys).isEmpty, "only in \(language): extra keys")
        let missing = Set(Self.spanish.keys).subtracting(catalogue.keys).sorted()
        #expect(missing.isEmpty, "\(language) lacks \(missing)")
    }

    @Test(arguments: Language.allCases)
    func placeholdersAgreeAcrossLanguages(language: Language) {
        for key in Self.spanish.keys {
            #expect(Set(Catalogue.placeholders(in: language.catalogue[key])) == Set(Catalogue.placeholders(in: Self.spanish[key])),
                    "\(language) \(key)")
        }
    }

    /// `t.review.heading` cannot be a word and hold `t.review.heading.summary` at once.
    @Test func noKeyIsAlsoThePrefixOfAnother() {
        let keys = Set(Self.spanish.keys)
        for key in keys {
            var prefix = Substring(key)
            while let dot = prefix.lastIndex(of: ".") {
                prefix = prefix[..<dot]
                #expect(!keys.contains(String(prefix)), "\(prefix) is a word and the prefix of \(key)")
            }
        }
    }

    /// Templates insert words as they are, in HTML and Markdown alike: none may hold markup of either.
    @Test(arguments: Language.allCases)
    func wordsAreInertInHTMLAndMarkdown(language: Language) {
        for key in language.catalogue.keys {
            let word = language.catalogue[key]
            #expect(!word.contains("<") && !word.contains("&"), "\(language) \(key): \(word)")
            #expect(!word.contains("*") && !word.contains("`") && !word.contains("[") && !word.contains("|"),
                    "\(language) \(key): \(word)")
        }
    }

    @Test func fillsPlaceholdersAndKeepsUnknownOnes() {
        #expect(Self.spanish("metric.time_to_escalation", ["target": "N2"]) == "Tiempo a escalamiento (N2)")
        #expect(Self.spanish("word.quoted", ["text": "{text} y {otro}"]) == "«{text} y {otro}»")
        #expect(Self.spanish("word.quoted") == "«{text}»")
        #expect(Self.spanish["no.such.key"] == "⟦no.such.key⟧")
        #expect(Catalogue.placeholders(in: "a {x} {y_2} {} {Z} {") == ["x", "y_2"])
    }

    @Test func severityNamesFollowTheManual() {
        #expect((1...5).map { Severity.name($0) } == ["Crítica", "Alto impacto", "Impacto medio", "Bajo impacto", "Solicitudes"])
        #expect(Severity.name(5, language: .english) == "Requests")
        #expect(Severity.name(0) == "?" && Severity.name(6, language: .english) == "?")
        for level in 1...5 {
            // The classifier's definition starts with the same name the scale gives.
            #expect(SeverityClassifier.definition(of: level, language: .spanish).hasPrefix(Severity.name(level) + ":"))
            #expect(SeverityClassifier.definition(of: level, language: .english)
                .hasPrefix(Severity.name(level, language: .english) + ":"))
        }
    }

    /// Keys built from an enumeration's raw values exist for every case.
    @Test(arguments: Language.allCases)
    func everyCaseHasItsWord(language: Language) {
        let words = language.catalogue
        var keys = EventKind.allCases.map { "event." + $0.rawValue } + TicketStatus.allCases.map { "status." + $0.rawValue }
        keys += ReviewMetric.Kind.allCases.flatMap { ["metric." + $0.rawValue, "metric.definition." + $0.rawValue] }
        keys += ReviewResolution.Kind.allCases.map { "review.resolution_kind." + $0.rawValue }
        keys += ReviewResolution.Kind.allCases.filter { $0 != .workaround && $0 != .fixAfterWorkaround }
            .map { "review.resolution." + $0.rawValue }
        keys += EscalationAdvice.Rule.allCases.map { "rule." + $0.rawValue }
        keys += ReviewProposal.Kind.allCases.map { "review.proposal_kind." + $0.rawValue }
        keys += AutomationKind.allCases.map { "automations.kind." + $0.rawValue }
        keys += ArticleSectionKind.allCases.map { "article.section." + $0.rawValue }
        keys += (1...5).flatMap { ["severity.name.\($0)", "severity.definition.\($0)", "guide.severity.\($0)",
                                   "guide.examples.\($0)", "guide.next.\($0)"] }
        keys += (0..<7).map { "automations.slot.weekday.\($0)" }
        for key in keys {
            #expect(words.contains(key), "\(language) lacks \(key)")
        }
        for kind in AutomationKind.allCases {
            #expect(!kind.countedMinutes(language: language).hasPrefix("⟦"))
        }
        // The headings drafts write are the ones the article parser knows, in the draft's language.
        for kind in ArticleSectionKind.allCases {
            #expect(ArticleSectionKind(heading: kind.heading(in: language)) == kind)
            #expect(ArticleSectionKind.language(ofHeading: kind.heading(in: language)) == language)
        }
    }

    /// Every key the code or the templates name exists, and every word is used by one of them.
    @Test func usedKeysExistAndEveryKeyIsUsed() throws {
        let root = SharedTestData.packageRoot
        let namespaces = Set(Self.spanish.keys.map { String($0.prefix { $0 != "." }) })
        let documents = Set(BuiltInTemplates.sources.keys.map { String($0.prefix { $0 != "." }) } + ["summary", "index"])
        var named: Set<String> = []
        var prefixes: Set<String> = []
        // The catalogues themselves and the generated copy of the templates do not count as uses.
        // The server's pages name words too.
        let sources = try (Self.files(under: root.appendingPathComponent("Sources/KBCore"), extension: "swift")
                           + Self.files(under: root.appendingPathComponent("Sources/KBServer"), extension: "swift")).filter {
            !$0.lastPathComponent.hasPrefix("Catalogue+") && $0.lastPathComponent != "BuiltInTemplates.swift"
        }
        for file in sources {
            let text = try String(contentsOf: file, encoding: .utf8)
            for literal in Self.matches(of: #""([a-z_]+\.[a-z0-9_.]*)(\\\(|")"#, in: text) {
                guard namespaces.contains(String(literal.key.prefix { $0 != "." })) else { continue }
                if literal.interpolated || literal.key.hasSuffix(".") {
                    // A key built at run time (`"event." + kind.rawValue`); a document's name followed by a dot is a
                    // file name instead (`"summary." + extension`, `"training.\(format)"`).
                    let group = literal.key.prefix { $0 != "." && $0 != "\\" }
                    if group.count + 1 < literal.key.count || !documents.contains(String(group)) { prefixes.insert(literal.key) }
                } else if !Self.fileExtensions.contains(where: { literal.key.hasSuffix($0) }) {
                    named.insert(literal.key)
                }
            }
        }
        for file in try Self.files(under: root.appendingPathComponent("templates"), extension: "mustache") {
            let text = try String(contentsOf: file, encoding: .utf8)
            for match in Self.matches(of: #"\{\{\{t\.([a-z0-9_.]+)\}\}\}()"#, in: text) { named.insert(match.key) }
        }
        let unknown = named.filter { !Self.spanish.contains($0) }.sorted()
        #expect(unknown.isEmpty, "named but not in the catalogue: \(unknown)")
        let unused = Self.spanish.keys.filter { key in !named.contains(key) && !prefixes.contains { key.hasPrefix($0) } }
        #expect(unused.isEmpty, "in the catalogue but never used: \(unused)")
        #expect(named.count > 300)
    }

    static let fileExtensions = [".md", ".html", ".json", ".txt", ".jsonl", ".csv", ".mustache", ".sqlite"]

    static func files(under directory: URL, extension pathExtension: String) throws -> [URL] {
        let enumerator = FileManager.default.enumerator(at: directory, includingPropertiesForKeys: nil)
        var found: [URL] = []
        while let url = enumerator?.nextObject() as? URL {
            if url.pathExtension == pathExtension { found.append(url) }
        }
        return found
    }

    /// Each match's first group, and whether its second group is an interpolation (`\(`).
    static func matches(of pattern: String, in text: String) -> [(key: String, interpolated: Bool)] {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return [] }
        let range = NSRange(text.startIndex..., in: text)
        return regex.matches(in: text, range: range).compactMap { match in
            guard let key = Range(match.range(at: 1), in: text) else { return nil }
            let tail = Range(match.range(at: 2), in: text).map { text[$0] } ?? ""
            return (String(text[key]), tail.hasPrefix("\\("))
        }
    }
}
