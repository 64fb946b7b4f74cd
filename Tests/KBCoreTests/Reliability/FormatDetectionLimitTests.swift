import Foundation
import Testing
import KBTestSupport
@testable import KBCore

/// A first record longer than detection's 64 KB look (a ticket with a long timeline) is still told apart: before,
/// `kb import` refused the whole file with "cannot tell the format".
@Suite struct FormatDetectionLimitTests {
    static let padding = String(repeating: "{\"at\":\"2026-03-02T09:20:00-03:00\",\"kind\":\"comment\"},", count: 3_000)

    @Test(arguments: [
        ("{\"id\":\"T-1\",\"title\":\"x\",\"severity\":3,\"events\":[" + padding, ImportFormat.jsonl),
        ("{\"id\":7,\"subject\":\"x\",\"requester_id\":5,\"comments\":[" + padding, ImportFormat.zendesk),
        ("{\"tickets\":[{\"id\":7,\"comments\":[" + padding, ImportFormat.zendesk),
    ])
    func longFirstRecord(start: String, format: ImportFormat) throws {
        let text = start + "{}]}\n"
        #expect(text.utf8.count > ImportFormat.detectionPrefixBytes)
        #expect(try ImportFormat.detect(prefix: Array(text.utf8.prefix(ImportFormat.detectionPrefixBytes)), isWholeFile: false,
                                        file: "big") == format)
    }

    /// Member names deeper than the outermost object do not count.
    @Test func nestedNamesDoNotCount() {
        let text = "{\"data\":{\"id\":\"T-1\",\"title\":\"x\"},\"events\":[" + Self.padding
        #expect(throws: ImportFormatError.self) {
            try ImportFormat.detect(prefix: Array(text.utf8.prefix(ImportFormat.detectionPrefixBytes)), isWholeFile: false, file: "big")
        }
    }
}
