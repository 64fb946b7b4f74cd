/// Reads a mapping file (`--mapping FILE.json`, CSV or Zendesk) as JSON: a file, a pipe or `<(…)`, with or without a
/// UTF-8 byte order mark (Windows editors write one).
enum MappingFile {
    /// The most a mapping file may hold; real ones are a few kilobytes.
    static let maximumBytes = 16 << 20

    /// The JSON of the file at `path`; throws `TicketError.unreadable` or `JSONParser.SyntaxError`.
    static func json(at path: String) throws -> JSONValue {
        let input = try ByteInput(path: path)
        let bytes = try input.read(upToCount: maximumBytes + 1)
        guard bytes.count <= maximumBytes else {
            throw TicketError.unreadable(path: path, reason: "over \(maximumBytes >> 20) MB, which is not a mapping file")
        }
        return try bytes.withUnsafeBufferPointer { buffer throws(JSONParser.SyntaxError) in try JSONParser().parse(buffer) }
    }
}
