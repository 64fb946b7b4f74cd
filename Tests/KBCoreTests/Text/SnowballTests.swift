import Foundation
import Testing
@testable import KBCore

/// Snowball's reference vocabularies live outside the repository, in
/// `../shared/testdata/snowball/` next to the package root.
private enum SnowballReference {
    static let directory: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // Text
        .deletingLastPathComponent()  // KBCoreTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // package root
        .appendingPathComponent("../shared/testdata/snowball")
        .standardizedFileURL

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("spanish_voc.txt").path)
    }

    static func lines(_ name: String) throws -> [Substring] {
        let data = try Data(contentsOf: directory.appendingPathComponent(name))
        let text = try #require(String(data: data, encoding: .utf8))
        return text.split(separator: "\n", omittingEmptySubsequences: false).dropLast(text.hasSuffix("\n") ? 1 : 0).map { $0 }
    }

    /// Stems every vocabulary word and returns the lines that disagree.
    static func mismatches(of stemmer: some Stemmer, vocabulary: String, output: String) throws -> (total: Int, failures: [String]) {
        let words = try lines(vocabulary)
        let expected = try lines(output)
        #expect(words.count == expected.count, "\(vocabulary) and \(output) differ in length")
        var failures: [String] = []
        for (word, stem) in zip(words, expected) {
            let actual = stemmer.stem(String(word))
            if actual != stem {
                failures.append("\(word) → \(actual), expected \(stem)")
            }
        }
        return (words.count, failures)
    }
}

@Suite("Snowball stemmers")
struct SnowballTests {
    @Test(.enabled(if: SnowballReference.isAvailable, "needs ../shared/testdata/snowball"))
    func spanishMatchesReferenceOutput() throws {
        let result = try SnowballReference.mismatches(
            of: SpanishStemmer(), vocabulary: "spanish_voc.txt", output: "spanish_output.txt")
        #expect(result.total == 28_378)
        #expect(result.failures.isEmpty, "\(result.failures.count) mismatches: \(result.failures.prefix(50).joined(separator: "; "))")
    }

    @Test(.enabled(if: SnowballReference.isAvailable, "needs ../shared/testdata/snowball"))
    func englishMatchesReferenceOutput() throws {
        let result = try SnowballReference.mismatches(
            of: EnglishStemmer(), vocabulary: "english_voc.txt", output: "english_output.txt")
        #expect(result.total == 42_649)
        #expect(result.failures.isEmpty, "\(result.failures.count) mismatches: \(result.failures.prefix(50).joined(separator: "; "))")
    }
}
