/// The first bytes of an import input (up to `ImportFormat.detectionPrefixBytes`), read once and shared by every
/// `TicketSource` that is asked whether the input is in its format.
///
/// Leading spaces and blank lines are skipped (the byte order mark is already gone, see `ByteInput`).
public struct ImportPrefix: Sendable {
    public let bytes: [UInt8]
    /// True when `bytes` are the whole input.
    public let isWhole: Bool
    /// Index of the first byte that is not a space, tab or line end.
    let start: Int
    /// The member names of each of the first 20 complete lines that is a JSON object, with the line's index among
    /// those lines: a first line that is not an object (damaged, or a stray byte) does not hide the ones after it.
    let objects: [(line: Int, keys: Set<String>)]
    /// The member names of the outermost object that starts the input, as far as the prefix goes: what tells a
    /// record longer than the prefix (a ticket with a long timeline, a pretty-printed export).
    let leadingObjectKeys: Set<String>

    public init(_ bytes: [UInt8], isWhole: Bool) {
        self.bytes = bytes
        self.isWhole = isWhole
        var start = 0
        while start < bytes.count, [0x20, 0x09, 0x0D, 0x0A].contains(bytes[start]) { start += 1 }
        self.start = start
        var objects: [(line: Int, keys: Set<String>)] = []
        for (index, line) in Self.completeLines(bytes, from: start, isWhole: isWhole).enumerated() {
            if let members = Self.objectMembers(bytes[line]) { objects.append((index, members)) }
        }
        self.objects = objects
        leadingObjectKeys = start < bytes.count && bytes[start] == UInt8(ascii: "{") ? Self.topLevelKeys(bytes[start...]) : []
    }

    /// True when the input holds nothing but spaces and line ends.
    public var isBlank: Bool { start == bytes.count }

    /// The first byte that is not a space or line end.
    public var firstByte: UInt8? { isBlank ? nil : bytes[start] }

    /// True when the input starts with a JSON object.
    public var startsWithObject: Bool { firstByte == UInt8(ascii: "{") }

    /// The first line (without its line end), as far as the prefix goes.
    public var firstLine: ArraySlice<UInt8> {
        let end = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
        let line = bytes[start..<end]
        return line.last == 0x0D ? line.dropLast() : line
    }

    /// Why the input is not text at all, nil when it is: more than one byte in 20 is a control byte (NUL and the
    /// like, as in spreadsheets, archives, UTF-16 and `/dev/zero`). Text has almost none, so a damaged record or
    /// two stay that record's problem, not the file's.
    public var binaryReason: String? {
        let controls = bytes.reduce(0) { count, byte in
            count + (byte < 0x20 && byte != 0x09 && byte != 0x0A && byte != 0x0D && byte != 0x0C && byte != 0x1B ? 1 : 0)
        }
        guard controls > 0, controls * 20 > bytes.count else { return nil }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return "it is UTF-16 text; save or export it as UTF-8"
        }
        return "it holds binary data (a spreadsheet, a compressed file?); export the tickets as CSV or JSON"
    }

    /// How the input looks, for the message when no format recognises it.
    var appearance: String {
        if firstByte == UInt8(ascii: "[") {
            return "it is a JSON array, where kb reads one ticket object per line or Zendesk's {\"tickets\": […]}"
        }
        if !objects.isEmpty || !leadingObjectKeys.isEmpty {
            let seen = objects.reduce(leadingObjectKeys) { $0.union($1.keys) }.sorted()
            let shown = seen.prefix(12).joined(separator: ", ") + (seen.count > 12 ? ", …" : "")
            return "its JSON objects have none of the members that tell a format (members seen: \(shown))"
        }
        if startsWithObject {
            return "it starts with '{' but its first \(bytes.count / 1024) KB hold no complete JSON object"
        }
        return "the first line is neither a JSON object nor a CSV header with ',', ';' or tab between column names"
    }

    /// Index (among the first complete lines) of the first line whose object's members match, nil when none does.
    func firstObject(where matches: (Set<String>) -> Bool) -> Int? {
        objects.first { matches($0.keys) }?.line
    }

    /// Ranges of the lines (without line ends) that end within the prefix, at most 20.
    private static func completeLines(_ bytes: [UInt8], from start: Int, isWhole: Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = start
        while result.count < 20, lineStart < bytes.count {
            guard let end = bytes[lineStart...].firstIndex(of: 0x0A) else {
                if isWhole { result.append(lineStart..<bytes.count) }
                break
            }
            if end > lineStart { result.append(lineStart..<end) }
            lineStart = end + 1
        }
        return result
    }

    private static func objectMembers(_ bytes: ArraySlice<UInt8>) -> Set<String>? {
        guard let value = bytes.withUnsafeBufferPointer({ try? JSONParser().parse($0) }),
              let members = value.objectValue else { return nil }
        return Set(members.map(\.0))
    }

    /// The member names of the outermost object of the JSON text starting here, as far as the bytes go.
    private static func topLevelKeys(_ bytes: ArraySlice<UInt8>) -> Set<String> {
        var keys = Set<String>()
        var depth = 0
        var expectingKey = false
        var index = bytes.startIndex
        while index < bytes.endIndex {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                let stringStart = index + 1
                index += 1
                while index < bytes.endIndex, bytes[index] != UInt8(ascii: "\"") {
                    index += bytes[index] == UInt8(ascii: "\\") ? 2 : 1
                }
                if depth == 1, expectingKey {
                    if index < bytes.endIndex { keys.insert(String(decoding: bytes[stringStart..<index], as: UTF8.self)) }
                    expectingKey = false
                }
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                depth += 1
                expectingKey = depth == 1 && byte == UInt8(ascii: "{")
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth -= 1
                if depth <= 0 { return keys }
            case UInt8(ascii: ","):
                if depth == 1 { expectingKey = true }
            default:
                break
            }
            index += 1
        }
        return keys
    }
}
