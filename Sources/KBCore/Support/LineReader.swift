import Foundation

/// Reads a file, pipe or standard input line by line in fixed-size chunks, so memory stays flat whatever the file's size.
///
/// Lines longer than `maximumLineBytes` are not buffered: the reader reports their length and skips them.
public final class LineReader {
    /// One line as the reader hands it out.
    public enum Line {
        /// The line's bytes without the newline (and without a trailing CR); valid only during the callback.
        case text(UnsafeBufferPointer<UInt8>)
        /// A line over the limit, with its length in bytes.
        case tooLong(bytes: Int)
    }

    private let input: ByteInput
    private let chunkSize: Int
    public let maximumLineBytes: Int

    public convenience init(path: String, chunkSize: Int = 1 << 20, maximumLineBytes: Int = 16 << 20) throws {
        self.init(input: try ByteInput(path: path), chunkSize: chunkSize, maximumLineBytes: maximumLineBytes)
    }

    /// Reads an open file from where it stands (the caller keeps `handle`; closing it does not end the reading).
    public convenience init(handle: FileHandle, chunkSize: Int = 1 << 20, maximumLineBytes: Int = 16 << 20) throws {
        self.init(input: try ByteInput(handle: handle, path: "input"), chunkSize: chunkSize, maximumLineBytes: maximumLineBytes)
    }

    /// Reads `input` from where it stands.
    public init(input: ByteInput, chunkSize: Int = 1 << 20, maximumLineBytes: Int = 16 << 20) {
        self.input = input
        self.chunkSize = chunkSize
        self.maximumLineBytes = maximumLineBytes
    }

    /// Calls `body(lineNumber, line)` for every line (1-based numbers); stops early when `body` returns false.
    public func forEachLine(_ body: (Int, Line) throws -> Bool) throws {
        var pending: [UInt8] = []
        var skipping = 0
        var lineNumber = 0
        while true {
            let chunk = try input.read(upToCount: chunkSize)
            if chunk.isEmpty { break }
            var keepGoing = true
            try chunk.withUnsafeBufferPointer { bytes in
                var start = 0
                while keepGoing, start < bytes.count {
                    guard let newline = Self.indexOfNewline(bytes, from: start) else {
                        let rest = bytes.count - start
                        if skipping > 0 {
                            skipping += rest
                        } else if pending.count + rest > maximumLineBytes {
                            skipping = pending.count + rest
                            pending.removeAll(keepingCapacity: false)
                        } else {
                            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
                        }
                        start = bytes.count
                        break
                    }
                    lineNumber += 1
                    if skipping > 0 {
                        keepGoing = try body(lineNumber, .tooLong(bytes: skipping + newline - start))
                        skipping = 0
                    } else if pending.isEmpty {
                        if newline - start > maximumLineBytes {
                            keepGoing = try body(lineNumber, .tooLong(bytes: newline - start))
                        } else {
                            keepGoing = try body(lineNumber, .text(Self.trimmed(UnsafeBufferPointer(rebasing: bytes[start..<newline]))))
                        }
                    } else {
                        if pending.count + newline - start > maximumLineBytes {
                            keepGoing = try body(lineNumber, .tooLong(bytes: pending.count + newline - start))
                        } else {
                            pending.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<newline]))
                            keepGoing = try pending.withUnsafeBufferPointer { try body(lineNumber, .text(Self.trimmed($0))) }
                        }
                        pending.removeAll(keepingCapacity: pending.count < chunkSize)
                    }
                    start = newline + 1
                }
            }
            if !keepGoing { return }
        }
        if skipping > 0 {
            _ = try body(lineNumber + 1, .tooLong(bytes: skipping))
        } else if !pending.isEmpty {
            _ = try pending.withUnsafeBufferPointer { try body(lineNumber + 1, .text(Self.trimmed($0))) }
        }
    }

    private static func indexOfNewline(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard start < bytes.count, let base = bytes.baseAddress else { return nil }
        guard let found = memchr(base + start, 0x0A, bytes.count - start) else { return nil }
        return UnsafeRawPointer(found).assumingMemoryBound(to: UInt8.self) - base
    }

    private static func trimmed(_ line: UnsafeBufferPointer<UInt8>) -> UnsafeBufferPointer<UInt8> {
        if let last = line.last, last == 0x0D { return UnsafeBufferPointer(rebasing: line.dropLast()) }
        return line
    }
}
