import Foundation

/// Turns CSV records into tickets through a mapping, with the same validation as JSON Lines.
///
/// A record becomes a native JSON object and goes through `Ticket(json:)`, so a bad value gets the
/// message a JSON line would get, with the column it came from: `severity (column "Prioridad"): …`.
/// Every field of a record is read before it is refused, so one rejection names all its bad values.
public struct CSVTicketBuilder {
    private struct Field {
        let name: String
        /// The columns the field reads, by index: one, or several for a list field.
        let columns: [Int]
        let columnName: String?
        let spec: CSVFieldMapping
        let foldedValues: [String: JSONValue]
    }

    /// The mapping the builder reads records with.
    public let mapping: CSVMapping
    /// The header's column names, trimmed.
    public let columns: [String]
    /// What the header lacks for the mapping: columns the mapping names that it does not have, then the required
    /// fields no column or default provides, all in one error. A file with problems imports nothing; a dry run still
    /// reads its records for the rest of its summary.
    public let problems: [CSVError]
    private let unmappedRequired: [String]
    /// The columns no field reads, in header order.
    let unreadColumns: [(index: Int, name: String)]
    private let fields: [Field]
    private let extraColumns: [(index: Int, name: String)]

    /// Resolves the mapping against a header, throwing its problems (`problems`, in one error when several).
    ///
    /// `file` names the file in errors.
    public init(header: CSVRecord, mapping: CSVMapping, file: String) throws(CSVError) {
        self.init(resolving: header, mapping: mapping, file: file)
        if let problem = Self.combined(problems) { throw problem }
    }

    /// Resolves the mapping against a header, keeping its problems in `problems`.
    init(resolving header: CSVRecord, mapping: CSVMapping, file: String) {
        self.mapping = mapping
        var names: [String] = []
        for index in 0..<header.count {
            let raw = Self.trimmed(header.field(index))
            let name = mapping.encoding.decode(raw) ?? String(decoding: raw, as: UTF8.self)
            names.append(name.isEmpty ? "column \(index + 1)" : name)
        }
        columns = names
        func find(_ column: String) -> Int? {
            names.firstIndex(of: column) ?? names.firstIndex { $0.lowercased() == column.lowercased() }
        }
        var resolved: [Field] = []
        var problems: [CSVError] = []
        var unmapped: [String] = []
        var used = Set<Int>()
        for field in CSVMapping.ticketFields {
            var spec = mapping.fields[field]
            if spec == nil {
                let named = Self.columns(namedLike: field, in: names).filter { !mapping.ignoredColumns.contains(names[$0]) }
                if !named.isEmpty { spec = CSVFieldMapping(columns: named.map { names[$0] }) }
            }
            guard let spec else {
                if CSVMapping.requiredFields.contains(field) { unmapped.append(field) }
                continue
            }
            var indices: [Int] = []
            for column in spec.columns {
                guard let found = find(column) else {
                    // A default stands in for a column the header lacks; without one the mapping is wrong.
                    if spec.defaultValue == nil {
                        problems.append(.unknownColumn(path: file, field: field, column: column, columns: names))
                    }
                    continue
                }
                indices.append(found)
                used.insert(found)
            }
            if indices.isEmpty, spec.defaultValue == nil { continue }
            var folded: [String: JSONValue] = [:]
            for (cell, value) in spec.values { folded[cell.lowercased()] = value }
            resolved.append(Field(name: field, columns: indices, columnName: indices.first.map { names[$0] }, spec: spec,
                                  foldedValues: folded))
        }
        if !unmapped.isEmpty { problems.append(.unmappedFields(path: file, fields: unmapped, columns: names)) }
        fields = resolved
        self.problems = problems
        unmappedRequired = unmapped
        unreadColumns = names.indices.filter { !used.contains($0) }.map { ($0, names[$0]) }
        var extras: [(Int, String)] = []
        if mapping.keepsUnmappedColumns {
            var seen: [String: Int] = [:]
            for (index, name) in names.enumerated() where !used.contains(index) && !mapping.ignoredColumns.contains(name) {
                seen[name, default: 0] += 1
                extras.append((index, seen[name]! == 1 ? name : "\(name) (\(seen[name]!))"))
            }
        }
        extraColumns = extras
    }

    /// True when required fields have no column: the file cannot be imported, and the values of the columns no field
    /// reads show where they might come from.
    var lacksRequiredFields: Bool { !unmappedRequired.isEmpty }

    /// The columns that map themselves to `field`: the one named like it (any case), or for a list field the
    /// numbered ones (`tag_1`, `tags_2`, `Tag 3`…) in number order.
    private static func columns(namedLike field: String, in names: [String]) -> [Int] {
        if let index = names.firstIndex(where: { $0.lowercased() == field }) { return [index] }
        guard CSVMapping.listFields.contains(field) else { return [] }
        let singular = String(field.dropLast())
        var numbered: [(number: Int, index: Int)] = []
        for (index, name) in names.enumerated() {
            let lowered = name.lowercased()
            for stem in [field, singular] {
                for separator in ["_", " ", "-", ""] where lowered.hasPrefix(stem + separator) {
                    if let number = Int(lowered.dropFirst(stem.count + separator.count)), number >= 0 {
                        numbered.append((number, index))
                    }
                }
            }
        }
        var seen = Set<Int>()
        return numbered.sorted { $0.number < $1.number }.map(\.index).filter { seen.insert($0).inserted }
    }

    /// The ticket of one record; throws `CSVError` for a record the mapping cannot read (naming every bad value)
    /// and `TicketError` for a value the ticket validation refuses.
    public func ticket(from record: CSVRecord, timeZoneCheck: (String) -> Bool = { _ in true }) throws -> Ticket {
        if record.count != columns.count {
            let surplusIsEmpty = record.count > columns.count
                && (columns.count..<record.count).allSatisfy { Self.trimmed(record.field($0)).isEmpty }
            guard surplusIsEmpty else { throw CSVError.raggedRecord(fields: record.count, expected: columns.count) }
        }
        var members: [(String, JSONValue)] = []
        members.reserveCapacity(fields.count + 1)
        var problems: [CSVError] = []
        var timeline: [String: Timestamp] = [:]
        for field in fields {
            let value: JSONValue?
            do {
                value = try self.value(of: field, in: record)
            } catch {
                problems.append(error)
                continue
            }
            guard let value else { continue }
            if CSVMapping.timelineFields.contains(field.name) {
                timeline[field.name] = value.stringValue.flatMap { Timestamp(iso8601: $0) }
            } else {
                members.append((field.name, value))
            }
        }
        if !members.contains(where: { $0.0 == "title" }),
           let description = members.first(where: { $0.0 == "description" })?.1.stringValue,
           let title = Ticket.title(fromDescription: description) {
            members.append(("title", .string(title)))
        }
        var extra: [(String, JSONValue)] = []
        for (index, name) in extraColumns where index < record.count {
            let raw = Self.trimmed(record.field(index))
            guard !raw.isEmpty else { continue }
            do {
                extra.append((name, .string(try text(of: raw, column: name))))
            } catch {
                problems.append(error)
            }
        }
        if !unmappedRequired.isEmpty { problems.append(.unmappedInRecord(fields: unmappedRequired)) }
        if let problem = Self.combined(problems) { throw problem }
        if !extra.isEmpty { members.append(("extra", .object(extra))) }
        do {
            var ticket = try Ticket(json: .object(members), timeZoneCheck: timeZoneCheck)
            try ticket.completeImportedTimeline(firstResponse: timeline["first_response_at"], lastUpdate: timeline["updated_at"])
            try ticket.checkImportable()
            return ticket
        } catch {
            // Name the column a bad value came from; other errors keep the JSON Lines wording.
            switch error {
            case let .invalidField(name, reason):
                if let column = column(of: name) { throw CSVError.invalidValue(field: name, column: column, reason: reason) }
            case let .unknownValue(name, value, reason):
                if let column = column(of: name) { throw CSVError.unknownValue(field: name, column: column, value: value, reason: reason) }
            default:
                break
            }
            throw error
        }
    }

    private func column(of field: String) -> String? {
        fields.first { $0.name == field }?.columnName
    }

    /// The field's value in `record`: from its cell(s) through the mapping, else its default; nil when neither.
    private func value(of field: Field, in record: CSVRecord) throws(CSVError) -> JSONValue? {
        var texts: [String] = []
        for column in field.columns where column < record.count {
            let raw = Self.trimmed(record.field(column))
            guard !raw.isEmpty else { continue }
            texts.append(try text(of: raw, column: columns[column]))
            if !CSVMapping.listFields.contains(field.name) { break }
        }
        if texts.isEmpty { return field.spec.defaultValue }
        if CSVMapping.listFields.contains(field.name) {
            let items = texts.flatMap { $0.components(separatedBy: field.spec.separator) }
                .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { !$0.isEmpty }
            return .array(items.map { .string(field.spec.prefix + $0) })
        }
        return try value(of: texts[0], for: field)
    }

    /// A cell's bytes as text in the mapping's encoding.
    private func text(of raw: ArraySlice<UInt8>, column: String) throws(CSVError) -> String {
        if raw.contains(0) { throw .nulByte(column: column) }
        guard let decoded = mapping.encoding.decode(raw) else {
            throw .invalidText(column: column, encoding: mapping.encoding.rawValue)
        }
        return decoded
    }

    /// kb's name for a status or channel as exports write it: `Closed`, `In Progress`, `in-progress` are `closed` and
    /// `in_progress` (helpdesks capitalise and space their names; other words need a value map).
    static func canonicalName(_ text: String) -> String {
        String(text.trimmingCharacters(in: .whitespaces).lowercased().map { $0 == " " || $0 == "-" ? "_" : $0 })
    }

    private func value(of text: String, for field: Field) throws(CSVError) -> JSONValue {
        let column = field.columnName ?? ""
        if let mapped = field.spec.values[text] ?? field.foldedValues[text.lowercased()] { return mapped }
        func unknown(_ expected: String) -> CSVError {
            .unknownValue(field: field.name, column: column, value: text, reason: "unknown value '\(text.prefix(60))'; \(expected)")
        }
        switch field.name {
        case "severity":
            if let number = Int(text) { return .number(Double(number)) }
            let known = field.spec.values.keys.sorted()
            throw unknown(known.isEmpty ? "expected 1 to 5; map it with \"values\" in the mapping"
                                        : "expected 1 to 5 or one of: \(known.joined(separator: ", "))")
        case "status":
            guard let status = TicketStatus(rawValue: Self.canonicalName(text)) else {
                throw unknown("expected one of: \(TicketStatus.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .string(status.rawValue)
        case "channel":
            guard let channel = Channel(rawValue: Self.canonicalName(text)) else {
                throw unknown("expected one of: \(Channel.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            return .string(channel.rawValue)
        case _ where CSVMapping.timeFields.contains(field.name):
            let format = field.spec.timeFormat ?? .iso8601
            guard let reading = format.read(text) else {
                let expected = Timestamp.isLeapSecond(text) ? "is a leap second (:60), which kb's clock does not have; write :59"
                    : field.spec.timeFormat.map { "does not match the format '\($0.pattern)'" }
                    ?? "is not an ISO 8601 time such as 2026-03-02T09:14:00-03:00; give the column's \"format\" in the mapping"
                throw .invalidValue(field: field.name, column: column, reason: "'\(text.prefix(60))' \(expected)")
            }
            let offset: Int
            if let written = reading.offsetSeconds {
                offset = written
            } else if let zone = mapping.timezone {
                offset = zone.offset(atLocal: reading.localSeconds)
            } else {
                throw .invalidValue(field: field.name, column: column, reason: "'\(text.prefix(60))' has no UTC offset; set \"timezone\" in the mapping (e.g. \"America/Santiago\") to read local times")
            }
            let stamp = Timestamp(seconds: reading.localSeconds - Int64(offset), offsetSeconds: Int32(offset))
            return .string(stamp.iso8601)
        default:
            return .string(field.spec.prefix + text)
        }
    }

    /// One error for a record's or a header's problems: the problem itself when there is one.
    private static func combined(_ problems: [CSVError]) -> CSVError? {
        problems.count > 1 ? .several(problems) : problems.first
    }

    /// The bytes without leading and trailing spaces, tabs and line ends.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var start = bytes.startIndex
        var end = bytes.endIndex
        func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }
        while start < end, isSpace(bytes[start]) { start += 1 }
        while end > start, isSpace(bytes[end - 1]) { end -= 1 }
        return bytes[start..<end]
    }
}
