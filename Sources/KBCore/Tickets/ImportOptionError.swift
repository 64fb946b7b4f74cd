/// An option of `kb import` that does not fit the inputs or is written wrong (a usage error).
public enum ImportOptionError: Error, CustomStringConvertible, Sendable, Equatable {
    case mapWithoutCSV
    case commentsWithoutZendesk
    case mappingWithoutFormat
    case mappingForBothFormats
    /// A `--map` without `=`.
    case mapWithoutColumn(String)
    /// A `--map` naming an unknown field or no column.
    case invalidMap(field: String, reason: String)

    public var description: String {
        switch self {
        case .mapWithoutCSV:
            return "--map applies to CSV files; none of the files is CSV (pass --format csv if they are)"
        case .commentsWithoutZendesk:
            return "--comments applies to Zendesk exports; none of the files is one (pass --format zendesk if they are)"
        case .mappingWithoutFormat:
            return "--mapping applies to CSV files and Zendesk exports; none of the files is either (pass --format)"
        case .mappingForBothFormats:
            return "--mapping is read as a CSV or a Zendesk mapping; the files are both kinds, import them separately"
        case let .mapWithoutColumn(map):
            return "--map needs FIELD=COLUMN, e.g. --map severity=Prioridad; got '\(map)'"
        case let .invalidMap(field, reason):
            return "--map \(field): \(reason)"
        }
    }
}
