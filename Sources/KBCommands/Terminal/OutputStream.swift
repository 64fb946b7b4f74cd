import Foundation
import KBCore
import Synchronization

/// Where a command writes: a file descriptor for the real CLI, a string buffer in tests.
///
/// `Sendable`: every write, flush and read of `captured` holds one lock, so an import's progress callback on a
/// worker thread and the command's own lines never interleave mid-line or lose text.
public final class OutputStream: Sendable {
    private struct State {
        var buffer: [UInt8] = []
        var captured = ""
    }

    private let state = Mutex(State())
    private let descriptor: Int32?
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

    /// Everything written, when the stream captures instead of writing to a descriptor.
    public var captured: String {
        state.withLock { $0.captured }
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
        state.withLock { state in
            guard let descriptor else {
                state.captured += text
                return
            }
            state.buffer.append(contentsOf: text.utf8)
            if state.buffer.count >= 64 * 1024 { Self.drain(&state.buffer, to: descriptor) }
        }
    }

    public func line(_ text: String = "") {
        write(text + "\n")
    }

    public func flush() {
        guard let descriptor else { return }
        state.withLock { Self.drain(&$0.buffer, to: descriptor) }
    }

    /// Writes out and empties `buffer`.
    private static func drain(_ buffer: inout [UInt8], to descriptor: Int32) {
        guard !buffer.isEmpty else { return }
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
