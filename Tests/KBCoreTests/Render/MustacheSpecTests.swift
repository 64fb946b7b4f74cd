import Foundation
import Testing
@testable import KBCore

/// One test case of the Mustache specification's JSON files.
struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    var file: String
    var name: String
    var template: String
    var data: TemplateValue
    var partials: [String: String]
    var expected: String

    var testDescription: String { "\(file): \(name)" }

    static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    /// Every case of the six required files, or none when the shared test data is absent.
    static let all: [MustacheSpecCase] = {
        guard RenderTestPaths.mustacheSpecIsAvailable else { return [] }
        var cases: [MustacheSpecCase] = []
        for file in files {
            let url = RenderTestPaths.mustacheSpecDirectory.appendingPathComponent(file + ".json")
            guard let data = try? Data(contentsOf: url),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = root["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                cases.append(MustacheSpecCase(
                    file: file,
                    name: test["name"] as? String ?? "?",
                    template: test["template"] as? String ?? "",
                    data: TemplateValue(jsonObject: test["data"] ?? NSNull()),
                    partials: test["partials"] as? [String: String] ?? [:],
                    expected: test["expected"] as? String ?? ""))
            }
        }
        return cases
    }()
}

@Suite struct MustacheSpecTests {
    @Test(.enabled(if: RenderTestPaths.mustacheSpecIsAvailable,
                   "../shared/testdata/mustache-spec is absent; the specification cases are skipped"),
          arguments: MustacheSpecCase.all)
    func specCase(_ specCase: MustacheSpecCase) throws {
        let template = try MustacheTemplate(source: specCase.template, name: specCase.name)
        let output = try template.render(specCase.data, partials: { specCase.partials[$0] })
        #expect(output == specCase.expected)
    }

    @Test(.enabled(if: RenderTestPaths.mustacheSpecIsAvailable,
                   "../shared/testdata/mustache-spec is absent; the specification cases are skipped"))
    func everyFileContributesCases() {
        let files = Set(MustacheSpecCase.all.map(\.file))
        #expect(files == Set(MustacheSpecCase.files))
        #expect(MustacheSpecCase.all.count >= 136)
    }
}
