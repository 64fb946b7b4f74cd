import Foundation
import Testing
import KBTestSupport
@testable import KBCommands

/// `OutputStream` is `Sendable` because it locks: lines written from several threads at once (an import's progress
/// callback beside the command's own output) all arrive, none cut into another.
@Suite struct OutputStreamTests {
    static let writers = 8
    static let linesEach = 5_000

    static func writeConcurrently(to stream: KBCommands.OutputStream) {
        DispatchQueue.concurrentPerform(iterations: writers) { writer in
            for line in 0..<linesEach { stream.line("writer \(writer) line \(line) " + String(repeating: "x", count: 40)) }
        }
        stream.flush()
    }

    static func expectWhole(_ text: String) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.count == writers * linesEach)
        #expect(Set(lines).count == writers * linesEach)
        #expect(lines.allSatisfy { $0.hasPrefix("writer ") && $0.hasSuffix(String(repeating: "x", count: 40)) })
    }

    @Test func capturedTextLosesNothing() {
        let stream = KBCommands.OutputStream()
        Self.writeConcurrently(to: stream)
        Self.expectWhole(stream.captured)
    }

    @Test func descriptorOutputLosesNothing() throws {
        let directory = try TemporaryDirectory()
        let url = directory.url.appendingPathComponent("out.txt")
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        try #require(descriptor >= 0)
        Self.writeConcurrently(to: KBCommands.OutputStream(descriptor: descriptor))
        close(descriptor)
        Self.expectWhole(try String(contentsOf: url, encoding: .utf8))
    }
}
