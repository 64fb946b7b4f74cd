/// One input of an import: its bytes (opened once), how messages name it and the format it is read in.
public struct ImportFile: Sendable {
    public let input: ByteInput
    /// The name rejections give, e.g. the path as the user typed it.
    public let name: String
    public let format: ImportFormat

    /// Detects the format of `input` unless `format` gives it.
    ///
    /// Detection looks at a buffered prefix of the same stream, so pipes and FIFOs import like files. Input that is
    /// not text (binary, UTF-16, endless zeros) is refused after that bounded read, whatever `format` says.
    public init(input: ByteInput, name: String, format: ImportFormat? = nil) throws {
        let (bytes, reachesEnd) = try input.peek(ImportFormat.detectionPrefixBytes)
        let prefix = ImportPrefix(bytes, isWhole: reachesEnd)
        if let reason = prefix.binaryReason { throw ImportFormatError.notText(file: name, reason: reason) }
        self.input = input
        self.name = name
        self.format = try format ?? TicketSources.detect(prefix, file: name)
    }

    /// Opens `path` and detects its format unless `format` gives it.
    public init(path: String, name: String? = nil, format: ImportFormat? = nil) throws {
        try self.init(input: ByteInput(path: path), name: name ?? path, format: format)
    }
}
