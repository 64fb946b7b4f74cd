import Foundation

extension ImportFormat {
    /// How many bytes at the start of a file detection looks at.
    public static let detectionPrefixBytes = 64 * 1024

    /// Tells a file's format from its first bytes; `file` names it in the error when it cannot.
    ///
    /// A JSON object whose first record has kb's fields (`id`, `title`, `severity`…) is JSON Lines;
    /// one with a `tickets` member, or Zendesk's ticket fields (`subject`, `requester_id`, `via`), is
    /// Zendesk; a first line with `,`, `;` or tab delimiters is CSV. An empty file is JSON Lines (nothing to import).
    public static func detect(path: String, file: String? = nil) throws -> ImportFormat {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw TicketError.unreadable(path: path, reason: FileManager.default.fileExists(atPath: path) ? "permission denied or not a file" : "no such file")
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: detectionPrefixBytes) ?? Data()
        } catch {
            throw TicketError.unreadable(path: path, reason: error.localizedDescription)
        }
        return try detect(prefix: [UInt8](data), isWholeFile: data.count < detectionPrefixBytes, file: file ?? path)
    }

    /// Tells the format from the first bytes of a file (`isWholeFile` when they are all of it).
    public static func detect(prefix: [UInt8], isWholeFile: Bool, file: String) throws(ImportFormatError) -> ImportFormat {
        func unknown(_ reason: String) -> ImportFormatError { .undetectable(file: file, reason: reason) }
        var start = prefix.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        if prefix.contains(0) {
            throw unknown("it holds binary data (a spreadsheet or a compressed file?); export the tickets as CSV or JSON")
        }
        while start < prefix.count, [0x20, 0x09, 0x0D, 0x0A].contains(prefix[start]) { start += 1 }
        guard start < prefix.count else { return .jsonl }
        let lines = completeLines(prefix, from: start, isWholeFile: isWholeFile)
        switch prefix[start] {
        case UInt8(ascii: "{"):
            if let first = lines.first, let object = parseObject(prefix[first]) {
                return try classify(object, unknown)
            }
            let firstKeys = topLevelKeys(prefix[start...])
            if firstKeys.contains("tickets") { return .zendesk }
            for line in lines.dropFirst() {
                if let object = parseObject(prefix[line]) { return try classify(object, unknown) }
            }
            // A first record longer than the prefix (a ticket with a long timeline) is told by the member
            // names read before the cut.
            if let format = classify(keys: firstKeys) { return format }
            throw unknown("it starts with '{' but its first \(detectionPrefixBytes / 1024) KB hold no complete JSON object")
        case UInt8(ascii: "["):
            throw unknown("it is a JSON array; kb reads JSON Lines (one ticket object per line) or Zendesk's {\"tickets\": […]} export")
        default:
            let headerEnd = prefix[start...].firstIndex(of: 0x0A) ?? prefix.count
            let header = Array(prefix[start..<headerEnd])
            let delimiter = header.withUnsafeBufferPointer { CSVReader.detectDelimiter($0) }
            if Self.countOutsideQuotes(delimiter, in: header) > 0 { return .csv }
            throw unknown("the first line is neither a JSON object nor a CSV header with ',', ';' or tab between column names")
        }
    }

    private static func classify(_ object: JSONValue, _ unknown: (String) -> ImportFormatError) throws(ImportFormatError) -> ImportFormat {
        if let format = classify(keys: Set((object.objectValue ?? []).map(\.0))) { return format }
        throw unknown("its first JSON object has neither kb's ticket fields (id, title, severity) nor Zendesk's (tickets, subject, requester_id)")
    }

    /// Ranges of the lines (without line ends) that end within the prefix, at most 20.
    private static func completeLines(_ bytes: [UInt8], from start: Int, isWholeFile: Bool) -> [Range<Int>] {
        var result: [Range<Int>] = []
        var lineStart = start
        while result.count < 20, lineStart < bytes.count {
            guard let end = bytes[lineStart...].firstIndex(of: 0x0A) else {
                if isWholeFile { result.append(lineStart..<bytes.count) }
                break
            }
            if end > lineStart { result.append(lineStart..<end) }
            lineStart = end + 1
        }
        return result
    }

    private static func parseObject(_ bytes: ArraySlice<UInt8>) -> JSONValue? {
        let value = bytes.withUnsafeBufferPointer { try? JSONParser().parse($0) }
        guard let value, value.objectValue != nil else { return nil }
        return value
    }

    /// The format whose fields these member names are, nil when neither's.
    private static func classify(keys: Set<String>) -> ImportFormat? {
        if keys.contains("tickets") || keys.contains("subject") || keys.contains("requester_id") || keys.contains("via") {
            return .zendesk
        }
        if keys.contains("id"), keys.contains("title") || keys.contains("severity") || keys.contains("created_at") { return .jsonl }
        return nil
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

    private static func countOutsideQuotes(_ target: UInt8, in bytes: [UInt8]) -> Int {
        var count = 0
        var inQuotes = false
        for byte in bytes {
            if byte == UInt8(ascii: "\"") { inQuotes.toggle() } else if !inQuotes, byte == target { count += 1 }
        }
        return count
    }
}
