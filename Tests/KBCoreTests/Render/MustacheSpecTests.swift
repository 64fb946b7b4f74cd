import Foundation
import Testing
import KBTestSupport
@testable import KBCore

@Suite struct MustacheSpecTests {
    @Test(.enabled(if: MustacheSpecCase.isAvailable,
                   "../shared/testdata/mustache-spec is absent; the specification cases are skipped"),
          arguments: MustacheSpecCase.all)
    func specCase(_ specCase: MustacheSpecCase) throws {
        let template = try MustacheTemplate(source: specCase.template, name: specCase.name)
        let output = try template.render(specCase.data, partials: { specCase.partials[$0] })
        #expect(output == specCase.expected)
    }

    @Test(.enabled(if: MustacheSpecCase.isAvailable,
                   "../shared/testdata/mustache-spec is absent; the specification cases are skipped"))
    func everyFileContributesCases() {
        let files = Set(MustacheSpecCase.all.map(\.file))
        #expect(files == Set(MustacheSpecCase.files))
        #expect(MustacheSpecCase.all.count >= 136)
    }
}
