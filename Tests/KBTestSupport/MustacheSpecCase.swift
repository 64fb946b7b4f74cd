import Foundation
import KBCore
import Testing

/// One test case of the Mustache specification's JSON files (`../shared/testdata/mustache-spec`), for the
/// in-process renderer tests and the same cases through `kb render`.
public struct MustacheSpecCase: Sendable, CustomTestStringConvertible {
    public var file: String
    public var name: String
    public var template: String
    public var data: TemplateValue
    /// The case's data as JSON text, for `kb render --data`.
    public var dataJSON: Data
    public var partials: [String: String]
    public var expected: String

    public var testDescription: String { "\(file): \(name)" }

    /// The specification's required files.
    public static let files = ["comments", "delimiters", "interpolation", "inverted", "partials", "sections"]

    public static let directory = SharedTestData.url("mustache-spec")

    public static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: directory.appendingPathComponent("sections.json").path)
    }

    /// Every case of the six required files, or none when the shared test data is absent.
    public static let all: [MustacheSpecCase] = {
        guard isAvailable else { return [] }
        var cases: [MustacheSpecCase] = []
        for file in files {
            let url = directory.appendingPathComponent(file + ".json")
            guard let data = try? Data(contentsOf: url),
                  let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
                  let tests = root["tests"] as? [[String: Any]]
            else { continue }
            for test in tests {
                let value = test["data"] ?? NSNull()
                cases.append(MustacheSpecCase(
                    file: file,
                    name: test["name"] as? String ?? "?",
                    template: test["template"] as? String ?? "",
                    data: TemplateValue(jsonObject: value),
                    dataJSON: (try? JSONSerialization.data(withJSONObject: value, options: [.fragmentsAllowed])) ?? Data(),
                    partials: test["partials"] as? [String: String] ?? [:],
                    expected: test["expected"] as? String ?? ""))
            }
        }
        return cases
    }()
}
