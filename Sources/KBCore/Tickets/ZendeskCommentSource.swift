import Foundation

/// The comments of a Zendesk export, looked up by ticket id while the tickets stream by.
///
/// Two layouts (see `docs/import-formats.md`):
/// - a folder of `<ticket id>.json` files, each a Ticket Comments API response `{"comments": […]}`
///   (a bare array is accepted too);
/// - one JSON file mapping ticket ids to comment arrays: `{"4711": […], "4712": {"comments": […]}}`.
///   It is indexed once (the byte range of each ticket's value) and each ticket's comments are read
///   when that ticket is imported, so memory does not grow with the file.
final class ZendeskCommentSource {
    /// The most comment JSON read for one ticket, the same bound as a JSON Lines record: parsed JSON takes
    /// about ten times its text in memory, so a larger conversation is rejected before it is read.
    static let maximumBytesPerTicket = Ticket.Limits.maximumTextBytes * 2

    private let path: String
    private var files: [String: String] = [:]
    private var ranges: [String: [(offset: Int, length: Int)]] = [:]
    private var handle: FileHandle?

    init(path: String) throws {
        self.path = path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw ZendeskImportError.invalidComments(path: path, reason: "no such file or folder")
        }
        if isDirectory.boolValue {
            let names = try FileManager.default.contentsOfDirectory(atPath: path)
            for name in names where name.hasSuffix(".json") {
                let id = String(name.dropLast(5))
                if let id = ZendeskTicketConverter.zendeskID(.string(id)) {
                    files[id] = (path as NSString).appendingPathComponent(name)
                }
            }
        } else {
            try index()
            handle = FileHandle(forReadingAtPath: path)
        }
    }

    deinit {
        try? handle?.close()
    }

    /// The comments of Zendesk ticket `id` (decimal), nil when the source has none for it.
    func comments(forTicket id: String) throws(TicketError) -> [JSONValue]? {
        if let file = files[id] {
            let size = (try? FileManager.default.attributesOfItem(atPath: file)[.size] as? NSNumber)?.intValue ?? 0
            try Self.checkSize(size, source: file)
            guard let data = FileManager.default.contents(atPath: file) else {
                throw .invalidField(field: "comments", reason: "cannot read \(file)")
            }
            return try Self.comments(in: data, source: file)
        }
        guard let pieces = ranges[id], let handle else { return nil }
        try Self.checkSize(pieces.reduce(0) { $0 + $1.length }, source: path)
        var all: [JSONValue] = []
        for piece in pieces {
            let data: Data
            do {
                try handle.seek(toOffset: UInt64(piece.offset))
                data = try handle.read(upToCount: piece.length) ?? Data()
            } catch {
                throw .invalidField(field: "comments", reason: "cannot read \(path): \(error.localizedDescription)")
            }
            all += try Self.comments(in: data, source: path)
        }
        return all
    }

    private static func checkSize(_ bytes: Int, source: String) throws(TicketError) {
        guard bytes <= maximumBytesPerTicket else {
            throw .invalidField(field: "comments", reason: "\(source): \(bytes) bytes of comments for this ticket, "
                + "over the limit of \(maximumBytesPerTicket) bytes")
        }
    }

    private static func comments(in data: Data, source: String) throws(TicketError) -> [JSONValue] {
        let parsed: Result<JSONValue, JSONParser.SyntaxError> = data.withUnsafeBytes { raw in
            do throws(JSONParser.SyntaxError) {
                return .success(try JSONParser().parse(raw.bindMemory(to: UInt8.self)))
            } catch {
                return .failure(error)
            }
        }
        let value: JSONValue
        switch parsed {
        case .success(let json): value = json
        case .failure(let error): throw .invalidField(field: "comments", reason: "\(source): \(error.description)")
        }
        if let items = value.arrayValue ?? value["comments"]?.arrayValue { return items }
        throw .invalidField(field: "comments", reason: "\(source): expected {\"comments\": […]} or an array of comments, found \(value.typeName)")
    }

    private static func startsWithByteOrderMark(_ path: String) throws -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        return try handle.read(upToCount: 3) == Data([0xEF, 0xBB, 0xBF])
    }

    /// Records where each ticket's comments are in a single comments file.
    private func index() throws {
        let input = try ByteInput(path: path)
        let stream = ZendeskJSONStream(input: input, name: path)
        // The stream's offsets start after a byte order mark; the ranges are read back from the file itself.
        let skipped = try Self.startsWithByteOrderMark(path) ? 3 : 0
        func fail(_ reason: String) -> ZendeskImportError {
            .invalidComments(path: path, reason: "line \(stream.line): \(reason)")
        }
        do {
            try stream.skipWhitespace()
            guard try stream.next() == UInt8(ascii: "{") else {
                throw fail("expected an object mapping ticket ids to comment arrays, e.g. {\"4711\": [ … ]}")
            }
            var first = true
            while true {
                try stream.skipWhitespace()
                guard let byte = try stream.peek() else { throw ZendeskJSONStream.Truncated() }
                if byte == UInt8(ascii: "}") { break }
                if !first {
                    guard try stream.next() == UInt8(ascii: ",") else { throw fail("invalid JSON: expected ',' or '}'") }
                    try stream.skipWhitespace()
                }
                first = false
                guard try stream.peek() == UInt8(ascii: "\"") else { throw fail("invalid JSON: expected a ticket id in quotes") }
                var key: [UInt8] = []
                try stream.captureString(into: &key)
                let name = String(decoding: key.dropFirst().dropLast(), as: UTF8.self)
                guard let id = ZendeskTicketConverter.zendeskID(.string(name)) else {
                    throw fail("member \"\(name.prefix(40))\" is not a Zendesk ticket id")
                }
                try stream.skipWhitespace()
                guard try stream.next() == UInt8(ascii: ":") else { throw fail("invalid JSON: expected ':'") }
                try stream.skipWhitespace()
                let start = stream.offset
                var ignored: [UInt8] = []
                _ = try stream.captureValue(into: &ignored, limit: 0)
                ranges[id, default: []].append((start + skipped, stream.offset - start))
            }
        } catch is ZendeskJSONStream.Truncated {
            throw fail("the file ends in the middle of the JSON (truncated?)")
        }
    }
}
