/// How one ticket field is read from a CSV record.
public struct CSVFieldMapping: Sendable, Equatable {
    /// The header name of the column; nil when the field only has a default.
    public var column: String?
    /// Translations of cell values (compared trimmed, then case-insensitively) into native values,
    /// e.g. `"Crítica": 1` for severity or `"Abierto": "in_progress"` for status.
    public var values: [String: JSONValue]
    /// The pattern of a time column; ISO 8601 when nil.
    public var timeFormat: CSVTimeFormat?
    /// Text put before the value, e.g. `fd:` to keep ids of different systems apart.
    public var prefix: String
    /// The native value used when the cell is empty or the column is absent.
    public var defaultValue: JSONValue?
    /// What separates items of a list field (`tags`, `articles`).
    public var separator: String

    public init(column: String? = nil, values: [String: JSONValue] = [:], timeFormat: CSVTimeFormat? = nil,
                prefix: String = "", defaultValue: JSONValue? = nil, separator: String = ",") {
        self.column = column
        self.values = values
        self.timeFormat = timeFormat
        self.prefix = prefix
        self.defaultValue = defaultValue
        self.separator = separator
    }
}
