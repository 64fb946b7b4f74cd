import Testing
@testable import KBCommands

@Suite struct VersionTests {
    @Test func hasVersion() {
        #expect(!KB.version.isEmpty)
    }
}
