import Foundation

extension Ticket {
    /// Limits applied to one record so a hostile file cannot exhaust memory.
    public enum Limits {
        public static let maximumEvents = 10_000
        public static let maximumTextBytes = 8 * 1024 * 1024
    }

    /// Decodes and validates a ticket from its native JSON form, field by field.
    ///
    /// `timeZoneCheck` answers whether an IANA identifier exists; import passes a cached one.
    public init(json: JSONValue, timeZoneCheck: (String) -> Bool = { TimeZone(identifier: $0) != nil }) throws(TicketError) {
        try self.init(node: json, timeZoneCheck: timeZoneCheck)
    }

    /// Decodes and validates a ticket from one JSON text in UTF-8: the same result, or the same
    /// error, as `JSONParser().parse` followed by `init(json:)`, with syntax errors thrown as
    /// `TicketError.invalidJSON`.
    ///
    /// The fast way in for import: the text is checked and then read where it lies, so member
    /// names, timestamps and enum values never become strings and no `JSONValue` tree is built.
    public init(jsonBytes: UnsafeBufferPointer<UInt8>, parser: JSONParser = JSONParser(),
                timeZoneCheck: (String) -> Bool = { TimeZone(identifier: $0) != nil }) throws(TicketError) {
        let tape: JSONParser.Tape
        do {
            tape = try parser.tape(jsonBytes)
        } catch {
            throw .invalidJSON(reason: error.description)
        }
        self = try tape.withRoot { (root) throws(TicketError) -> Ticket in
            try Ticket(node: root, timeZoneCheck: timeZoneCheck)
        }
    }

    init<Node: TicketJSONNode>(node json: Node, timeZoneCheck: (String) -> Bool) throws(TicketError) {
        guard let object = json.object else {
            throw .invalidField(field: "$", reason: "expected an object, found \(json.typeName)")
        }
        let reader = FieldReader<Node>(object: object, path: FieldPath())
        let id = try reader.requiredString(.id)
        guard Self.hasVisibleText(id) else {
            throw .invalidField(field: "id", reason: "must not be empty")
        }
        guard id.utf8.count <= 200 else { throw .invalidField(field: "id", reason: "longer than 200 bytes") }
        let title = try reader.requiredString(.title)
        let severity = try reader.requiredInt(.severity)
        guard (1...5).contains(severity) else {
            throw .invalidField(field: "severity", reason: "must be 1 to 5 (1 Crítica … 5 Solicitudes), found \(severity)")
        }
        let status = try reader.requiredEnum(.status, RawValueTables.statuses)
        let timezone = try reader.optionalString(.timezone)
        if let timezone, !timeZoneCheck(timezone) {
            throw .invalidField(field: "timezone", reason: "'\(timezone)' is not an IANA time zone such as America/Santiago")
        }
        let createdAt = try reader.requiredTime(.createdAt)
        var ticket = Ticket(
            id: id, title: title, description: try reader.optionalString(.description) ?? "",
            customer: try reader.optionalString(.customer), plan: try reader.optionalString(.plan),
            timezone: timezone, service: try reader.optionalString(.service), severity: severity,
            status: status, channel: try reader.optionalEnum(.channel, RawValueTables.channels),
            assignee: try reader.optionalString(.assignee), level: try reader.optionalString(.level),
            createdAt: createdAt, resolvedAt: try reader.optionalTime(.resolvedAt),
            closedAt: try reader.optionalTime(.closedAt),
            resolution: try reader.optionalString(.resolution), rootCause: try reader.optionalString(.rootCause),
            tags: try reader.stringList(.tags), articles: try reader.stringList(.articles))
        if let language = try reader.optionalString(.language) {
            guard Language.isWellFormedTag(language) else {
                throw .invalidField(field: "language", reason: "expected a language code such as es, en or es-CL, found '\(language.prefix(40))'")
            }
            ticket.language = language
        }
        if let extra = reader.value(.extra) {
            guard let members = extra.object?.members else {
                throw .invalidField(field: "extra", reason: "expected an object, found \(extra.typeName)")
            }
            for (key, value) in members {
                guard let text = value.stringValue else {
                    throw .invalidField(field: "extra.\(key)", reason: "expected a string, found \(value.typeName)")
                }
                ticket.extra[key] = text
            }
        }
        if let events = reader.value(.events) {
            guard let items = events.items else {
                throw .invalidField(field: "events", reason: "expected an array, found \(events.typeName)")
            }
            guard items.count <= Limits.maximumEvents else {
                throw .invalidField(field: "events", reason: "\(items.count) events; at most \(Limits.maximumEvents) per ticket")
            }
            ticket.events.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                ticket.events.append(try TicketEvent(node: item, path: FieldPath(event: index)))
            }
        }
        self = ticket
    }

    /// Whether an id keeps any text once spaces and tabs (`.whitespaces`) are trimmed away.
    ///
    /// Ids almost always start with a letter or digit, which settles it without Foundation's
    /// character sets; anything else gets the exact check.
    static func hasVisibleText(_ id: String) -> Bool {
        if let first = id.utf8.first {
            switch first {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"):
                return true
            default:
                break
            }
        }
        return !id.trimmingCharacters(in: .whitespaces).isEmpty
    }

    /// The native JSON form, members in a fixed order so equal tickets give equal text.
    public func jsonText(pretty: Bool = false) -> String {
        var writer = JSONWriter(pretty: pretty)
        write(to: &writer)
        return writer.text
    }

    /// Writes the native JSON form into `writer`.
    public func write(to writer: inout JSONWriter, extraMembers: ((inout JSONWriter) -> Void)? = nil) {
        writer.beginObject()
        writer.member("id", id)
        writer.member("title", title)
        writer.member("description", description)
        if let customer { writer.member("customer", customer) }
        if let plan { writer.member("plan", plan) }
        if let timezone { writer.member("timezone", timezone) }
        if let service { writer.member("service", service) }
        writer.member("severity", severity)
        writer.member("status", status.rawValue)
        if let channel { writer.member("channel", channel.rawValue) }
        if let assignee { writer.member("assignee", assignee) }
        if let level { writer.member("level", level) }
        writer.member("created_at", createdAt.iso8601)
        if let resolvedAt { writer.member("resolved_at", resolvedAt.iso8601) }
        if let closedAt { writer.member("closed_at", closedAt.iso8601) }
        if let resolution { writer.member("resolution", resolution) }
        if let rootCause { writer.member("root_cause", rootCause) }
        if let language { writer.member("language", language) }
        writer.member("tags", tags)
        writer.member("articles", articles)
        if !extra.isEmpty {
            writer.key("extra")
            writer.beginObject()
            for key in extra.keys.sorted() { writer.member(key, extra[key]!) }
            writer.endObject()
        }
        writer.key("events")
        writer.beginArray()
        for event in events { event.write(to: &writer) }
        writer.endArray()
        extraMembers?(&writer)
        writer.endObject()
    }
}

extension TicketEvent {
    init<Node: TicketJSONNode>(node json: Node, path: FieldPath) throws(TicketError) {
        guard let object = json.object else {
            throw .invalidField(field: path.name, reason: "expected an object, found \(json.typeName)")
        }
        let reader = FieldReader<Node>(object: object, path: path)
        let kind = try reader.requiredEnum(.kind, RawValueTables.eventKinds)
        self.init(
            at: try reader.requiredTime(.at), kind: kind, author: try reader.optionalString(.author),
            visibility: try reader.optionalEnum(.visibility, RawValueTables.visibilities) ?? .public,
            text: try reader.optionalString(.text) ?? "",
            status: try reader.optionalEnum(.status, RawValueTables.statuses), to: try reader.optionalString(.to))
        if reader.value(.severity) != nil {
            let value = try reader.requiredInt(.severity)
            guard (1...5).contains(value) else {
                throw .invalidField(field: path.name + ".severity", reason: "must be 1 to 5, found \(value)")
            }
            severity = value
        }
        switch kind {
        case .status where status == nil:
            throw .invalidField(field: path.name + ".status", reason: "a status event needs the new 'status'")
        case .escalation where to == nil || to!.isEmpty:
            throw .invalidField(field: path.name + ".to", reason: "an escalation event needs 'to' (a level such as N2, or vendor:NAME)")
        case .severityChange where severity == nil:
            throw .invalidField(field: path.name + ".severity", reason: "a severity_change event needs the new 'severity'")
        default:
            break
        }
        if let to, to.hasPrefix("vendor:"), to.count == 7 {
            throw .invalidField(field: path.name + ".to", reason: "vendor escalation needs a name after 'vendor:'")
        }
        if let items = reader.value(.attachments) {
            guard let list = items.items else {
                throw .invalidField(field: path.name + ".attachments", reason: "expected an array, found \(items.typeName)")
            }
            for (index, item) in list.enumerated() {
                let itemPath = FieldPath(event: path.event, attachment: index)
                guard let attachment = item.object else {
                    throw .invalidField(field: itemPath.name, reason: "expected an object with 'name', found \(item.typeName)")
                }
                let attachmentReader = FieldReader<Node>(object: attachment, path: itemPath)
                let name = try attachmentReader.requiredString(.name)
                guard !name.isEmpty else { throw .invalidField(field: itemPath.name + ".name", reason: "must not be empty") }
                attachments.append(Attachment(name: name, kind: try attachmentReader.optionalString(.kind)))
            }
        }
    }

    func write(to writer: inout JSONWriter) {
        writer.beginObject()
        writer.member("at", at.iso8601)
        writer.member("kind", kind.rawValue)
        if let author { writer.member("author", author) }
        writer.member("visibility", visibility.rawValue)
        writer.member("text", text)
        if let status { writer.member("status", status.rawValue) }
        if let to { writer.member("to", to) }
        if let severity { writer.member("severity", severity) }
        if !attachments.isEmpty {
            writer.key("attachments")
            writer.beginArray()
            for attachment in attachments {
                writer.beginObject()
                writer.member("name", attachment.name)
                if let kind = attachment.kind { writer.member("kind", kind) }
                writer.endObject()
            }
            writer.endArray()
        }
        writer.endObject()
    }
}

/// Where an object sits in a ticket record (the record itself, an event, an event's attachment).
///
/// Kept as numbers and spelled out only when an error names a field, so valid records build no paths.
struct FieldPath {
    var event: Int?
    var attachment: Int?

    /// The object's path, such as `events[3]` or `events[3].attachments[0]`; empty for the record.
    var name: String {
        guard let event else { return "" }
        guard let attachment else { return "events[\(event)]" }
        return "events[\(event)].attachments[\(attachment)]"
    }

    /// The path of one member of the object.
    func field(_ key: FieldName) -> String {
        event == nil ? key.text : name + "." + key.text
    }
}

/// The cases of a string enum by raw value, for lookups cheaper than `init(rawValue:)` (which on
/// Linux walks a freshly built array of static strings on every call).
struct RawValueTable<Value: RawRepresentable & CaseIterable & Sendable>: Sendable where Value.RawValue == String {
    private let entries: [(rawValue: [UInt8], value: Value)]

    init() {
        entries = Value.allCases.map { (Array($0.rawValue.utf8), $0) }
    }

    /// The case whose raw value is the text with this UTF-8, as `Value(rawValue:)` would find it.
    ///
    /// Raw values here are lower-case ASCII and `_`, which no other text is canonically equivalent
    /// to, so comparing bytes gives the same answer as comparing strings.
    func value(forUTF8 text: UnsafeBufferPointer<UInt8>) -> Value? {
        for entry in entries where entry.rawValue.count == text.count {
            var offset = 0
            while offset < text.count, entry.rawValue[offset] == text[offset] { offset += 1 }
            if offset == text.count { return entry.value }
        }
        return nil
    }
}

/// The raw-value tables of the enums a ticket record uses, built once.
enum RawValueTables {
    static let statuses = RawValueTable<TicketStatus>()
    static let channels = RawValueTable<Channel>()
    static let visibilities = RawValueTable<Visibility>()
    static let eventKinds = RawValueTable<EventKind>()
}

/// What decoding a ticket needs from a parsed JSON value. `JSONValue` and the parser's tape both
/// provide it, so one decoder, with one set of checks and messages, serves both.
protocol TicketJSONNode {
    associatedtype Object: TicketJSONObject where Object.Node == Self
    var typeName: String { get }
    var isNull: Bool { get }
    var intValue: Int? { get }
    var stringValue: String? { get }
    /// Calls `body` with the UTF-8 of a string value; nil for other values.
    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R?
    var items: [Self]? { get }
    /// The value as an object to read members from; nil for other values.
    var object: Object? { get }
}

/// The members of a JSON object, as ticket decoding reads them.
protocol TicketJSONObject {
    associatedtype Node: TicketJSONNode
    /// All members in document order.
    var members: [(String, Node)] { get }
    /// The last member named `key`, null included; nil when absent.
    func member(_ key: FieldName) -> Node?
}

extension JSONValue: TicketJSONNode {
    /// An object's members, looked up from the last.
    struct Object: TicketJSONObject {
        let members: [(String, JSONValue)]

        /// Field names are lower-case ASCII and `_`, which no other text is canonically equivalent
        /// to, so names of another UTF-8 length are skipped before strings are compared.
        func member(_ key: FieldName) -> JSONValue? {
            let length = key.utf8.count
            var index = members.endIndex
            while index > members.startIndex {
                index -= 1
                if members[index].0.utf8.count == length, members[index].0 == key.text { return members[index].1 }
            }
            return nil
        }
    }

    var object: Object? { objectValue.map(Object.init(members:)) }

    func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R? {
        guard case .string(var text) = self else { return nil }
        return try text.withUTF8(body)
    }

    var items: [JSONValue]? { arrayValue }
}

extension JSONParser.Tape.Value: TicketJSONNode {}

extension JSONParser.Tape.Object: TicketJSONObject {
    func member(_ key: FieldName) -> JSONParser.Tape.Value? {
        member(key.text, utf8: key.utf8, fingerprint: key.fingerprint)
    }
}

/// A member name ticket decoding reads, prepared once for both ways of looking it up: as a
/// string (`JSONValue`) and as bytes with the tape's fingerprint. Field names are lower-case
/// ASCII and `_`.
struct FieldName: Sendable {
    let text: String
    let utf8: [UInt8]
    let fingerprint: UInt64

    init(_ text: String) {
        self.text = text
        utf8 = Array(text.utf8)
        fingerprint = utf8.withUnsafeBufferPointer { JSONParser.Tape.Object.fingerprint($0) }
    }

    static let articles = FieldName("articles")
    static let assignee = FieldName("assignee")
    static let at = FieldName("at")
    static let attachments = FieldName("attachments")
    static let author = FieldName("author")
    static let channel = FieldName("channel")
    static let closedAt = FieldName("closed_at")
    static let createdAt = FieldName("created_at")
    static let customer = FieldName("customer")
    static let description = FieldName("description")
    static let events = FieldName("events")
    static let extra = FieldName("extra")
    static let id = FieldName("id")
    static let kind = FieldName("kind")
    static let language = FieldName("language")
    static let level = FieldName("level")
    static let name = FieldName("name")
    static let plan = FieldName("plan")
    static let resolution = FieldName("resolution")
    static let resolvedAt = FieldName("resolved_at")
    static let rootCause = FieldName("root_cause")
    static let service = FieldName("service")
    static let severity = FieldName("severity")
    static let status = FieldName("status")
    static let tags = FieldName("tags")
    static let text = FieldName("text")
    static let timezone = FieldName("timezone")
    static let title = FieldName("title")
    static let to = FieldName("to")
    static let visibility = FieldName("visibility")
}

/// Reads typed members of one JSON object, naming the member's path in every error.
struct FieldReader<Node: TicketJSONNode> {
    let object: Node.Object
    let path: FieldPath

    /// The member named `key` (the last one when repeated), nil when absent or null.
    func value(_ key: FieldName) -> Node? {
        guard let value = object.member(key), !value.isNull else { return nil }
        return value
    }

    func requiredString(_ key: FieldName) throws(TicketError) -> String {
        guard let value = value(key) else { throw .invalidField(field: path.field(key), reason: "missing") }
        guard let text = value.stringValue else {
            throw .invalidField(field: path.field(key), reason: "expected a string, found \(value.typeName)")
        }
        return try checkedLength(text, key)
    }

    func optionalString(_ key: FieldName) throws(TicketError) -> String? {
        guard let value = value(key) else { return nil }
        guard let text = value.stringValue else {
            throw .invalidField(field: path.field(key), reason: "expected a string, found \(value.typeName)")
        }
        return try checkedLength(text, key)
    }

    func checkedLength(_ text: String, _ key: FieldName) throws(TicketError) -> String {
        try checkLength(text.utf8.count, key)
        return text
    }

    func checkLength(_ byteCount: Int, _ key: FieldName) throws(TicketError) {
        guard byteCount <= Ticket.Limits.maximumTextBytes else {
            throw .invalidField(field: path.field(key), reason: "text of \(byteCount) bytes is over the limit of \(Ticket.Limits.maximumTextBytes) bytes")
        }
    }

    /// A string member read as bytes by `parse`, with the checks `optionalString` makes first; nil
    /// when absent or null. `invalid` is the error, given the field's path and text, when `parse` finds nothing.
    func parsedString<T>(
        _ key: FieldName, _ parse: (UnsafeBufferPointer<UInt8>) -> T?, invalid: (String, String) -> TicketError
    ) throws(TicketError) -> T? {
        guard let value = value(key) else { return nil }
        guard let (byteCount, result) = value.withUTF8({ ($0.count, parse($0)) }) else {
            throw .invalidField(field: path.field(key), reason: "expected a string, found \(value.typeName)")
        }
        try checkLength(byteCount, key)
        if let result { return result }
        throw invalid(path.field(key), value.stringValue ?? "")
    }

    func requiredInt(_ key: FieldName) throws(TicketError) -> Int {
        guard let value = value(key) else { throw .invalidField(field: path.field(key), reason: "missing") }
        guard let number = value.intValue else {
            throw .invalidField(field: path.field(key), reason: "expected an integer, found \(value.typeName)")
        }
        return number
    }

    func requiredEnum<T>(_ key: FieldName, _ table: RawValueTable<T>) throws(TicketError) -> T {
        guard let result = try optionalEnum(key, table) else { throw .invalidField(field: path.field(key), reason: "missing") }
        return result
    }

    func optionalEnum<T>(_ key: FieldName, _ table: RawValueTable<T>) throws(TicketError) -> T? {
        try parsedString(key, { table.value(forUTF8: $0) }) { field, text in
            let allowed = T.allCases.map(\.rawValue).joined(separator: ", ")
            return .unknownValue(field: field, value: text, reason: "unknown value '\(text.prefix(60))'; expected one of: \(allowed)")
        }
    }

    func requiredTime(_ key: FieldName) throws(TicketError) -> Timestamp {
        guard let result = try optionalTime(key) else { throw .invalidField(field: path.field(key), reason: "missing") }
        return result
    }

    /// Parsed from the string's bytes, as `Timestamp(iso8601:)` parses a string's UTF-8.
    func optionalTime(_ key: FieldName) throws(TicketError) -> Timestamp? {
        try parsedString(key, { Timestamp.parse($0) }) { field, text in
            .invalidField(field: field, reason: Timestamp.isLeapSecond(text)
                ? "'\(text.prefix(60))' is a leap second (:60), which kb's clock does not have; write :59"
                : "'\(text.prefix(60))' is not an ISO 8601 time with an offset, such as 2026-03-02T09:14:00-03:00")
        }
    }

    func stringList(_ key: FieldName) throws(TicketError) -> [String] {
        guard let value = value(key) else { return [] }
        guard let items = value.items else {
            throw .invalidField(field: path.field(key), reason: "expected an array of strings, found \(value.typeName)")
        }
        var result: [String] = []
        result.reserveCapacity(items.count)
        for (index, item) in items.enumerated() {
            guard let text = item.stringValue else {
                throw .invalidField(field: "\(path.field(key))[\(index)]", reason: "expected a string, found \(item.typeName)")
            }
            result.append(text)
        }
        return result
    }
}
