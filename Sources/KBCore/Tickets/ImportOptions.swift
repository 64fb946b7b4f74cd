/// The options of `kb import` that say how formats are read, turned into `ImportSettings` once the inputs' formats
/// are known (an option for a format none of the inputs is in is a mistake worth saying).
public struct ImportOptions: Sendable {
    /// `--map FIELD=COLUMN`, in order.
    public var maps: [String] = []
    /// `--mapping FILE`: a CSV or a Zendesk mapping, whichever format the inputs are in.
    public var mappingPath: String?
    /// `--comments FILE|DIR`: Zendesk comments.
    public var commentsPath: String?

    public init(maps: [String] = [], mappingPath: String? = nil, commentsPath: String? = nil) {
        self.maps = maps
        self.mappingPath = mappingPath
        self.commentsPath = commentsPath
    }

    /// The settings for inputs in `formats`; `policy` is read only when a Zendesk export needs its maps.
    ///
    /// Throws `ImportOptionError` for an option that does not fit the inputs, and the mapping file's own errors.
    public func settings(for formats: Set<ImportFormat>, policy: () throws -> Policy) throws -> ImportSettings {
        var settings = ImportSettings()
        if !maps.isEmpty, !formats.contains(.csv) { throw ImportOptionError.mapWithoutCSV }
        if commentsPath != nil, !formats.contains(.zendesk) { throw ImportOptionError.commentsWithoutZendesk }
        if let mappingPath {
            let mapped = formats.intersection([.csv, .zendesk])
            guard mapped.count == 1, let format = mapped.first else {
                throw mapped.isEmpty ? ImportOptionError.mappingWithoutFormat : ImportOptionError.mappingForBothFormats
            }
            if format == .csv {
                settings.csvMapping = try CSVMapping.load(path: mappingPath)
            } else {
                settings.zendesk.mapping = try ZendeskImportMapping.load(path: mappingPath)
            }
        }
        for map in maps {
            guard let equals = map.firstIndex(of: "=") else { throw ImportOptionError.mapWithoutColumn(map) }
            do {
                try settings.csvMapping.map(String(map[..<equals]), toColumn: String(map[map.index(after: equals)...]))
            } catch let .invalidMapping(_, field, reason) {
                throw ImportOptionError.invalidMap(field: field, reason: reason)
            }
        }
        if formats.contains(.zendesk) {
            settings.zendesk.policy = try policy().zendesk
            settings.zendesk.commentsPath = commentsPath
        }
        return settings
    }
}
