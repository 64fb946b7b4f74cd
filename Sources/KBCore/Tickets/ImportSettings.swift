/// How an import reads its formats: the options of `kb import` beyond the files.
public struct ImportSettings: Sendable {
    /// How CSV columns become ticket fields; columns named like the native fields map themselves.
    public var csvMapping = CSVMapping()
    /// The longest CSV record read; longer ones are rejected with their line.
    public var maximumCSVRecordBytes = 16 << 20
    /// Policy maps, mapping file and comments for Zendesk exports.
    public var zendesk = ZendeskImportSettings()

    public init() {}
}
