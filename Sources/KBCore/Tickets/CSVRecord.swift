/// One CSV record as raw bytes: its fields share one buffer, delimited by end offsets.
public struct CSVRecord: Sendable {
    /// The line the record starts on (1-based), the one rejections name.
    public internal(set) var line: Int
    var bytes: [UInt8] = []
    var ends: [Int] = []

    init(line: Int) {
        self.line = line
    }

    /// Builds a record from decoded values (tests and tools).
    public init(line: Int, fields: [String]) {
        self.line = line
        for field in fields {
            bytes.append(contentsOf: field.utf8)
            ends.append(bytes.count)
        }
    }

    /// Number of fields.
    public var count: Int { ends.count }

    /// The raw bytes of field `index`.
    public func field(_ index: Int) -> ArraySlice<UInt8> {
        bytes[(index == 0 ? 0 : ends[index - 1])..<ends[index]]
    }

    /// Field `index` as UTF-8 text, nil when the bytes are not UTF-8.
    public func text(_ index: Int) -> String? {
        field(index).withUnsafeBufferPointer { String(validating: $0, as: UTF8.self) }
    }

    /// True for a line with nothing on it (one empty field), which is not a record.
    var isBlank: Bool { ends.count == 1 && ends[0] == 0 }

    mutating func reset(line: Int) {
        self.line = line
        bytes.removeAll(keepingCapacity: bytes.capacity <= 1 << 20)
        ends.removeAll(keepingCapacity: true)
    }
}
