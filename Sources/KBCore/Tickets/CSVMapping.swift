/// How the columns of a CSV export become ticket fields (the `--mapping FILE.json` and `--map` options).
///
/// Columns named like a native field (`id`, `title`, `created_at`…) map to it unless the mapping
/// says otherwise; columns no field reads are kept on the ticket as `extra` text (unless ignored).
/// The JSON form is documented in `docs/import-formats.md`.
public struct CSVMapping: Sendable, Equatable {
    /// The fields a column can fill: the native ones in the order of the native format, then two that become
    /// timeline events (see `Ticket.completeImportedTimeline`): the first response to the customer, and the last
    /// update, when a ticket waiting on someone took that status.
    public static let ticketFields = [
        "id", "title", "description", "customer", "plan", "timezone", "service", "severity", "status", "channel",
        "assignee", "level", "created_at", "resolved_at", "closed_at", "resolution", "root_cause", "tags", "articles",
        "first_response_at", "updated_at", "language",
    ]
    /// Fields every ticket needs: each must have a column or a default.
    public static let requiredFields = ["id", "title", "severity", "status", "created_at"]
    static let timeFields: Set<String> = ["created_at", "resolved_at", "closed_at", "first_response_at", "updated_at"]
    /// Fields read for the timeline, not written as members of the ticket.
    static let timelineFields: Set<String> = ["first_response_at", "updated_at"]
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
    /// Fields `map(_:toColumn:)` has set, so a second `--map` of a list field adds to the first instead of replacing
    /// the mapping file's column.
    private var mappedByOption: Set<String> = []

    public init() {}

    /// Reads `field` from `column` (the `--map FIELD=COLUMN` option), keeping any value map or format already given.
    ///
    /// For a list field (`tags`, `articles`) each `--map` adds a column, so `--map tags=tag_1 --map tags=tag_2` reads both.
    public mutating func map(_ field: String, toColumn column: String) throws(CSVError) {
        guard Self.ticketFields.contains(field) else {
            throw .invalidMapping(source: "--map", path: field, reason: "unknown field; fields: \(Self.ticketFields.joined(separator: ", "))")
        }
        guard !column.isEmpty else {
            throw .invalidMapping(source: "--map", path: field, reason: "needs a column name after '='")
        }
        if Self.listFields.contains(field), let existing = fields[field], !existing.columns.contains(column), mappedByOption.contains(field) {
            fields[field]?.columns.append(column)
        } else {
            fields[field, default: CSVFieldMapping()].column = column
        }
        mappedByOption.insert(field)
    }
}
