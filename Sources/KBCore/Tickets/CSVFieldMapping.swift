/// How one ticket field is read from a CSV record.
public struct CSVFieldMapping: Sendable, Equatable {
    /// The header names of the columns the field is read from: one, or several for a list field (`tag_1`, `tag_2`…,
    /// whose items are joined); empty when the field only has a default.
    public var columns: [String]
    /// The first (usually the only) column; setting it replaces them all.
    public var column: String? {
        get { columns.first }
        set { columns = newValue.map { [$0] } ?? [] }
    }
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

    public init(column: String? = nil, columns: [String] = [], values: [String: JSONValue] = [:], timeFormat: CSVTimeFormat? = nil,
                prefix: String = "", defaultValue: JSONValue? = nil, separator: String = ",") {
        self.columns = column.map { [$0] + columns } ?? columns
        self.values = values
        self.timeFormat = timeFormat
        self.prefix = prefix
        self.defaultValue = defaultValue
        self.separator = separator
    }
}
