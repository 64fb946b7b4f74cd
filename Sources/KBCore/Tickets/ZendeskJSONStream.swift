import Foundation

/// Reads a large JSON file token by token in fixed-size chunks, copying out only the values asked for.
///
/// Zendesk exports hold one huge array; this walks its structure (strings, nesting) without building
/// the whole tree, so each ticket can be parsed and imported on its own and memory stays flat.
final class ZendeskJSONStream {
    /// The input ended inside a value.
    struct Truncated: Error {}

    /// How a value capture ended.
    enum Capture {
        case complete(bytes: Int)
        /// Longer than the limit: scanned to its end but not kept.
        case tooLong(bytes: Int)
    }

    private let input: ByteInput
    let path: String
    private let chunkSize: Int
    private var buffer: [UInt8] = []
    private var index = 0
    /// Absolute offset of `buffer[0]`.
    private var bufferOffset = 0
    /// Line of the next byte (1-based).
    private(set) var line = 1

    /// Reads `input` from where it stands; `name` names it in errors.
    init(input: ByteInput, name: String, chunkSize: Int = 1 << 20) {
        self.input = input
        self.path = name
        self.chunkSize = chunkSize
    }

    /// Absolute offset of the next byte.
    var offset: Int { bufferOffset + index }

    /// The next byte without consuming it; nil at the end of the input.
    @inline(__always)
    func peek() throws -> UInt8? {
        if index < buffer.count { return buffer[index] }
        return try refill() ? buffer[index] : nil
    }

    /// Consumes and returns the next byte; nil at the end of the input.
    @inline(__always)
    func next() throws -> UInt8? {
        if index >= buffer.count, try !refill() { return nil }
        let byte = buffer[index]
        index += 1
        if byte == 0x0A { line += 1 }
        return byte
    }

    private func refill() throws -> Bool {
        bufferOffset += buffer.count
        index = 0
        buffer = try input.read(upToCount: chunkSize)
        return !buffer.isEmpty
    }

    /// Skips spaces, tabs and line ends.
    func skipWhitespace() throws {
        while let byte = try peek(), byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 {
            _ = try next()
        }
    }

    /// Consumes `expected` or explains what came instead.
    func expect(_ expected: UInt8, _ what: String) throws {
        guard let byte = try next() else { throw ZendeskImportError.invalidExport(path: path, line: line, reason: "the file ends where \(what) was expected (truncated export?)") }
        guard byte == expected else {
            throw ZendeskImportError.invalidExport(path: path, line: line, reason: "invalid JSON: expected \(what), found '\(Character(Unicode.Scalar(byte)))'")
        }
    }

    /// Reads a JSON string token (the next byte must be `"`), appending its raw bytes with quotes to `output`.
    func captureString(into output: inout [UInt8], keep: Bool = true) throws {
        guard let open = try next() else { throw Truncated() }
        if keep { output.append(open) }
        while let byte = try next() {
            if keep { output.append(byte) }
            if byte == UInt8(ascii: "\\") {
                guard let escaped = try next() else { throw Truncated() }
                if keep { output.append(escaped) }
            } else if byte == UInt8(ascii: "\"") {
                return
            }
        }
        throw Truncated()
    }

    /// Copies the next JSON value's bytes into `output` while they fit in `limit` bytes; past that it only scans
    /// (a limit of 0 skips the value).
    ///
    /// Only strings and nesting are tracked; the copied text is validated by `JSONParser` afterwards.
    func captureValue(into output: inout [UInt8], limit: Int) throws -> Capture {
        let start = offset
        var keep = limit > 0
        func store(_ byte: UInt8) {
            guard keep else { return }
            if output.count >= limit {
                keep = false
                output.removeAll(keepingCapacity: false)
            } else {
                output.append(byte)
            }
        }
        guard let first = try peek() else { throw Truncated() }
        switch first {
        case UInt8(ascii: "\""):
            try captureString(into: &output, keep: keep)
            if keep, output.count > limit {
                keep = false
                output.removeAll(keepingCapacity: false)
            }
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            var depth = 0
            repeat {
                guard let byte = try peek() else { throw Truncated() }
                if byte == UInt8(ascii: "\"") {
                    try captureString(into: &output, keep: keep)
                    if keep, output.count > limit {
                        keep = false
                        output.removeAll(keepingCapacity: false)
                    }
                    continue
                }
                _ = try next()
                store(byte)
                if byte == UInt8(ascii: "{") || byte == UInt8(ascii: "[") {
                    depth += 1
                } else if byte == UInt8(ascii: "}") || byte == UInt8(ascii: "]") {
                    depth -= 1
                }
            } while depth > 0
        default:
            while let byte = try peek(), !Self.endsScalar(byte) {
                _ = try next()
                store(byte)
            }
        }
        let length = offset - start
        return keep ? .complete(bytes: length) : .tooLong(bytes: length)
    }

    private static func endsScalar(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09: return true
        default: return false
        }
    }
}
