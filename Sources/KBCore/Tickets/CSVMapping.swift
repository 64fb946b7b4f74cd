/// How the columns of a CSV export become ticket fields (the `--mapping FILE.json` and `--map` options).
///
/// Columns named like a native field (`id`, `title`, `created_at`…) map to it unless the mapping
/// says otherwise; columns no field reads are kept on the ticket as `extra` text (unless ignored).
/// The JSON form is documented in `docs/import-formats.md`.
public struct CSVMapping: Sendable, Equatable {
    /// The native fields a column can fill, in the order of the native format.
    public static let ticketFields = [
        "id", "title", "description", "customer", "plan", "timezone", "service", "severity", "status", "channel",
        "assignee", "level", "created_at", "resolved_at", "closed_at", "resolution", "root_cause", "tags", "articles",
        "language",
    ]
    /// Fields every ticket needs: each must have a column or a default.
    public static let requiredFields = ["id", "title", "severity", "status", "created_at"]
    static let timeFields: Set<String> = ["created_at", "resolved_at", "closed_at"]
    static let listFields: Set<String> = ["tags", "articles"]

    /// Field name → how to read it.
    public var fields: [String: CSVFieldMapping] = [:]
    /// The zone of times written without an offset; without it such times are rejected.
    public var timezone: CSVTimeZone?
    /// The delimiter; detected from the header line when nil.
    public var delimiter: UInt8?
    /// The text encoding of the file.
    public var encoding: CSVEncoding = .utf8
    /// Columns dropped entirely (e.g. personal data that must not reach the store).
    public var ignoredColumns: Set<String> = []
    /// Whether columns no field reads are kept as `extra` text on the ticket.
    public var keepsUnmappedColumns = true

    public init() {}

    /// Reads `field` from `column` (the `--map FIELD=COLUMN` option), keeping any value map or format already given.
    public mutating func map(_ field: String, toColumn column: String) throws(CSVError) {
        guard Self.ticketFields.contains(field) else {
            throw .invalidMapping(source: "--map", path: field, reason: "unknown field; fields: \(Self.ticketFields.joined(separator: ", "))")
        }
        guard !column.isEmpty else {
            throw .invalidMapping(source: "--map", path: field, reason: "needs a column name after '='")
        }
        fields[field, default: CSVFieldMapping()].column = column
    }
}
