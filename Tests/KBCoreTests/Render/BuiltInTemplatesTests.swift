import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct BuiltInTemplatesTests {
    /// The compiled-in templates must be exactly the files in `templates/` (run scripts/embed-templates).
    @Test func matchTemplateFiles() throws {
        let root = SharedTestData.packageRoot.appendingPathComponent("templates")
        var files: [String: String] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard url.pathExtension == "mustache" else { continue }
            let key = String(url.standardizedFileURL.path.dropFirst(root.standardizedFileURL.path.count + 1).dropLast(".mustache".count))
            files[key] = try String(contentsOf: url, encoding: .utf8)
        }
        #expect(files.keys.sorted() == BuiltInTemplates.sources.keys.sorted(), "run scripts/embed-templates")
        for (key, text) in files {
            #expect(BuiltInTemplates.sources[key] == text, "\(key) differs from its built-in copy; run scripts/embed-templates")
        }
    }
}

@Suite struct DefaultSynonymsTests {
    @Test func matchShippedFile() throws {
        let url = SharedTestData.packageRoot.appendingPathComponent("kb/synonyms.txt")
        #expect(try String(contentsOf: url, encoding: .utf8) == DefaultSynonyms.text, "run scripts/embed-templates")
        _ = try Synonyms(parsing: DefaultSynonyms.text, analyzer: Analyzer())
    }
}
