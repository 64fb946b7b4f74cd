import Foundation
import KBCore

/// Where a command writes: a file descriptor for the real CLI, a string buffer in tests.
public final class OutputStream: @unchecked Sendable {
    private var buffer: [UInt8] = []
    private let descriptor: Int32?
    /// Everything written, when the stream captures instead of writing to a descriptor.
    public private(set) var captured = ""
    /// True when the stream is a terminal (progress lines are shown only then).
    public let isTerminal: Bool

    /// A stream writing to a file descriptor (`STDOUT_FILENO`, `STDERR_FILENO`).
    public init(descriptor: Int32) {
        self.descriptor = descriptor
        self.isTerminal = isatty(descriptor) == 1
    }

    /// A stream capturing text in memory.
    public init() {
        self.descriptor = nil
        self.isTerminal = false
    }

    deinit {
        flush()
    }

    /// Writes `text` with the control characters and escape sequences a terminal would act on removed.
    public func write(_ text: String) {
        append(TerminalSanitizer.sanitized(text))
    }

    /// Writes text kb styled itself (its data was sanitized as it was added).
    public func write(_ styled: TerminalSanitizer.Styled) {
        append(styled.text)
    }

    private func append(_ text: String) {
        guard descriptor != nil else {
            captured += text
            return
        }
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 64 * 1024 { flush() }
    }

    public func line(_ text: String = "") {
        write(text + "\n")
    }

    public func flush() {
        guard let descriptor, !buffer.isEmpty else { return }
        buffer.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        buffer.removeAll(keepingCapacity: true)
    }
}
