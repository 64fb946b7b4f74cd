import Foundation

/// Writes lines to a new file through a 4 MB buffer (the bench writes corpora of up to a million lines).
final class LineFileWriter {
    private let handle: FileHandle
    private var buffer: [UInt8] = []

    init(_ url: URL) throws {
        _ = FileManager.default.createFile(atPath: url.path, contents: nil)
        handle = try FileHandle(forWritingTo: url)
        buffer.reserveCapacity(1 << 22)
    }

    func write<Bytes: Sequence>(line bytes: Bytes) where Bytes.Element == UInt8 {
        buffer += bytes
        buffer.append(UInt8(ascii: "\n"))
        if buffer.count > 1 << 22 { flush() }
    }

    func close() throws {
        flush()
        try handle.close()
    }

    private func flush() {
        handle.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
